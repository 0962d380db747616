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
