import Testing

@testable import NotelintCore

/// The index keeps each note's facts packed into one buffer: what it reads back must be what was packed, byte for
/// byte, and facts equal as strings must meet in the index however they were written.
struct PackedFactsTests {
    static func fact(_ kind: String, _ key: String, _ value: String, _ text: String, line: Int32 = 2, offset: Int32 = 4) -> CollectionFact {
        CollectionFact(
            kind: kind, key: key, value: value, text: text, line: line, column: 7, offset: offset, endLine: line + 1, endColumn: 1,
            endOffset: offset + Int32(text.utf8.count))
    }

    static let facts: [CollectionFact] = [
        // A kind of the collection rules, a value that is its text.
        fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "machine-learning"),
        // A value that is its text lowercased, and one that is not (a slug).
        fact(DuplicateValueRule.kind + ".title", "title", "on war and peace in the long nineteenth century", "On War and Peace in the Long Nineteenth Century"),
        fact(SlugCollisionRule.tagKind, "tags", "machine-learning", "Machine Learning"),
        // Text beyond ASCII: lowercased by Unicode's rules, kept as a value of its own.
        fact(DuplicateValueRule.kind + ".title", "title", "état", "ÉTAT"),
        fact(DuplicateValueRule.kind + ".title", "title", "戦争論", "戦争論"),
        // A kind no rule of ours uses, a kind named after another key, an empty value, large and negative numbers.
        fact("someone-else.kind", "k", "v", "V", line: 300_000, offset: Int32.max - 100),
        fact(DuplicateValueRule.kind + ".source", "title", "x", "x", line: -1, offset: 0),
        fact(BrokenReferenceRule.draftKind, "draft", "", "true"),
        fact(BrokenReferenceRule.nameKind, "file", "Ünïcödé Nämé with a rather long file name to go past inline strings",
             "Ünïcödé Nämé with a rather long file name to go past inline strings"),
    ]

    @Test func factsReadBackAsPacked() {
        let packed = PackedFacts(Self.facts)
        #expect(packed.count == Self.facts.count)
        #expect(packed.facts == Self.facts)
        for (index, fact) in Self.facts.enumerated() {
            let back = packed[index]
            // Byte for byte, not only equal as strings.
            #expect(Array(back.kind.utf8) == Array(fact.kind.utf8))
            #expect(Array(back.key.utf8) == Array(fact.key.utf8))
            #expect(Array(back.value.utf8) == Array(fact.value.utf8))
            #expect(Array(back.text.utf8) == Array(fact.text.utf8))
            #expect(back.range == fact.range)
            #expect(packed.hash(at: index) == PackedFacts.hash(kind: fact.kind, value: fact.value))
        }
        #expect(packed.facts(ofKind: SlugCollisionRule.tagKind).map(\.text) == ["machine-learning", "Machine Learning"])
        #expect(packed.facts(ofKind: "someone-else.kind").map(\.text) == ["V"])
        #expect(PackedFacts([]).count == 0)
        #expect(PackedFacts().facts.isEmpty)
    }

    @Test func valuesEqualAsStringsMeetHoweverTheyAreWritten() {
        // `é` composed in one note and decomposed in the other: one value, two spellings.
        let composed = Self.fact(SlugCollisionRule.tagKind, "tags", "caf\u{E9}", "caf\u{E9}")
        let decomposed = Self.fact(SlugCollisionRule.tagKind, "tags", "cafe\u{301}", "cafe\u{301}")
        let index = CollectionIndex(notes: [("a.md", [composed]), ("b.md", [decomposed]), ("c.md", [composed])])
        #expect(index.count(kind: SlugCollisionRule.tagKind, value: "caf\u{E9}") == 3)
        #expect(index.hasOther(kind: SlugCollisionRule.tagKind, value: "cafe\u{301}", than: 1))
        #expect(index.facts(ofNote: 1, meeting: .shared).count == 1)
        let lone = CollectionIndex(notes: [("a.md", Self.facts), ("b.md", [Self.facts[0]])])
        // Only the tag meets a fact of the other note; the other facts are not read back.
        #expect(lone.facts(ofNote: 0, meeting: .shared).map(\.text) == ["machine-learning", "Machine Learning"])
        #expect(lone.facts(ofNote: 0, meeting: .mixed).map(\.text) == ["machine-learning", "Machine Learning"])
        #expect(lone.facts(ofNote: 1, meeting: .shared).map(\.text) == ["machine-learning"])
        // Facts of other kinds are passed over when their kind says so.
        #expect(lone.facts(ofNote: 0, meeting: .shared, kinds: [DuplicateValueRule.kind + ".title"]).isEmpty)
        #expect(lone.facts(ofNote: 0, meeting: .shared, kinds: [SlugCollisionRule.tagKind]).count == 2)
        #expect(lone.spellings(kind: SlugCollisionRule.tagKind, value: "machine-learning").map { "\($0.text)=\($0.count)" }
            == ["machine-learning=2", "Machine Learning=1"])
    }
}
