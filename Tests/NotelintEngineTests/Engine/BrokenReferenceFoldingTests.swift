import Testing

@testable import NotelintCore

/// broken-reference works out file names and loosely folded names byte by byte for ASCII text: the same as by
/// characters, which non-ASCII text still goes through.
struct BrokenReferenceFoldingTests {
    @Test(arguments: [
        ("notes/On War.md", "On War"), ("notes/On War.MD", "On War"), ("On War.Md", "On War"), (".md", ""), ("a/b/c", "c"),
        ("dir/", ""), ("notes/Über Krieg.md", "Über Krieg"), ("戦争/孫子兵法.md", "孫子兵法"), ("a/b.markdown", "b.markdown"),
    ])
    func fileNames(path: String, stem: String) {
        #expect(BrokenReferenceRule.stem(of: path) == stem)
    }

    @Test(arguments: [
        ("Sun Tzu", "suntzu"), ("  Sun\t\tTzu \n", "suntzu"), ("machine_learning-101", "machinelearning101"),
        ("folder\\Note", "folder/note"), ("ABC xyz", "abcxyz"), ("Clausewitz", "clausewitz"), ("", ""),
        ("Café Müller", "cafemuller"), ("孫子 兵法", "孫子兵法"),
    ])
    func looseNames(text: String, loose: String) {
        #expect(BrokenReferenceRule.looseFold(text) == loose)
    }
}

/// The collection rules' ASCII shortcuts give what the general functions give.
struct CollectionValuesTests {
    @Test(arguments: ["On War", "on war", "ON WAR 1832", "", "Ärger", "İstanbul", "a\u{301}B", "Straße", "ΣΊΣΥΦΟΣ", "x"])
    func lowercasing(text: String) {
        #expect(Array(CollectionValues.lowercased(text).utf8) == Array(text.lowercased().utf8))
    }

    @Test(arguments: [
        ("On  War", "On War"), (" On War ", "On War"), ("On\tWar", "On War"), ("On War", "On War"), ("", ""),
        ("Über  Krieg", "Über Krieg"), ("戦争\u{3000}論", "戦争 論"), ("a\r\nb", "a b"),
    ])
    func whitespace(text: String, collapsed: String) {
        #expect(CollectionValues.collapsingWhitespace(text) == collapsed)
    }
}

extension BrokenReferenceFoldingTests {
    /// The near-name table shapes a note's file name from its path's bytes, with no string made: as the stem,
    /// loosely folded, is shaped, and with the stem's hash. Paths that are not ASCII are left to the strings.
    @Test func fileNamesAreShapedAsTheirLooselyFoldedStems() {
        var paths = [
            "notes/On War.md", ".md", "a/b/c", "dir/", "a\\b.md", "x/Sun Tzu.MD", "ab.md", "a.md", "A B.md", "a/b.markdown",
            "-_ .md", "x/\t\tAb-_cD .md", "notes/Über Krieg.md", "戦争/孫子兵法.md",
        ]
        // And random ones, from a fixed seed, of the bytes the folding treats apart and their neighbours (the
        // whitespace it drops is 9 to 13, read eight bytes at a time).
        let alphabet = Array("aZq09 -_\t\r\n\u{0B}\u{0C}\u{08}\u{0E},^`\\/.mdMD".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) + Int(state >> 61) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            paths.append(String(decoding: bytes, as: UTF8.self))
        }
        for path in paths {
            let stem = BrokenReferenceRule.stem(of: path)
            guard let found = NearNames.fileName(in: path) else {
                #expect(!path.utf8.allSatisfy { $0 < 0x80 }, "\(path)")
                continue
            }
            let expected = NearNames.shape(of: BrokenReferenceRule.looseFold(stem))
            #expect(found.shape.count == expected.count && found.shape.first == expected.first && found.shape.last == expected.last, "\(path)")
            #expect(found.text == FactDigest.text(stem), "\(path)")
        }
    }
}
