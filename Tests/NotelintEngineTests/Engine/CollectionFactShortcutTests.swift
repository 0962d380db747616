import NotelintLoader
import NotelintText
import Testing

@testable import NotelintCore
@testable import NotelintText

/// The collection rules read every note's keys and values through shortcuts (bytes instead of characters, tables
/// of scalars instead of Unicode lookups): each gives what the general way gives, for ASCII and for the rest.
struct CollectionFactShortcutTests {
    /// Texts where a shortcut could part from the general way: whitespace of every kind, composed and decomposed
    /// accents, CJK, fullwidth letters, Greek, controls.
    static let texts = [
        "", " ", "  ", "On War", "on war", "ON WAR 1832", " On War", "On War ", "On  War", "On\tWar", "On\nWar", "a\r\nb",
        "Café", "Cafe\u{301}", "CAFÉ", "CAFE\u{301}", "É", "a \u{301}b", " \u{301}", "\u{301}", "Über  Krieg", "Straße",
        "İstanbul", "ΣΊΣΥΦΟΣ", "σίσυφος", "戦争論", "戦争\u{3000}論", "\u{3000}戦争", "孫子 兵法", "历怎从为动——统五了，终次达研？",
        "Ａｂｃ", "ａｂｃ", "（注）", "a\u{A0}b", "a\u{85}b", "a\u{2028}b", "a\u{202F}b", "a\u{200B}b", "\u{A0}", "a\u{7F}b",
        "\u{1}x", "x\u{1F}", "Leica M\u{212A}", "\u{1F600} smile", "Ｗｏｒｌｄ", "ǅemal", "ﬁne", "\u{2160}", "ⓐⒶ", "한국어 제목",
        "𠀀𠀁", "À la carte", "naïve — “quoted”", "tab\tand  double", "trailing\t", "\u{3000}",
    ]

