import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `notelint lint --fix` when writing a fixed note fails — the disk is full, the flush or the rename fails: that
/// note stays byte for byte as it was, with its permission bits, no temporary file is left, the failure is named
/// with the file on standard error, the exit code is 2, and every other note is still fixed.
///
/// Failures are injected with `NOTELINT_FAULT=STAGE:NAME`, which only debug builds honour (the tests run the debug
/// binary); where a tmpfs can be mounted (root), a genuinely full file system is used as well.
@Suite struct FixWriteFailureTests {
    static let note = FixSafetyTests.note
    static let fixed = FixSafetyTests.fixedNote

    /// The note as `name` holds it: each with a title of its own, since one title in three notes is a finding that
    /// no fix removes (`duplicate-value`).
    static func note(_ name: String) -> String { titled(note, name) }
    static func fixed(_ name: String) -> String { titled(fixed, name) }
    static func titled(_ text: String, _ name: String) -> String {
        text.replacingOccurrences(of: "title: 仁川登陆", with: "title: 仁川登陆 (\(name))")
    }
    static let today = "2026-01-01"

    /// A folder of three fixable notes, `b.md` with unusual permission bits.
    static func folder() throws -> FixTestFolder {
        let folder = try FixTestFolder()
        try folder.write("a.md", note("a.md"))
        try folder.write("b.md", note("b.md"))
        try #require(chmod(folder.path + "/b.md", 0o640) == 0)
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        try folder.write("sub/c.md", note("sub/c.md"))
        return folder
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        _ = stat(path, &info)
        return info.st_mode & 0o7777
    }

    static func fix(_ folder: FixTestFolder, fault: String?, extra: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.notelint(
            ["lint", "--fix", "--no-cache", "--now", today, "--format", "concise"] + extra + ["."], in: folder.path,
            environment: fault.map { ["NOTELINT_FAULT": $0] } ?? [:])
    }

    @Test func withoutAFaultEveryNoteIsFixed() throws {
        let folder = try Self.folder()
        let result = try Self.fix(folder, fault: nil)
        #expect(result.status == 0, "\(result.error)")
        for name in ["a.md", "b.md", "sub/c.md"] { #expect(try folder.read(name) == Array(Self.fixed(name).utf8), "\(name)") }
        #expect(Self.mode(folder.path + "/b.md") == 0o640)
        // A fault named for another file changes nothing.
        let other = try Self.folder()
        #expect(try Self.fix(other, fault: "write:elsewhere.md").status == 0)
        #expect(try other.read("b.md") == Array(Self.fixed("b.md").utf8))
    }

    @Test(arguments: [
        ("write", "cannot write: No space left on device"),
        ("fsync", "cannot flush: Input/output error"),
        ("rename", "cannot replace the file: No space left on device"),
    ])
    func aFailedWriteLeavesTheNoteAsItWas(stage: String, reason: String) throws {
        let folder = try Self.folder()
        let result = try Self.fix(folder, fault: "\(stage):b.md")
        #expect(result.status == 2, "\(result.status): \(result.error)")
        #expect(result.error == "notelint: ./b.md: not fixed: \(reason)\n")
        #expect(try folder.read("b.md") == Array(Self.note("b.md").utf8))
        #expect(Self.mode(folder.path + "/b.md") == 0o640)
        #expect(try folder.names() == ["a.md", "b.md", "sub"], "a temporary file was left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/sub") == ["c.md"])
        // The others are fixed, and the report shows b.md's findings as they still are on disk.
        #expect(try folder.read("a.md") == Array(Self.fixed("a.md").utf8))
        #expect(try folder.read("sub/c.md") == Array(Self.fixed("sub/c.md").utf8))
        #expect(result.output.contains("./b.md:3:7: error: "), "\(result.output)")
        #expect(!result.output.contains("./a.md:"), "\(result.output)")
        // The failure outranks --exit-zero: nothing was asked to be ignored but findings.
        let again = try Self.fix(folder, fault: "\(stage):b.md", extra: ["--exit-zero"])
        #expect(again.status == 2)
        // Without the fault, the next run finishes the job.
        #expect(try Self.fix(folder, fault: nil).status == 0)
        #expect(try folder.read("b.md") == Array(Self.fixed("b.md").utf8))
    }

    /// Whether this process may mount a tmpfs (root with the capability to mount).
    static let tmpfsWorks: Bool = {
        guard geteuid() == 0, let probe = try? FixTestFolder() else { return false }
        guard mountTmpfs(probe.path, size: "64k") else { return false }
        unmount(probe.path)
        return true
    }()

    static func mountTmpfs(_ path: String, size: String) -> Bool {
        (try? CommandRunner.run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(size),mode=755", "tmpfs", path], in: "/"))?.status == 0
    }

    static func unmount(_ path: String) {
        _ = try? CommandRunner.run("/usr/bin/env", ["umount", "-l", path], in: "/")
    }

    @Test(.enabled(if: tmpfsWorks, "needs to mount a tmpfs (root)"))
    func aGenuinelyFullFileSystem() throws {
        let folder = try FixTestFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/full", withIntermediateDirectories: true)
        try #require(Self.mountTmpfs(folder.path + "/full", size: "64k"))
        defer { Self.unmount(folder.path + "/full") }
        try folder.write("full/note.md", Self.note)
        try #require(chmod(folder.path + "/full/note.md", 0o604) == 0)
        try folder.write("elsewhere.md", Self.note)
        // Fill the file system to the last byte.
        let filler = open(folder.path + "/full/filler", O_WRONLY | O_CREAT, 0o644)
        try #require(filler >= 0)
        let block = [UInt8](repeating: 0x61, count: 4096)
        var chunk = block.count
        while chunk > 0 {
            if write(filler, block, chunk) < 0 { chunk /= 2 }
        }
        close(filler)
        try #require(!FileManager.default.createFile(atPath: folder.path + "/full/probe", contents: Data(block))
            || (try FileManager.default.attributesOfItem(atPath: folder.path + "/full/probe")[.size] as? Int) == 0)
        unlink(folder.path + "/full/probe")

        let result = try CommandRunner.notelint(
            ["lint", "--fix", "--now", Self.today, "--format", "concise", "full/note.md", "elsewhere.md"], in: folder.path)
        #expect(result.status == 2, "\(result.status): \(result.error)")
        #expect(result.error == "notelint: full/note.md: not fixed: cannot write: No space left on device\n", "\(result.error)")
        #expect(try folder.read("full/note.md") == Array(Self.note.utf8))
        #expect(Self.mode(folder.path + "/full/note.md") == 0o604)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/full").sorted() == ["filler", "note.md"])
        #expect(try folder.read("elsewhere.md") == Array(Self.fixed.utf8))
    }
}
