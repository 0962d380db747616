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