    @Test func whitespaceScalarsAreTheTables() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(CollectionValues.isWhitespace(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func scalarsTakenAsCaselessAreCaseless() {
        for value in UInt32(0x80)...0x10FFFF where CollectionValues.isUnchangedByLowercasing(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.properties.lowercaseMapping == String(scalar), "U+\(String(value, radix: 16))")
        }
    }

    /// `folded` passes over three-byte scalars led by 0xE4 to 0xE9 without decoding them.
    @Test func scalarsFrom4000To9FFFHaveNoCaseAndNoWhitespace() {
        for value in UInt32(0x4000)...0x9FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Array(String(scalar).utf8).first.map { (0xE4...0xE9).contains($0) } == true)
            #expect(!scalar.properties.isWhitespace && scalar.properties.lowercaseMapping == String(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: texts)
    func lowercasingGivesTheSameBytes(text: String) {
        #expect(Array(CollectionValues.lowercased(text).utf8) == Array(text.lowercased().utf8))
    }

    @Test(arguments: texts)
    func collapsingGivesTheSameBytes(text: String) {
        #expect(Array(CollectionValues.collapsingWhitespace(text).utf8) == Array(Self.collapsedByScalars(text).utf8))
    }

    @Test(arguments: texts)
    func foldingIsCollapsingThenLowercasing(text: String) {
        Self.expectFoldingIsCollapsingThenLowercasing(text)
    }

    /// `folded`, each way, gives the bytes of collapsing scalar by scalar and then `lowercased()`.
    static func expectFoldingIsCollapsingThenLowercasing(_ text: String) {
        for collapsing in [false, true] {
            for lowercasing in [false, true] {
                let collapsed = collapsing ? Self.collapsedByScalars(text) : text
                let expected = lowercasing ? collapsed.lowercased() : collapsed
                let folded = CollectionValues.folded(text, collapsing: collapsing, lowercasing: lowercasing)
                #expect(Array(folded.utf8) == Array(expected.utf8), "\(text) \(collapsing) \(lowercasing)")
                // The hashes straight from the bytes: given for every ASCII text collapsing keeps (when collapsing,
                // one without control characters), and then the hashes of the folded text and of the text as written.
                let hashes = CollectionValues.foldedHashes(text, collapsing: collapsing, lowercasing: lowercasing)
                let isTaken = text.utf8.allSatisfy { $0 < 0x80 && (!collapsing || $0 >= 0x20) } && collapsed == text
                #expect((hashes != nil) == isTaken, "\(text) \(collapsing) \(lowercasing)")
                if let hashes {
                    #expect(hashes.value == StableHash.of(expected) && hashes.text == StableHash.of(text), "\(text) \(collapsing) \(lowercasing)")
                }
            }
        }
    }

    /// Folding reads ASCII eight bytes at a time: a byte at each place of a word, and next to the bytes each mask
    /// tells apart (`@` and `[` around the capitals, controls and `!` around the space), is folded as the general
    /// way folds it.
    @Test func foldingWordsAtATimeGivesTheSameBytes() {
        let pieces = [
            " ", "  ", "\t", "A", "Z", "@", "[", "`", "{", "!", "\u{1F}", "\u{7F}", "é", "É", "戦", "a  B", "Q R",
        ]
        for before in 0..<10 {
            for piece in pieces {
                for after in 0..<10 {
                    for lead in ["", " ", "Word "] {
                        let text = lead + String(repeating: "x", count: before) + piece + String(repeating: "Y", count: after)
                        #expect(Array(CollectionValues.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(text)")
                        #expect(Array(CollectionValues.collapsingWhitespace(text).utf8) == Array(Self.collapsedByScalars(text).utf8), "\(text)")
                        Self.expectFoldingIsCollapsingThenLowercasing(text)
                    }
                }
            }
        }
    }

    @Test(arguments: texts)
    func blanksAreWhatCharactersSay(text: String) {
        #expect(CollectionValues.isBlank(text) == text.allSatisfy(\.isWhitespace))
    }

    /// Whitespace collapsed scalar by scalar, as the rule always has: a text with no space first, last or after
    /// another, no control character and no other whitespace is kept; any other is split at whitespace characters.
    static func collapsedByScalars(_ text: String) -> String {
        var previousIsSpace = true
        var plain = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " "
            if isSpace && previousIsSpace || scalar.value < 0x20 || !scalar.isASCII && scalar.properties.isWhitespace {
                plain = false
                break
            }
            previousIsSpace = isSpace
        }
        if plain && (!previousIsSpace || text.isEmpty) { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [
        ("tags", true), ("machine-learning", true), ("a1-b2-c3", true), ("2024", true), ("x-y-z-0", true), ("-a", false),
        ("a-", false), ("a--b", false), ("A", false), ("a_b", false), ("a b", false), ("a.b", false), ("é", false),
        ("e\u{301}", false), ("戦争", false), ("", false), ("-", false),
    ])
    func ownSlugsAreTheirSlugInEveryStyle(text: String, isOwn: Bool) {
        #expect(SlugCollisionRule.isOwnSlug(text) == isOwn)
        guard isOwn else { return }
        for style in SlugStyle.allCases { #expect(style.slug(text) == text, "\(style.rawValue): \(text)") }
    }

    @Test func ownSlugsHoldForEveryShortText() {
        let alphabet = Array("az09-_A .é戦一鿿")
        var texts = [""]
        for _ in 0..<4 { texts = texts + texts.flatMap { text in alphabet.map { text + String($0) } } }
        for text in Set(texts) where SlugCollisionRule.isOwnSlug(text) {
            for style in SlugStyle.allCases { #expect(style.slug(text) == text, "\(style.rawValue): \(text)") }
        }
        for text in Set(texts) where SlugCollisionRule.isOwnSlug(text, ideographs: true) {
            for style in SlugStyle.allCases where SlugCollisionRule.keepsIdeographs(style) {
                #expect(style.slug(text) == text, "\(style.rawValue): \(text)")
            }
        }
    }

    /// Own slugs are read eight bytes at a time: a byte at each place of a word, and the bytes next to those the
    /// masks take (`/` and `:` around the digits, `` ` `` and `{` around the letters, `,` and `.` around the hyphen),
    /// are judged as scalar by scalar.
    @Test func ownSlugsReadWordsAtATime() {
        func byScalars(_ text: String, ideographs: Bool) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first, let last = scalars.last, first != "-", last != "-" else { return false }
            for (index, scalar) in scalars.enumerated() {
                switch scalar {
                case "a"..."z", "0"..."9": continue
                case "-" where scalars[index - 1] != "-": continue
                case "\u{4E00}"..."\u{9FFF}" where ideographs: continue
                default: return false
                }
            }
            return true
        }
        let pieces = ["-", "--", "A", "_", "/", ":", "`", "{", ",", ".", "@", " ", "z", "9", "0", "a", "é", "戦", "-戦-"]
        for before in 0..<10 {
            for piece in pieces {
                for after in 0..<10 {
                    for lead in ["", "-", "ab-"] {
                        let text = lead + String(repeating: "x", count: before) + piece + String(repeating: "7", count: after)
                        for ideographs in [false, true] {
                            #expect(SlugCollisionRule.isOwnSlug(text, ideographs: ideographs) == byScalars(text, ideographs: ideographs), "\(text)")
                        }
                    }
                }
            }
        }
    }

    /// Every ideograph the shortcut takes is its own slug in the styles that keep ideographs; the scalars next to
    /// them (Yijing hexagrams, U+4DC0 to U+4DFF, are symbols) are not taken.
    @Test func ideographsTakenAsOwnSlugsAreKept() {
        var taken = 0
        for value in UInt32(0x4000)...0xA000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a-" + String(scalar)
            guard SlugCollisionRule.isOwnSlug(text, ideographs: true) else { continue }
            #expect((0x4E00...0x9FFF).contains(value), "U+\(String(value, radix: 16))")
            for style in SlugStyle.allCases where SlugCollisionRule.keepsIdeographs(style) {
                #expect(style.slug(text) == text, "\(style.rawValue): U+\(String(value, radix: 16))")
            }
            taken += 1
        }
        #expect(taken == 0x9FFF - 0x4E00 + 1)
        #expect(!SlugCollisionRule.isOwnSlug("戦争"))
        #expect(SlugCollisionRule.isOwnSlug("戦争-war", ideographs: true))
        #expect(!SlugCollisionRule.isOwnSlug("戦争--war", ideographs: true))
        #expect(!SlugCollisionRule.isOwnSlug("\u{4DC0}", ideographs: true))
    }

    @Test(arguments: [
        "[[a]]", "[[Sun Tzu|the author]] and [[Moltke#Plans]]", "[[[x]]]", "[[a]", "]][[b]]", "x [[a^b]] y", "[[]]",
        "[[a\r\nb]]", "[[a]][[b]]", "[ [a] ]", "[[a|b|c]]", "[[#Heading]]", "[[cover.png]]", "no link [", "[[a]] [[",
        "[[孫子]]", "[[Cafe\u{301}]]", "[[a\u{301}]]", "[\u{301}[a]]", "[[x]\u{301}]",
    ])
    func wikilinksAreWhatCharactersFind(text: String) {
        #expect(BrokenReferenceRule.wikilinkTargets(in: text) == Self.wikilinksByCharacters(text))
    }

    /// Wikilink targets found character by character, as the rule always has.
    static func wikilinksByCharacters(_ text: String) -> [String] {
        var targets: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            targets.append(String(rest[open.upperBound..<close.lowerBound].prefix { $0 != "|" && $0 != "#" && $0 != "^" }))
            rest = rest[close.upperBound...]
        }
        return targets
    }

