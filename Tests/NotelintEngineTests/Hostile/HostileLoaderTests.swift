import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loader on its own, for what the binary cannot stage: files that change between the walk and the read,
/// and the loader fixes the catalogue led to.
@Suite struct HostileLoaderTests {
    func kinds(_ note: Note) -> [LoadProblem.Kind] { note.problems.map(\.kind) }

    // MARK: Files that change after they were found

    @Test func fileDeletedAfterTheWalk() throws {
        let folder = try HostileFolder()
        try folder.write("gone.md", "---\ntitle: a\n---\n")
        let found = NoteFinder.find(paths: [folder.path])
        #expect(found.count == 2)
        try FileManager.default.removeItem(atPath: folder.url("gone.md"))
        let notes = found.map { NoteLoader().load(path: $0) }
        let gone = try #require(notes.first { $0.path.hasSuffix("/gone.md") })
        #expect(gone.outcome == .error)
        #expect(kinds(gone) == [.unreadable])
        #expect(gone.problems.first?.message == "cannot read file: No such file or directory")
        #expect(gone.problems.first?.range.start == SourcePosition(line: 1, column: 1, offset: 0))

        // Through the engine it is an `unreadable-file` finding, and the other note is still checked.
        let report = try Linter().lint(LintRequest(paths: found, today: CalendarDate(iso: Substring(HostileRunner.today))!))
        #expect(report.filesChecked == 2)
        #expect(report.diagnostics.map(\.ruleID) == ["unreadable-file"])
        #expect(report.diagnostics.first?.path.hasSuffix("/gone.md") == true)
    }

    @Test(.timeLimit(.minutes(1))) func fileSwappedForAFifoOrAFolderAfterTheWalk() throws {
        let folder = try HostileFolder(withGoodNote: false)
        let fifo = try folder.write("fifo.md", "---\ntitle: a\n---\n")
        let directory = try folder.write("directory.md", "---\ntitle: a\n---\n")
        #expect(NoteFinder.find(paths: [folder.path]).count == 2)
        try FileManager.default.removeItem(atPath: fifo)
        #expect(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        // Neither is opened for reading, so the FIFO cannot block.
        let fifoNote = NoteLoader().load(path: fifo)
        #expect(kinds(fifoNote) == [.notRegularFile])
        #expect(fifoNote.problems.first?.message == "not a regular file: a FIFO")
        let directoryNote = NoteLoader().load(path: directory)
        #expect(kinds(directoryNote) == [.notRegularFile])
        #expect(directoryNote.problems.first?.message == "not a regular file: a directory")
    }

    @Test func fileEmptiedAfterTheWalk() throws {
        let folder = try HostileFolder(withGoodNote: false)
        let path = try folder.write("emptied.md", "---\ntitle: a\n---\n")
        #expect(NoteFinder.find(paths: [folder.path]) == [path])
        #expect(truncate(path, 0) == 0)
        let note = NoteLoader().load(path: path)
        #expect(note.outcome == .none)
        #expect(note.problems.isEmpty)
    }

    // MARK: Trees deeper than the stack

