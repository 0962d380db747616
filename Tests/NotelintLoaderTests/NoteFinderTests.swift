import Foundation
import NotelintLoader
import Testing

@Suite struct NoteFinderTests {
    @Test func walksSortedAndSkipsWhatItShould() throws {
        let scratch = try ScratchDirectory()
        for file in [
            "b.md", "a.markdown", "a/z.md", "a.b/x.md", "a/deeper/y.md", "notes.txt", "README.MD",
            ".git/HEAD.md", "node_modules/pkg/readme.md", "sub/.git/inner.md", ".hidden/kept.md",
        ] {
            try scratch.write(file, "x")
        }
        let found = NoteFinder.find(paths: [scratch.path]).map { String($0.dropFirst(scratch.path.count + 1)) }
        // Byte order: "." (0x2E) sorts before "/" (0x2F).
        #expect(found == [".hidden/kept.md", "a.b/x.md", "a.markdown", "a/deeper/y.md", "a/z.md", "b.md"])
    }

    @Test func eachFolderIsSortedAsItsPathsWouldBe() throws {
        let scratch = try ScratchDirectory()
        for file in ["a0.md", "a/b.md", "a.md", "a-b.md", "B.md", "a/a/c.md", "a/a.md", "ab/c.md"] {
            try scratch.write(file, "x")
        }
        let found = NoteFinder.find(paths: [scratch.path]).map { String($0.dropFirst(scratch.path.count + 1)) }
        // Walked folder by folder, the notes still come in the byte order of their whole paths.
        #expect(found == ["B.md", "a-b.md", "a.md", "a/a.md", "a/a/c.md", "a/b.md", "a0.md", "ab/c.md"])
        #expect(found == found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test func aFolderReachedTwiceIsWalkedByTheFirstPathInOrder() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("x/n.md", "x")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/w", withDestinationPath: "x")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/y", withDestinationPath: "x")
        // Not whichever `readdir` lists first: the same on every file system.
        let found = NoteFinder.find(paths: [scratch.path]).map { String($0.dropFirst(scratch.path.count + 1)) }
        #expect(found == ["w/n.md"])
    }

    @Test func explicitFilesAreTakenAsGiven() throws {
        let scratch = try ScratchDirectory()
        let text = try scratch.write("notes.txt", "x")
        try scratch.write("dir/one.md", "x")
        let found = NoteFinder.find(paths: [text, scratch.path + "/missing.md", scratch.path + "/dir/"])
        #expect(found == [text, scratch.path + "/missing.md", scratch.path + "/dir/one.md"])
    }

    @Test(.timeLimit(.minutes(1))) func symbolicLinkLoopsEnd() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("a/note.md", "x")
        try scratch.write("b/other.md", "x")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/a/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/a/self", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/b/to-a", withDestinationPath: "../a")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/b/linked.md", withDestinationPath: "other.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/b/dangling.md", withDestinationPath: "nowhere.md")
        let walk = NoteFinder.walk(paths: [scratch.path])
        let found = walk.notes.map { String($0.dropFirst(scratch.path.count + 1)) }
        // Each directory is entered once; a linked file is a file; a link that leads nowhere is no note, and is
        // reported with the reason.
        #expect(found == ["a/note.md", "b/linked.md", "b/other.md"])
        #expect(walk.skipped == [NoteFinder.Skipped(
            path: scratch.path + "/b/dangling.md", kind: .notANote,
            reason: "cannot follow the symbolic link: No such file or directory")])
        #expect(NoteFinder.find(paths: [scratch.path]) == walk.notes)
    }

    @Test func specialFilesNamedLikeNotesAreReportedInByteOrder() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("b/real.md", "x")
        #expect(mkfifo(scratch.path + "/b/pipe.md", 0o644) == 0)
        #expect(mkfifo(scratch.path + "/b/pipe", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/a.md", withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/b/loop.md", withDestinationPath: "loop.md")
        let walk = NoteFinder.walk(paths: [scratch.path])
        #expect(walk.notes == [scratch.path + "/b/real.md"])
        #expect(walk.skipped.map { "\($0.path.dropFirst(scratch.path.count + 1)): \($0.reason)" } == [
            "a.md: not a regular file: a character device",
            "b/loop.md: cannot follow the symbolic link: Too many levels of symbolic links",
            "b/pipe.md: not a regular file: a FIFO",
        ])
    }

    @Test func noteNames() {
        #expect(NoteFinder.isNoteName("a.md"))
        #expect(NoteFinder.isNoteName("a.markdown"))
        #expect(!NoteFinder.isNoteName(".md"))
        #expect(!NoteFinder.isNoteName("a.mdx"))
        #expect(!NoteFinder.isNoteName("a.md.txt"))
    }
}
