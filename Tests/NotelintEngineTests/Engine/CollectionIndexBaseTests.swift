import Testing

@testable import NotelintCore

/// An index of a few notes stacked on a kept index of the others answers every question as one index of all the
/// notes does: an editor's server relies on it at every keystroke.
struct CollectionIndexBaseTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func notes(_ count: Int, seed: UInt64) -> [(path: String, facts: [CollectionFact])] {
        var random = Generator(state: seed)
        let kinds = ["unique", "tag-slug", "name"]
        return (0..<count).map { number in
            let facts = (0..<random.next(5)).map { position -> CollectionFact in
                let value = "v\(random.next(12))"
                // Spellings differ in case now and then, so that groups are mixed.
                let text = random.next(4) == 0 ? value.uppercased() : value
                return CollectionFact(
                    kind: kinds[random.next(kinds.count)], key: "key", value: value, text: text,
                    line: Int32(position + 2), column: 1, offset: Int32(position * 10), endLine: Int32(position + 2), endColumn: 3,
                    endOffset: Int32(position * 10 + 2))
            }
            return ("note-\(number).md", facts)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func aBaseAnswersAsOneIndexOfEveryNote(seed: UInt64) {
        let all = Self.notes(60, seed: seed)
        let checked = Array(all.prefix(3))
        let whole = CollectionIndex(notes: all)
        var builder = CollectionIndex.Builder(base: CollectionIndex(notes: Array(all.dropFirst(3))))
        for note in checked { builder.add(path: note.path, facts: note.facts) }
        let stacked = builder.build()
        #expect(stacked.noteCount == whole.noteCount)
        for note in 0..<whole.noteCount {
            #expect(stacked.path(ofNote: note) == whole.path(ofNote: note))
            #expect(Array(stacked.facts(ofNote: note)) == Array(whole.facts(ofNote: note)))
        }
        for kind in ["unique", "tag-slug", "name", "absent"] {
            for value in (0..<14).map({ "v\($0)" }) {
                #expect(stacked.count(kind: kind, value: value) == whole.count(kind: kind, value: value))
                #expect(stacked.contains(kind: kind, value: value) == whole.contains(kind: kind, value: value))
                #expect(stacked.spellings(kind: kind, value: value).map { "\($0.text)=\($0.count)" }
                    == whole.spellings(kind: kind, value: value).map { "\($0.text)=\($0.count)" })
                for note in [nil, 0, 1, 2, 10] as [Int?] {
                    #expect(stacked.hasOther(kind: kind, value: value, than: note) == whole.hasOther(kind: kind, value: value, than: note))
                    for limit in [1, 3, Int.max] {
                        let mine = stacked.occurrences(kind: kind, value: value, except: note, limit: limit).map { "\($0.note):\($0.fact.offset)" }
                        let theirs = whole.occurrences(kind: kind, value: value, except: note, limit: limit).map { "\($0.note):\($0.fact.offset)" }
                        #expect(mine == theirs)
                    }
                }
            }
        }
    }
}
