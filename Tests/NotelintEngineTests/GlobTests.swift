import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import Testing

struct GlobTests {
    @Test(arguments: [
        ("**/*.md", "notes/a.md", true), ("**/*.md", "a.md", true), ("**/*.md", "notes/a.markdown", false),
        ("*.md", "deep/er/a.md", true), ("notes/*.md", "notes/a.md", true), ("notes/*.md", "notes/x/a.md", false),
        ("notes/**", "notes/x/a.md", true), ("drafts/", "drafts/a.md", true), ("/top.md", "top.md", true),
        ("a?.md", "ab.md", true), ("a?.md", "a笔.md", true), ("a?.md", "abc.md", false),
        ("[ab]*.md", "b1.md", true), ("[!ab]*.md", "b1.md", false), ("[a-c]x.md", "bx.md", true),
        ("**/笔记/*.md", "x/笔记/一.md", true), ("**", "anything/at/all.md", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) ~ \(path)")
    }

    /// `**/x` is matched on the path's last part alone; `**/**/x` means the same and takes the general route.
    @Test func theLastPartShortcutAgreesWithTheGeneralMatch() {
        let paths = ["a.md", "notes/a.md", "notes/a.md/", "notes//a.md", "/a.md", "", "/", "a/b/c/笔记.md", "a.md/b", "x/.md", "x/a.mdx"]
        for pattern in ["*.md", "a.*", "笔记.md", "[ab].md", "?.md"] {
            for path in paths {
                #expect(Glob("**/" + pattern).matches(path) == Glob("**/**/" + pattern).matches(path), "\(pattern) ~ \(path)")
            }
        }
    }
}
