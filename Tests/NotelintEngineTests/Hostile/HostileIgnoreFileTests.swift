import Foundation
import Testing

@testable import NotelintLoader

/// Ignore files come with the repository being linted, so they are hostile input like notes: read under the same
/// boundary, never through a FIFO, never past a size limit, and matched in time that does not explode.
struct HostileIgnoreFileTests {
    func folder() throws -> String {
        URL(fileURLWithPath: try CommandRunner.temporaryFolder()).resolvingSymlinksInPath().path
    }

    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aFIFONamedLikeAnIgnoreFileIsNotOpened() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(root + "/note.md", "---\ntitle: t\n---\n")
        #expect(mkfifo(root + "/.gitignore", 0o644) == 0)
        #expect(mkfifo(root + "/.notelintignore", 0o644) == 0)
        // A FIFO opened for reading would wait for a writer forever; the walk must finish and find the note.
        #expect(NoteFinder.walk(paths: [root], boundary: ReadBoundary(rootPaths: [root])).notes == [root + "/note.md"])
    }

    @Test func anIgnoreFileLinkedFromOutsideTheBoundaryIsNotRead() throws {
        let outside = try folder()
        let root = try folder()
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try write(outside + "/patterns", "*.md\n")
        try write(root + "/note.md", "---\ntitle: t\n---\n")
        try FileManager.default.createSymbolicLink(atPath: root + "/.ignore", withDestinationPath: outside + "/patterns")
        #expect(NoteFinder.walk(paths: [root], boundary: ReadBoundary(rootPaths: [root])).notes == [root + "/note.md"])
        // Unbounded (`--follow-symlinks`), the link is followed like any other.
        #expect(NoteFinder.walk(paths: [root], boundary: .unbounded).notes.isEmpty)
    }

    @Test func anIgnoreFileOverTheLimitIsPassedOver() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(root + "/note.md", "---\ntitle: t\n---\n")
        let filler = String(repeating: "# padding padding padding padding padding padding padding padding\n", count: NoteFinder.ignoreFileLimit / 60)
        try write(root + "/.gitignore", "*.md\n" + filler)
        try write(root + "/sub/.gitignore", "*.md\n")
        try write(root + "/sub/other.md", "---\ntitle: t\n---\n")
        #expect(NoteFinder.walk(paths: [root]).notes == [root + "/note.md"])
    }
}