    @Test(arguments: [
        "cover.png", "notes/cover.png", "cover.PNG", "a.b/c", "a/b.c", ".png", "a/.png", "x.", "x.toolong", "x.12", "x.mp4",
        "x.a_b", "Note", "v1.2", "x.p\r\n", "x.pn\u{301}g", "x.pñg", "戦争.png", "x.ｐｎｇ", "a.b.c", "a..b",
    ])
    func attachmentsAreWhatCharactersSay(name: String) {
        #expect(BrokenReferenceRule.hasAttachmentExtension(name) == Self.hasAttachmentExtensionByCharacters(name))
    }

    /// Whether a name ends in an extension, character by character, as the rule always has.
    static func hasAttachmentExtensionByCharacters(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), let slash = name.lastIndex(of: "/") ?? Optional(name.startIndex), dot > slash else { return false }
        let ext = name[name.index(after: dot)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && ext.contains(where: \.isLetter)
    }

    @Test(arguments: ["\n", "\r\n"], ["", "\u{FEFF}"])
    func valuesWithoutABracketInTheirSourceMentionNoLink(lineBreak: String, prefix: String) throws {
        let lines = [
            "---", "# 戦争 [[x]]", "戦争: 孫子", "a: \"\\x5B\\x5Bnote]]\"", "b: '[[x]]'", "c: |", "  [[x]]", "d: [a, \"[[b]]\"]", "e: {k: \"[[v]]\"}",
            "f: &x \"[[y]]\"", "g: *x", "h: \"\\u005B[z]]\"", "i:", "- plain", "- \"[[listed]]\"", "j: plain [[words]] here",
            "k: 'no link'", "l:", "  m: \"\\U0000005B[deep]]\"", "n: >", "  folded", "  [[fold]]", "o: 名前 # [[comment]]", "---", "",
        ]
        let text = prefix + lines.joined(separator: lineBreak)
        let note = NoteLoader().load(bytes: Array(text.utf8), path: "n.md")
        let pairs = try #require(note.root?.dereferenced.pairs)
        #expect(pairs.count == 15)
        for pair in pairs {
            let mentions = BrokenReferenceRule.mentionsLink(pair.value)
            #expect(!mentions || BrokenReferenceRule.mayMentionLink(pair.value, in: note.source.bytes), "\(pair.name ?? "")")
        }
        #expect(pairs.filter { BrokenReferenceRule.mentionsLink($0.value) }.count == 11)
        // And the bytes do settle the others.
        #expect(pairs.filter { !BrokenReferenceRule.mayMentionLink($0.value, in: note.source.bytes) }.map(\.name) == ["戦争", "g", "k", "o"])
    }

