import NotelintLoader
import Testing

/// Positions in a real note with CJK text, checked against the file's own bytes.
@Suite struct SeedNotePositionTests {
    let relativePath = "seed/korean-war-origins.md"

    func load() -> (Note, [UInt8])? {
        guard let bytes = SharedFixtures.bytes(relativePath) else { return nil }
        let note = NoteLoader().load(path: SharedFixtures.path(relativePath))
        return (note, bytes)
    }

    func text(_ bytes: [UInt8], _ range: SourceRange) -> String {
        String(decoding: bytes[range.byteRange], as: UTF8.self)
    }

    @Test func loadsCleanly() throws {
        guard let (note, _) = load() else { return }
        #expect(note.outcome == .present)
        #expect(note.problems.isEmpty)
        #expect(note.root?.pairs?.count == 18)
    }

    @Test func tagInABlockSequence() throws {
        guard let (note, bytes) = load() else { return }
        let tag = try #require(note.root?["tags"]?.items?.first)
        #expect(tag.scalar?.text == "decision-making-calculu")
        #expect(tag.range.start.line == 34)
        #expect(tag.range.start.column == 3)
        #expect(tag.range.end.line == 34)
        #expect(tag.range.end.column == 26)
        #expect(text(bytes, tag.range) == "decision-making-calculu")
        #expect(note.source.position(ofByte: tag.range.start.offset) == tag.range.start)
    }

    @Test func statusValue() throws {
        guard let (note, bytes) = load() else { return }
        let status = try #require(note.root?["status"])
        #expect(status.range.start == SourcePosition(line: 31, column: 9, offset: status.range.start.offset))
        #expect(status.range.end.column == 18)
        #expect(text(bytes, status.range) == "evergreen")
        #expect(note.source.lineText(31) == "status: evergreen")
    }

    @Test func valueWithCJKText() throws {
        guard let (note, bytes) = load() else { return }
        let speaker = try #require(note.root?.pair(forKey: "speaker"))
        #expect(speaker.key.range.start.line == 30)
        #expect(speaker.key.range.start.column == 1)
        #expect(speaker.value.range.start.line == 30)
        #expect(speaker.value.range.start.column == 10)
        // "柴静 Chai Jing" is 12 scalars but 16 bytes.
        #expect(speaker.value.range.end.column == 22)
        #expect(speaker.value.range.end.offset - speaker.value.range.start.offset == 16)
        #expect(text(bytes, speaker.value.range) == "柴静 Chai Jing")
    }

    @Test func keyAfterTheCJKValue() throws {
        guard let (note, bytes) = load() else { return }
        let status = try #require(note.root?.pair(forKey: "status"))
        #expect(status.key.range.start.line == 31)
        #expect(status.key.range.start.column == 1)
        #expect(text(bytes, status.key.range) == "status")
        // The offset counts the bytes of every CJK line before it, not its characters.
        let lineStart = bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == 0x0A }[30]
        #expect(status.key.range.start.offset == lineStart)
    }

    @Test func keyAfterALongCJKValue() throws {
        guard let (note, bytes) = load() else { return }
        let title = try #require(note.root?.pair(forKey: "title"))
        #expect(title.key.range.start.line == 39)
        #expect(text(bytes, title.value.range) == "朝鲜战争的起源：斯大林为何点头，毛泽东为何出兵？")
        #expect(title.value.range.end.column == 8 + "朝鲜战争的起源：斯大林为何点头，毛泽东为何出兵？".unicodeScalars.count)
    }

    @Test func everyScalarRangeHoldsItsText() throws {
        guard let (note, bytes) = load() else { return }
        var checked = 0
        for pair in note.root?.pairs ?? [] {
            for node in [pair.key, pair.value] + (pair.value.items ?? []) {
                guard let scalar = node.scalar, scalar.style == .plain, !scalar.text.isEmpty else { continue }
                #expect(text(bytes, node.range) == scalar.text)
                #expect(note.source.position(ofByte: node.range.start.offset) == node.range.start)
                #expect(note.source.position(ofByte: node.range.end.offset) == node.range.end)
                checked += 1
            }
        }
        #expect(checked == 47)
    }
}
