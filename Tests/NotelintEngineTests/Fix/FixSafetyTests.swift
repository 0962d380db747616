import Foundation
import NotelintLoader
import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText

/// `--fix` on real files: what is kept (permission bits, owner, symlinks, line breaks, BOM), what is refused (a note
/// changed on disk meanwhile, a folder that cannot be written, front matter that does not parse, a fix that would
/// break the YAML), and that the writer leaves no temporary file behind.
struct FixSafetyTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    /// A note with safe defects: a slash date, a capitalised tag, two blanks at the end of a line.
    static let note = """
        ---
        title: 仁川登陆
        date: 2024/9/15
        draft: false
        status: budding
        tags: [War, power]\u{20}\u{20}
        summary: 1950年9月15日，联合国军在仁川登陆。
        layout: post.njk
        ---

        Body.

        """
    static let fixedNote = note.replacingOccurrences(of: "2024/9/15", with: "2024-09-15")
        .replacingOccurrences(of: "[War, power]  ", with: "[war, power]")

    static func fix(_ paths: [String], level: Applicability = .safe) throws -> LintReport {
        try Linter().lint(LintRequest(paths: paths, today: today, fixes: level))
    }

    static func mode(_ path: String) -> (mode: mode_t, uid: uid_t, gid: gid_t, isLink: Bool) {
        var info = stat()
        _ = lstat(path, &info)
        return (info.st_mode & 0o7777, info.st_uid, info.st_gid, (info.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test func permissionBitsAreKept() throws {
        let folder = try FixTestFolder()
        for bits: mode_t in [0o640, 0o600, 0o755, 0o444] {
            let path = try folder.write("note-\(String(bits, radix: 8)).md", Self.note)
            try #require(chmod(path, bits) == 0)
            let report = try Self.fix([path])
            #expect(report.fixedFiles.first?.writeError == nil)
            #expect(try folder.read("note-\(String(bits, radix: 8)).md") == Array(Self.fixedNote.utf8))
            #expect(Self.mode(path).mode == bits, "mode \(String(Self.mode(path).mode, radix: 8)), was \(String(bits, radix: 8))")
        }
        #expect(try folder.names().allSatisfy { !$0.hasPrefix(".") }, "a temporary file was left behind")
    }

    /// As root, the writer can give the new file its owner back; as anyone else it cannot (and need not: the
    /// note was theirs).
    @Test(.enabled(if: getuid() == 0, "only root can give a file to another user"))
    func ownerIsKept() throws {
        let folder = try FixTestFolder()
        let path = try folder.write("note.md", Self.note)
        try #require(chown(path, 4321, 4322) == 0)
        _ = try Self.fix([path])
        #expect(try folder.read("note.md") == Array(Self.fixedNote.utf8))
        let after = Self.mode(path)
        #expect(after.uid == 4321 && after.gid == 4322, "owner \(after.uid):\(after.gid)")
    }

    @Test func aSymlinkIsFixedThroughAndStaysALink() throws {
        let folder = try FixTestFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/notes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/links", withIntermediateDirectories: true)
        // A repository: a note named alone may link anywhere inside the repository that holds it.
        try FileManager.default.createDirectory(atPath: folder.path + "/.git", withIntermediateDirectories: true)
        let target = try folder.write("notes/real.md", Self.note)
        // A relative link to a relative link: both stay links, and only the file at the end changes.
        try #require(symlink("../notes/real.md", folder.path + "/links/first.md") == 0)
        try #require(symlink("first.md", folder.path + "/links/second.md") == 0)
        let link = folder.path + "/links/second.md"

        let report = try Self.fix([link])
        #expect(report.fixedFiles.first?.writeError == nil)
        #expect(try folder.read("notes/real.md") == Array(Self.fixedNote.utf8))
        #expect(Self.mode(link).isLink)
        #expect(Self.mode(folder.path + "/links/first.md").isLink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "first.md")
        #expect(!Self.mode(target).isLink)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/notes")
            + FileManager.default.contentsOfDirectory(atPath: folder.path + "/links")
        #expect(leftovers.sorted() == ["first.md", "real.md", "second.md"])
    }

    /// 84 CJK characters and `.md` make a 255-byte name, the usual limit: the writer's temporary file must still fit.
    @Test func aNoteWithTheLongestNameIsFixed() throws {
        let folder = try FixTestFolder()
        let name = String(repeating: "朝", count: 84) + ".md"
        #expect(name.utf8.count == 255)
        try folder.write(name, Self.note)
        let report = try Self.fix([folder.path + "/" + name])
        #expect(report.fixedFiles.first?.writeError == nil, "\(report.fixedFiles.first?.writeError ?? "")")
        #expect(try folder.read(name) == Array(Self.fixedNote.utf8))
        #expect(try folder.names() == [name])
    }

    @Test func temporaryNamesAreCutBetweenCharacters() {
        #expect(AtomicFileWriter.shortened("note.md") == "note.md")
        let cjk = String(repeating: "朝", count: 84)
        // 100 bytes fall inside the 34th character: 33 whole ones (99 bytes) remain.
        #expect(AtomicFileWriter.shortened(cjk) == String(repeating: "朝", count: 33))
        let ascii = String(repeating: "a", count: 300)
        #expect(AtomicFileWriter.shortened(ascii) == String(repeating: "a", count: 100))
    }

    @Test func aNoteChangedOnDiskIsNotOverwritten() throws {
        let folder = try FixTestFolder()
        let path = try folder.write("note.md", Self.note)
        let read = Array(Self.note.utf8)
        // Someone saves the note after notelint read it.
        let saved = Array(Self.note.replacingOccurrences(of: "Body.", with: "Body, edited meanwhile.").utf8)
        try folder.write("note.md", saved)

        let result = AtomicFileWriter.replace(path, with: Array(Self.fixedNote.utf8), expecting: read)
        guard case .failure(.changedOnDisk) = result else {
            Issue.record("expected changedOnDisk, got \(result)")
            return
        }
        #expect(try folder.read("note.md") == saved)
        #expect(try folder.names() == ["note.md"], "the temporary file must be removed")

        // With what is on disk now, the same call goes through.
        let fixed = Array(Self.fixedNote.utf8)
        guard case .success = AtomicFileWriter.replace(path, with: fixed, expecting: saved) else {
            Issue.record("replacing with the current content expected must succeed")
            return
        }
        #expect(try folder.read("note.md") == fixed)
    }

    /// Whether this process can make a folder unwritable for itself: by permission bits for a user, by the
    /// immutable attribute for root (whom permission bits do not stop).
    static let unwritableFoldersWork: Bool = {
        guard let folder = try? FixTestFolder() else { return false }
        guard makeUnwritable(folder.path) else { return false }
        defer { makeWritable(folder.path) }
        return (try? folder.write("probe", "x")) == nil
    }()

    @discardableResult
    static func makeUnwritable(_ path: String) -> Bool {
        if getuid() != 0 { return chmod(path, 0o555) == 0 }
        return (try? CommandRunner.run("/usr/bin/env", ["chattr", "+i", path], in: "/"))?.status == 0
    }

    static func makeWritable(_ path: String) {
        if getuid() != 0 {
            _ = chmod(path, 0o755)
        } else {
            _ = try? CommandRunner.run("/usr/bin/env", ["chattr", "-i", path], in: "/")
        }
    }

    @Test(.enabled(if: unwritableFoldersWork, "cannot make a folder unwritable here"))
    func anUnwritableFolderLeavesTheNoteIntactAndReportsIt() throws {
        let folder = try FixTestFolder()
        let path = try folder.write("note.md", Self.note)
        try #require(Self.makeUnwritable(folder.path))
        defer { Self.makeWritable(folder.path) }

        let report = try Self.fix([path])
        let file = try #require(report.fixedFiles.first)
        #expect(file.writeError?.contains("cannot create a temporary file") == true, "\(file.writeError ?? "no error")")
        #expect(file.fixed == Array(Self.fixedNote.utf8))
        #expect(try folder.read("note.md") == Array(Self.note.utf8))
        // Findings describe the note as it still is on disk.
        #expect(report.diagnostics.contains { $0.ruleID == "date-format" })
        #expect(try folder.names() == ["note.md"])
    }

    /// The rename itself refused (the note is immutable; root only): the temporary file goes, the note stays.
    @Test(.enabled(if: getuid() == 0 && unwritableFoldersWork, "needs root and chattr"))
    func aRefusedRenameLeavesTheNoteIntact() throws {
        let folder = try FixTestFolder()
        let path = try folder.write("note.md", Self.note)
        try #require(Self.makeUnwritable(path))
        defer { Self.makeWritable(path) }

        let report = try Self.fix([path])
        #expect(report.fixedFiles.first?.writeError?.contains("cannot replace the file") == true,
                "\(report.fixedFiles.first?.writeError ?? "no error")")
        #expect(try folder.read("note.md") == Array(Self.note.utf8))
        #expect(try folder.names() == ["note.md"], "the temporary file must be removed")
    }

    @Test func crlfAndBOMBytesAreKept() throws {
        let folder = try FixTestFolder()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let crlf = Self.note.replacingOccurrences(of: "\n", with: "\r\n")
        // wrong-type writes new lines: they must take the note's CRLF too.
        let original = bom + Array(crlf.replacingOccurrences(of: "tags: [War, power]  ", with: "people:\r\n  - 麦克阿瑟\r\ntags: War, power").utf8)
        let path = try folder.write("note.md", original)
        _ = try Self.fix([path])
        let fixed = try folder.read("note.md")
        let expected = bom + Array(Self.fixedNote.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "tags: [war, power]", with: "people:\r\n  - 麦克阿瑟\r\ntags:\r\n  - war\r\n  - power").utf8)
        #expect(String(decoding: fixed, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(fixed.starts(with: bom))
        #expect(FixProperty.lineBreaks(fixed).lf == 0)
    }

    @Test func frontMatterThatDoesNotParseIsNeverChanged() throws {
        let folder = try FixTestFolder()
        // Fixable findings all around a syntax error (an unclosed flow list).
        let broken = Self.note.replacingOccurrences(of: "draft: false", with: "draft: [false")
        let path = try folder.write("note.md", broken)
        for level in [Applicability.safe, .unsafe] {
            let report = try Self.fix([path], level: level)
            #expect(report.fixedFiles.isEmpty)
            #expect(report.diagnostics.contains { $0.ruleID == "yaml-syntax" })
            #expect(try folder.read("note.md") == Array(broken.utf8))
        }
    }

    /// A fix that would leave the YAML with a problem it did not have is not applied, whichever rule offers it.
    @Test func theFixerRefusesAPassThatAddsALoadProblem() throws {
        let text = "---\ntitle: &t 冷战\nseries: *t\n---\n"
        let registry: [any Rule.Type] = [DropAnchorRule.self]
        let linter = Linter(registry: registry)
        var parsed = try Configuration.parse(Array("{}".utf8), path: "(test)", directory: ".", rules: registry)
        parsed.rules[DropAnchorRule.id] = Configuration.RuleSetting()
        let configuration = try EffectiveConfiguration(parsed, registry: registry, files: RuleFileStore(.embedded))
        let bytes = Array(text.utf8)
        // The fix is offered, and applying it alone would break the alias.
        let diagnostics = linter.check(
            linter.loader.load(bytes: bytes, path: "n.md"), configuration: configuration, relativePath: "n.md", today: Self.today, corpus: nil)
        let applied = FixApplier.apply(diagnostics, to: bytes, minimum: .safe).bytes
        #expect(NoteLoader().load(bytes: applied, path: "n.md").problems.contains { $0.kind == .undefinedAlias })

        let (_, fix) = linter.fixer(minimum: .safe, configuration: configuration, relativePath: "n.md", today: Self.today)
            .fix(bytes, path: "n.md", corpus: nil)
        #expect(fix.fixed == bytes)
        #expect(!fix.changed)
    }

    @Test func addsProblemsCountsByKind() {
        let range = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))
        func problems(_ kinds: [LoadProblem.Kind]) -> [LoadProblem] {
            kinds.map { LoadProblem(kind: $0, message: "", range: range) }
        }
        #expect(!NoteFixer.addsProblems(before: problems([.duplicateKey]), after: problems([.duplicateKey])))
        #expect(!NoteFixer.addsProblems(before: problems([.duplicateKey, .duplicateKey]), after: problems([.duplicateKey])))
        #expect(NoteFixer.addsProblems(before: problems([.duplicateKey]), after: problems([.duplicateKey, .duplicateKey])))
        #expect(NoteFixer.addsProblems(before: [], after: problems([.undefinedAlias])))
    }

    /// Each of these once came out of a fix broken or changed; now the fix is withheld or keeps the data.
    @Test(arguments: [
        // ambiguous-scalar (safe) quoted the value over its anchor: `series: *t` was left dangling.
        ("---\ntitle: &t no\nseries: *t\n---\n", Applicability.safe),
        // wrong-type (safe) rewrote the anchored string as a list, anchor gone.
        ("---\ntags: &t war, power\nseries: *t\n---\n", .safe),
        // duplicate-tag (safe) removed the anchored repeat that an alias names.
        ("---\ntags: [war, &w war]\nseries: *w\n---\n", .safe),
        // unknown-key (unsafe) renamed both keys to `title`: a duplicate key.
        ("---\ntittle: a\ntitl: b\n---\n", .unsafe),
        // trailing-whitespace (safe) took the escaped space of a double-quoted line: "a  b" became "ab".
        ("---\ntitle: \"a\\ \n  b\"\n---\n", .safe),
    ])
    func regressions(_ text: String, _ level: Applicability) throws {
        let path = "/notelint-fix-regressions/note.md"
        let report = try Linter().lint(LintRequest(
            paths: [path], today: Self.today, fixes: level, writeFixes: false, contents: [path: Array(text.utf8)]))
        let fixed = report.fixedFiles.first?.fixed ?? Array(text.utf8)
        #expect(String(decoding: fixed, as: UTF8.self) == text)
        #expect(!report.diagnostics.contains { $0.ruleID == "yaml-syntax" || $0.ruleID == "duplicate-key" })
    }

    @Test func anEscapedBlankKeepsItsPlaceButBlanksAfterItGo() throws {
        let path = "/notelint-fix-regressions/note.md"
        let text = "---\ntitle: \"a\\ \t \n  b\\\t\n  c\"  \n---\n"
        let report = try Linter().lint(LintRequest(
            paths: [path], today: Self.today, fixes: .safe, writeFixes: false, contents: [path: Array(text.utf8)]))
        let fixed = try #require(report.fixedFiles.first).fixed
        #expect(String(decoding: fixed, as: UTF8.self) == "---\ntitle: \"a\\ \n  b\\\t\n  c\"\n---\n")
        let before = NoteLoader().load(bytes: Array(text.utf8), path: path).root?["title"]?.scalar?.text
        let after = NoteLoader().load(bytes: fixed, path: path).root?["title"]?.scalar?.text
        #expect(before == "a  b\t c")
        #expect(after == before)
    }
}

/// Offers a safe fix that rewrites the first value with its anchor: a stand-in for any careless fix.
private struct DropAnchorRule: Rule {
    static let description = RuleDescription(
        id: "drop-anchor", summary: "Test rule", rationale: "Rewrites the first value, anchor and all.", defaultSeverity: .warning)

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        guard let value = context.root?.pairs?.first?.value, value.anchor != nil else { return [] }
        let edit = Edit(range: value.range.byteRange, replacement: "'rewritten'")
        return [Finding(range: value.range, message: "rewrite", fix: Fix(edits: [edit], applicability: .safe, title: "rewrite"))]
    }
}
