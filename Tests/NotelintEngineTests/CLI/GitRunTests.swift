import Foundation
import Testing

/// `--staged` and `--changed-since` through the real binary, in real git repositories.
struct GitRunTests {
    static let good = "---\ntitle: t\ndate: '2024-01-01'\ndraft: false\nstatus: budding\ntags: [war]\nsummary: s\nlayout: post\n---\nbody\n"

    func repository() throws -> String {
        let folder = try CommandRunner.temporaryFolder()
        try CommandRunner.git(["init", "-q", "-b", "main"], in: folder)
        try Self.good.write(toFile: folder + "/note.md", atomically: true, encoding: .utf8)
        try CommandRunner.git(["add", "note.md"], in: folder)
        try CommandRunner.git(["commit", "-q", "-m", "first"], in: folder)
        return folder
    }

    @Test func stagedLintsTheIndexNotTheWorkingTree() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = Self.good.replacingOccurrences(of: "budding", with: "evergren")
        try bad.write(toFile: folder + "/note.md", atomically: true, encoding: .utf8)
        try CommandRunner.git(["add", "note.md"], in: folder)
        // The working tree is repaired after staging: the commit would still carry the bad value.
        try Self.good.write(toFile: folder + "/note.md", atomically: true, encoding: .utf8)
        let staged = try CommandRunner.notelint(["lint", "--staged"], in: folder)
        #expect(staged.status == 1)
        #expect(staged.output.contains("note.md:5:9: error:") && staged.output.contains("[enum-value]"))
        let onDisk = try CommandRunner.notelint(["lint", "note.md"], in: folder)
        #expect(onDisk.status == 0)
    }

    @Test func fixRefusesAPartlyStagedNote() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.good.replacingOccurrences(of: "[war]", with: "[war, war]").write(toFile: folder + "/note.md", atomically: true, encoding: .utf8)
        try CommandRunner.git(["add", "note.md"], in: folder)
        try Self.good.replacingOccurrences(of: "[war]", with: "[war, war, power]").write(toFile: folder + "/note.md", atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: folder + "/note.md", encoding: .utf8)
        let result = try CommandRunner.notelint(["lint", "--staged", "--fix"], in: folder)
        #expect(result.status == 2)
        #expect(result.error.contains("partly staged"))
        #expect(try String(contentsOfFile: folder + "/note.md", encoding: .utf8) == before)
    }

    @Test func changedSinceLintsOnlyAddedModifiedAndRenamedNotes() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = Self.good.replacingOccurrences(of: "budding", with: "evergren")
        for name in ["keep.md", "modify.md", "rename.md", "delete.md"] {
            try bad.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try CommandRunner.git(["add", "."], in: folder)
        try CommandRunner.git(["commit", "-q", "-m", "old notes"], in: folder)
        try CommandRunner.git(["checkout", "-q", "-b", "feature"], in: folder)
        try (bad + "more\n").write(toFile: folder + "/modify.md", atomically: true, encoding: .utf8)
        try CommandRunner.git(["mv", "rename.md", "renamed.md"], in: folder)
        try CommandRunner.git(["rm", "-q", "delete.md"], in: folder)
        try bad.write(toFile: folder + "/added.md", atomically: true, encoding: .utf8)
        try CommandRunner.git(["add", "."], in: folder)
        try CommandRunner.git(["commit", "-q", "-m", "changes"], in: folder)
        let result = try CommandRunner.notelint(["lint", "--changed-since", "main", "--format", "concise"], in: folder)
        #expect(result.status == 1)
        let files = Set(result.output.split(separator: "\n").compactMap { line in line.split(separator: ":").first.map(String.init) }
            .filter { $0.hasSuffix(".md") })
        #expect(files == ["added.md", "modify.md", "renamed.md"])
    }
}
