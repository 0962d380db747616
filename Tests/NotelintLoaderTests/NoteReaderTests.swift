import NotelintLoader
import Testing

@Suite struct NoteReaderTests {
    @Test func readsOnlyThroughTheFrontMatter() throws {
        let scratch = try ScratchDirectory()
        let body = String(repeating: "A long body line that nobody needs to read for the front matter.\n", count: 20_000)
        let path = try scratch.write("big.md", "---\ntitle: Big\n---\n" + body)
        let note = NoteLoader().load(path: path)
        #expect(note.outcome == .present)
        #expect(note.root?["title"]?.scalar?.text == "Big")
        #expect(note.isWholeFile == false)
        #expect(note.source.bytes.count < body.utf8.count / 10)
    }

    @Test func smallFileIsReadWhole() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("small.md", "---\ntitle: Small\n---\nbody\n")
        let note = NoteLoader().load(path: path)
        #expect(note.isWholeFile)
        // The body is dropped after the split: only the front matter and its fences are kept.
        #expect(note.source.bytes.count == "---\ntitle: Small\n---\n".utf8.count)
    }

    @Test func frontMatterLongerThanTheFirstRead() throws {
        let scratch = try ScratchDirectory()
        let lines = (0..<2_000).map { "key\($0): value number \($0)" }
        let text = "---\n" + lines.joined(separator: "\n") + "\n---\nbody\n"
        #expect(text.utf8.count > 3 * 16 * 1024)
        let path = try scratch.write("long.md", text)
        let note = NoteLoader().load(path: path)
        #expect(note.problems.isEmpty)
        #expect(note.root?.pairs?.count == 2_000)
        let last = try #require(note.root?["key1999"])
        #expect(last.range.start.line == 2_001)
        #expect(note.source.text(last.range.byteRange) == "value number 1999")
    }

    @Test func fenceSplitAcrossReads() throws {
        // The closing fence's CRLF straddles the first 16 KiB read.
        let scratch = try ScratchDirectory()
        let filler = "a: " + String(repeating: "x", count: 16 * 1024 - 4 - 5 - 3 - 2) + "\r\n"
        let text = "---\r\n" + filler + "---\r\nbody"
        #expect(Array(text.utf8)[16 * 1024 - 1] == 0x0D)
        let path = try scratch.write("split.md", text)
        let note = NoteLoader().load(path: path)
        #expect(note.outcome == .present)
        #expect(note.problems.isEmpty)
        #expect(note.block?.closingFence == (16 * 1024 - 4)..<(16 * 1024 - 1))
    }

    @Test func unterminatedFrontMatterInALargeFile() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("open.md", "---\ntitle: x\n" + String(repeating: "text\n", count: 10_000))
        let note = NoteLoader().load(path: path)
        #expect(note.outcome == .unterminated(openingLine: 1))
    }

    @Test func frontMatterOverTheLimitIsNotReadWhole() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("huge.md", "---\n" + String(repeating: "k: v\n", count: 100_000) + "---\n")
        let note = NoteLoader(limits: LoadLimits(maxFrontMatterBytes: 64 * 1024)).load(path: path)
        #expect(note.outcome == .error)
        #expect(note.problems.map(\.kind) == [.tooLarge])
        #expect(note.source.bytes.count < 300 * 1024)
    }

    @Test func missingFileAndDirectory() throws {
        let scratch = try ScratchDirectory()
        let missing = NoteLoader().load(path: scratch.path + "/absent.md")
        #expect(missing.outcome == .error)
        #expect(missing.problems.map(\.kind) == [.unreadable])
        let directory = NoteLoader().load(path: scratch.path)
        #expect(directory.problems.map(\.kind) == [.notRegularFile])
    }
}