    @Test func keysAreFoundAsStringsCompareThem() throws {
        let keys = [
            "title", "K", "Kelvin", "café", "cafe\u{301}", "tags", "title", "t", "", "source", "名前", "dateK",
        ]
        let names = [
            "titles", "Title", "\u{212A}", "\u{212A}elvin", "cafe\u{301}", "café", "tag", "tags", "t", "ti\u{212A}le",
            "名前", "source", "sourcE", "date\u{212A}", "", "s",
        ]
        // Every order of a few names, so that "the first pair of each key" is tested too.
        for start in names.indices {
            let order = Array(names[start...] + names[..<start])
            let yaml = "---\n" + order.enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: "\n") + "\n---\n"
            let root = try #require(NoteLoader().load(bytes: Array(yaml.utf8), path: "n.md").root?.dereferenced)
            let pairs = try #require(root.pairs)
            #expect(pairs.count == names.count)
            // Past 64 keys, every key is compared with every name.
            for keys in [keys, keys + (0..<60).map { "key\($0)" } + ["K"], ["title", "source", "tags", "Kelvin", "date"]] {
                let found = CollectionValues.Keys(keys).pairs(in: root).map { $0?.value.scalar?.text }
                let expected = keys.map { key in pairs.first { $0.name == key }?.value.scalar?.text }
                #expect(found == expected, "\(order)")
            }
            // Several rules' keys found in one walk: each rule reads its own, as its own walk finds them.
            let rules: [[String]?] = [keys, nil, ["tags", "K", "source", "missing"], keys.reversed(), ["café", "cafe\u{301}", "名前"]]
            let union = CollectionValues.KeyUnion(rules.map { $0.map(CollectionValues.Keys.init) })
            let all = union.pairs(in: root)
            for (number, rule) in rules.enumerated() {
                let found = union.pairs(ofRule: number, from: all).map { $0.map { $0?.value.scalar?.text } }
                #expect(found == rule.map { CollectionValues.Keys($0).pairs(in: root).map { $0?.value.scalar?.text } }, "\(order) \(number)")
            }
        }
    }

    @Test func ideographsAreLettersOfNoCombiningClass() {
        for value in UInt32(0x4E00)...0x9FFF {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.properties.canonicalCombiningClass == .notReordered && scalar.properties.generalCategory == .otherLetter)
        }
    }

    /// Values told apart by their stable hashes are told apart as Swift compares strings: composed and decomposed
    /// accents, the Kelvin sign and `K`, a compatibility ideograph and its ideograph are one value.
    @Test func seenIsASetOfStrings() {
        let values = [
            "a", "b", "a", "cafe\u{301}", "café", "\u{212A}", "K", "戦争", "平和", "\u{8C48}", "\u{F900}", "戦争", "ab", "abc", "abd",
            "c", "d", "e", "f", "g", "h", "i", "j", "b", "k", "é", "e\u{301}",
        ]
        // Short lists too, compared one by one rather than in a set.
        for count in 1...values.count {
            var seen = CollectionValues.Seen()
            var set: Set<String> = []
            for value in values.prefix(count).reversed() {
                #expect(seen.insert(StableHash.of(value)) == set.insert(value).inserted, "\(value)")
            }
        }
        var seen = CollectionValues.Seen()
        var set: Set<String> = []
        for value in values { #expect(seen.insert(StableHash.of(value)) == set.insert(value).inserted, "\(value)") }
    }
}
