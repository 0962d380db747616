import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

/// `notelint lint --diff`: the unified diff of what `--fix` would change, exit status 1 when there is one, and
/// nothing written, through the built binary (a missing or stale build fails these tests: `swift build`, `make test`),
/// and the library path behind it (`fixedFiles` without writing, rendered by `UnifiedDiff`).
struct FixDiffTests {
    static let note = """
        ---
        title: 冷战的开端
        date: 2024/1/5
        draft: false
        status: budding
        tags: [War, war]
        summary: 1947 年，杜鲁门主义宣告了遏制政策。
        layout: post.njk
        ---

        Body, untouched: `date: 2024/1/5`.

        """

    /// What `--diff` prints for `note` saved as `note.md` (3 lines of context, one hunk).
    static let expectedDiff = """
        --- note.md
        +++ note.md
        @@ -1,9 +1,9 @@
         ---
         title: 冷战的开端
        -date: 2024/1/5
        +date: 2024-01-05
         draft: false
         status: budding
        -tags: [War, war]
        +tags: [war]
         summary: 1947 年，杜鲁门主义宣告了遏制政策。
         layout: post.njk
         ---

        """

    @Test
    func diffPrintsTheChangeExitsOneAndWritesNothing() throws {
        let folder = try FixTestFolder()
        let path = try folder.write("note.md", Self.note)
        let before = try Self.status(path)
        let result = try CommandRunner.notelint(["lint", "--diff", "--now", "2026-01-01", "note.md"], in: folder.path)
        #expect(result.output == Self.expectedDiff)
        #expect(result.status == 1)
        #expect(try folder.read("note.md") == Array(Self.note.utf8))
        let after = try Self.status(path)
        #expect(after.inode == before.inode && after.modified == before.modified, "the note was rewritten")
        #expect(try folder.names() == ["note.md"])
    }

    @Test
    func diffOfACleanNoteIsEmptyAndExitsZero() throws {
        let folder = try FixTestFolder()
        try folder.write("note.md", Self.note.replacingOccurrences(of: "2024/1/5", with: "2024-01-05")
            .replacingOccurrences(of: "[War, war]", with: "[war]"))
        let result = try CommandRunner.notelint(["lint", "--diff", "--now", "2026-01-01", "note.md"], in: folder.path)
        #expect(result.output == "")
        #expect(result.status == 0)
    }

    /// A CRLF note: each line of the diff keeps its CR before the LF the diff adds, as `diff -u` prints it, and
    /// `patch` turns the note into what `--fix --unsafe-fixes` writes.
    @Test
    func crlfDiffAppliesWithPatch() throws {
        let note = Self.note.replacingOccurrences(of: "status: budding", with: "status: evergren")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let folder = try FixTestFolder()
        try folder.write("note.md", note)
        try folder.write("copy.md", note)
        let diff = try CommandRunner.notelint(
            ["lint", "--diff", "--unsafe-fixes", "--now", "2026-01-01", "note.md"], in: folder.path)
        #expect(diff.status == 1)
        let body = [
            " ---", " title: 冷战的开端", "-date: 2024/1/5", "+date: 2024-01-05", " draft: false", "-status: evergren",
            "-tags: [War, war]", "+status: evergreen", "+tags: [war]", " summary: 1947 年，杜鲁门主义宣告了遏制政策。",
            " layout: post.njk", " ---",
        ]
        #expect(diff.output == "--- note.md\n+++ note.md\n@@ -1,9 +1,9 @@\n" + body.map { $0 + "\r\n" }.joined())
        try folder.write("note.diff", diff.output)

        let patched = try CommandRunner.run("/usr/bin/env", ["patch", "--quiet", "copy.md", "note.diff"], in: folder.path)
        try #require(patched.status != ExternalCommand.notFound, "patch is not installed")
        #expect(patched.status == 0, "\(patched.output)\(patched.error)")
        let fix = try CommandRunner.notelint(["lint", "--fix", "--unsafe-fixes", "--now", "2026-01-01", "note.md"], in: folder.path)
        #expect(fix.error.isEmpty, "\(fix.error)")
        #expect(try folder.read("copy.md") == folder.read("note.md"))
    }

    /// The library path `--diff` takes: `fixedFiles` without writing, rendered by `UnifiedDiff`.
    @Test func libraryDiffMatchesAndWritesNothing() throws {
        let folder = try FixTestFolder()
        let path = try folder.write("note.md", Self.note)
        let report = try Linter().lint(LintRequest(
            paths: [path], today: CalendarDate(year: 2026, month: 1, day: 1)!, fixes: .safe, writeFixes: false))
        try #require(report.fixedFiles.count == 1)
        let file = report.fixedFiles[0]
        #expect(file.original == Array(Self.note.utf8))
        #expect(file.applied == ["date-format": 1, "tag-format": 1])
        #expect(file.writeError == nil)
        #expect(UnifiedDiff.render(path: "note.md", original: file.original, fixed: file.fixed) == Self.expectedDiff)
        #expect(try folder.read("note.md") == Array(Self.note.utf8))
        // The findings reported are those of the note as `--fix` would leave it.
        #expect(!report.diagnostics.contains { $0.ruleID == "date-format" || $0.ruleID == "tag-format" })
    }

    @Test func renderKeepsCarriageReturnsAndMarksAMissingFinalNewline() {
        let diff = UnifiedDiff.render(
            path: "a.md", original: Array("---\r\ntitle: no\r\n---".utf8), fixed: Array("---\r\ntitle: 'no'\r\n---".utf8))
        #expect(diff == "--- a.md\n+++ a.md\n@@ -1,3 +1,3 @@\n ---\r\n-title: no\r\n+title: 'no'\r\n ---\n\\ No newline at end of file\n")
    }

    @Test func renderContextStopsThreeLinesAway() {
        let old = (1...12).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 6\n", with: "line six\n")
        let diff = UnifiedDiff.render(path: "n.md", original: Array(old.utf8), fixed: Array(new.utf8))
        #expect(diff == """
            --- n.md
            +++ n.md
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
    }

    static func status(_ path: String) throws -> (inode: UInt64, modified: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return (UInt64(info.st_ino), Int(modified.tv_sec) * 1_000_000_000 + Int(modified.tv_nsec))
    }
}