    static func flow(_ depth: Int, around inner: String) -> String {
        String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)
    }

    @Test(.timeLimit(.minutes(1))) func aliasChainsAreReleasedWithoutRecursion() {
        // 2,000 anchors, each nesting the one before 120 levels down: a tree 240,000 levels deep. Aliases are
        // allowed to do this (walks of the tree are bounded on their own), but releasing it used to take one nested
        // call per level. Here the note is loaded and dropped on a thread with a 512 KiB stack.
        var text = "---\nk0: &a0 x\n"
        for index in 1..<2_000 { text += "k\(index): &a\(index) " + Self.flow(120, around: "*a\(index - 1)") + "\n" }
        let bytes = Array((text + "---\n").utf8)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var problems: [LoadProblem] = []
        nonisolated(unsafe) var keys = 0
        let thread = Thread {
            let note = NoteLoader().load(bytes: bytes, path: "chain.md")
            problems = note.problems
            keys = note.root?.pairs?.count ?? 0
            finished.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        finished.wait()
        #expect(problems.isEmpty)
        #expect(keys == 2_000)
    }

    @Test func deepNodesStillHeldSurviveTheirTreesRelease() throws {
        // 300 anchors, each a list holding the one before: heights up to 300, past where release turns iterative.
        var text = "---\nl0: &l0 x\n"
        for level in 1..<300 { text += "l\(level): &l\(level) [*l\(level - 1)]\n" }
        var note: Note? = NoteLoader().load(bytes: Array((text + "---\n").utf8), path: "chain.md")
        let kept = try #require(note?.root?["l150"])
        note = nil
        #expect(note == nil)
        // Released with the rest of the tree, `l150` would have lost its children; it is still whole.
        var node: YAMLNode? = kept
        var levels = 0
        while let item = node?.items?.first {
            levels += 1
            node = item.dereferenced
        }
        #expect(levels == 150)
        #expect(node?.scalar?.text == "x")
    }

    // MARK: The first line decides early

    @Test func longFirstLineWithoutAFenceIsBodyReadNoFurther() throws {
        let folder = try HostileFolder(withGoodNote: false)
        let path = try folder.write("paragraph.md", String(repeating: "word ", count: 600_000))
        let note = NoteLoader().load(path: path)
        #expect(note.outcome == .none)
        #expect(note.problems.isEmpty)
        // One read decided it.
        #expect(note.source.bytes.count <= 16 * 1024)
        // Whereas a first line that might still be a fence is read on, up to the limit.
        let fence = try folder.write("fence.md", "---" + String(repeating: " ", count: 5_000_000) + "\ntitle: a\n---\n")
        let fenceNote = NoteLoader().load(path: fence)
        #expect(kinds(fenceNote) == [.tooLarge])
    }

    @Test func incompleteFirstLineVerdicts() {
        func split(_ text: [UInt8]) -> FrontMatterSplit? {
            text.withUnsafeBufferPointer { FrontMatterSplitter.split($0, atEndOfFile: false) }
        }
        #expect(split(Array("# A heading that goes on".utf8)) == FrontMatterSplit.none)
        #expect(split(Array("--x".utf8)) == FrontMatterSplit.none)
        #expect(split([0x89, 0x50, 0x4E, 0x47]) == FrontMatterSplit.none)
        // Still undecided: these may become `---`, `+++`, `{ "…` or a byte order mark followed by a fence.
        for undecided in ["", "-", "--", "---", "---   ", "+", "+++", "{", "{ \"ti"] {
            #expect(split(Array(undecided.utf8)) == nil, "\(undecided)")
        }
        #expect(split([0xEF]) == nil)
        #expect(split([0xEF, 0xBB]) == nil)
        #expect(split([0xEF, 0xBB, 0xBF, 0x2D]) == nil)
        #expect(split([0xEF, 0xBB, 0xBF, 0x23]) == FrontMatterSplit.none)
    }

    // MARK: Other Unicode encodings

    @Test func utf16AndUTF32AreNamed() throws {
        let text = "---\ntitle: a\n---\n"
        let cases: [([UInt8], String.Encoding, String, Int)] = [
            ([0xFF, 0xFE], .utf16LittleEndian, "UTF-16LE", 2),
            ([0xFE, 0xFF], .utf16BigEndian, "UTF-16BE", 2),
            ([0xFF, 0xFE, 0, 0], .utf32LittleEndian, "UTF-32LE", 4),
            ([0, 0, 0xFE, 0xFF], .utf32BigEndian, "UTF-32BE", 4),
        ]
        for (mark, encoding, name, length) in cases {
            let bytes = mark + Array(try #require(text.data(using: encoding)))
            let note = NoteLoader().load(bytes: bytes, path: "x.md")
            #expect(note.outcome == .error, "\(name)")
            #expect(kinds(note) == [.invalidUTF8], "\(name)")
            #expect(note.problems.first?.message == "the file is \(name) (it starts with that byte order mark); notes must be UTF-8")
            #expect(note.problems.first?.range.byteRange == 0..<length)
        }
        // Without a mark, UTF-16 is just a note whose first line is not `---`.
        let unmarked = NoteLoader().load(bytes: Array(try #require(text.data(using: .utf16LittleEndian))), path: "x.md")
        #expect(unmarked.outcome == .none)
    }
}
