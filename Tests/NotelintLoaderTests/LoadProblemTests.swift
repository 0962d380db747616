import NotelintLoader
import Testing

@Suite struct LoadProblemTests {
    func load(_ text: String, limits: LoadLimits = .default) -> Note {
        NoteLoader(limits: limits).load(bytes: Array(text.utf8), path: "note.md")
    }

    func kinds(_ note: Note) -> [LoadProblem.Kind] {
        note.problems.map(\.kind)
    }

    @Test func duplicateKeyNamesBothPlaces() throws {
        let note = load("---\ntitle: A\ntags: []\ntitle: B\n---\n")
        #expect(kinds(note) == [.duplicateKey])
        let problem = try #require(note.problems.first)
        #expect(problem.range.start == SourcePosition(line: 4, column: 1, offset: 22))
        #expect(problem.range.end.column == 6)
        #expect(problem.related?.start == SourcePosition(line: 2, column: 1, offset: 4))
        // Both pairs stay in the tree, in order.
        #expect(note.root?.pairs?.map { $0.key.scalar?.text } == ["title", "tags", "title"])
        #expect(note.root?["title"]?.scalar?.text == "A")
    }

    @Test func duplicateKeysInANestedMapping() {
        let note = load("---\nauthor:\n  name: A\n  name: B\nname: C\n---\n")
        #expect(kinds(note) == [.duplicateKey])
        #expect(note.problems.first?.range.start.line == 4)
        #expect(note.problems.first?.related?.start.line == 3)
    }

    /// "Billion laughs": nine levels of nine aliases would be 9^9 strings if aliases were copied.
    @Test(.timeLimit(.minutes(1))) func aliasBombStaysSmall() throws {
        var text = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let letters = Array("abcdefghij")
        for level in 1..<10 {
            let name = letters[level]
            let previous = letters[level - 1]
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        text += "---\n"
        let clock = ContinuousClock()
        let start = clock.now
        let note = load(text)
        #expect(clock.now - start < .seconds(1))
        #expect(note.problems.isEmpty)
        let last = try #require(note.root?["j"]?.items)
        #expect(last.count == 9)
        guard case .alias(let name, let target) = last[0].content else {
            Issue.record("expected an alias node, got \(last[0].content)")
            return
        }
        #expect(name == "i")
        #expect(target === note.root?["i"])

        // Rendering expands aliases, so it must stop at its node budget instead of writing 9^9 strings.
        let rendered = YAMLJSONRenderer(options: YAMLJSONOptions(nodeBudget: 100_000)).render(note.root!)
        guard case .failure(let failure) = rendered else {
            Issue.record("rendering the alias bomb did not hit the budget")
            return
        }
        #expect(failure.budget == 100_000)
        #expect(failure.range.start.line >= 3)
    }

    @Test func tooManyAliases() {
        let aliases = Array(repeating: "*a", count: 20).joined(separator: ", ")
        let note = load("---\na: &a 1\nb: [\(aliases)]\n---\n", limits: LoadLimits(maxAliases: 10))
        #expect(kinds(note) == [.tooManyAliases])
        #expect(note.root == nil)
        #expect(note.outcome == .present)
    }

    @Test func undefinedAlias() {
        let note = load("---\na: *nowhere\n---\n")
        #expect(kinds(note) == [.undefinedAlias])
        #expect(note.problems.first?.range.start == SourcePosition(line: 2, column: 4, offset: 7))
    }

    @Test func nestingBeyondTheLimit() {
        let depth = 129
        let note = load("---\na: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
        #expect(kinds(note) == [.tooDeep])
        #expect(note.root == nil)
        // The mapping is level 1, so the 128th bracket is the first one too many.
        #expect(note.problems.first?.range.start.column == 4 + 127)
    }

    @Test func nestingAtTheLimitIsFine() {
        let depth = 127
        let note = load("---\na: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
        #expect(note.problems.isEmpty)
        var node = note.root?["a"]
        var levels = 0
        while let items = node?.items {
            levels += 1
            node = items.first
        }
        #expect(levels == depth)
    }

    @Test(.timeLimit(.minutes(1))) func tenThousandLevels() {
        let depth = 10_000
        let note = load("---\na: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
        #expect(kinds(note) == [.tooDeep])
        // Block nesting costs an indent per level, so a thousand levels already take half a megabyte.
        let blockNote = load("---\n" + (0..<1_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + "\n---\n")
        #expect(kinds(blockNote) == [.tooDeep])
    }

    @Test func frontMatterOverTheSizeLimit() {
        let big = "---\n" + (0..<200).map { "key\($0): value\n" }.joined() + "---\n"
        let note = load(big, limits: LoadLimits(maxFrontMatterBytes: 1000))
        #expect(note.outcome == .error)
        #expect(kinds(note) == [.tooLarge])
        #expect(note.root == nil)
        #expect(load(big, limits: LoadLimits(maxFrontMatterBytes: 4000)).problems.isEmpty)
    }

    @Test func invalidUTF8() throws {
        var bytes = Array("---\ntitle: caf".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8)
        var note = NoteLoader().load(bytes: bytes, path: "note.md")
        #expect(kinds(note) == [.invalidUTF8])
        let problem = try #require(note.problems.first)
        #expect(problem.range.start == SourcePosition(line: 2, column: 11, offset: 14))
        #expect(problem.message.contains("0xC3"))
        #expect(note.root == nil)

        // After multi-byte characters, the column counts characters and the offset bytes.
        bytes = Array("---\nt: é€\u{1F600}".utf8) + [0xFF] + Array("\n---\n".utf8)
        note = NoteLoader().load(bytes: bytes, path: "note.md")
        #expect(note.problems.first?.range.start == SourcePosition(line: 2, column: 7, offset: 4 + 3 + 2 + 3 + 4))
    }

    @Test func nulByte() {
        let note = NoteLoader().load(bytes: Array("---\na: b".utf8) + [0] + Array("c\n---\n".utf8), path: "note.md")
        #expect(kinds(note) == [.nulByte])
        #expect(note.problems.first?.range.start == SourcePosition(line: 2, column: 5, offset: 8))
    }

    @Test func controlCharacterIsASyntaxProblemAtItsByte() {
        let note = load("---\ntitle: é\u{01}x\n---\n")
        #expect(kinds(note) == [.syntax])
        #expect(note.problems.first?.range.start == SourcePosition(line: 2, column: 9, offset: 4 + 7 + 2))
    }

    @Test func unicodeLineBreaksDoNotShiftPositions() throws {
        // libyaml breaks lines at NEL and LS; editors and our line table do not.
        let note = load("---\na: \"x\u{2028}y\u{85}\"\nb: z\n---\n")
        #expect(note.problems.isEmpty)
        let value = try #require(note.root?["b"])
        #expect(value.range.start == SourcePosition(line: 3, column: 4, offset: 4 + 13 + 3))
        #expect(note.source.text(value.range.byteRange) == "z")
    }

    @Test func topLevelNotAMapping() {
        var note = load("---\n- a\n- b\n---\n")
        #expect(kinds(note) == [.notAMapping])
        #expect(note.problems.first?.message.contains("a sequence") == true)
        #expect(note.outcome == .present)
        note = load("---\njust text\n---\n")
        #expect(kinds(note) == [.notAMapping])
        #expect(note.problems.first?.range.start == SourcePosition(line: 2, column: 1, offset: 4))
    }

    @Test func syntaxErrorHasAFilePosition() throws {
        let note = load("---\ntitle: A\ntags: [a, b\ndate: 2024\n---\nbody\n")
        #expect(kinds(note) == [.syntax])
        let problem = try #require(note.problems.first)
        // Line 4 of the file, not line 3 of the front matter.
        #expect(problem.range.start.line == 4)
        #expect(problem.range.start.offset == note.source.lineStarts[3] + problem.range.start.column - 1)
        #expect(problem.related?.start.line == 3)
        #expect(note.root == nil)
        #expect(note.outcome == .present)
    }

    @Test func syntaxErrorAfterCJKAndCRLF() throws {
        let note = load("---\r\n标题: 中文\r\nkey: value: more\r\n---\r\n")
        #expect(kinds(note) == [.syntax])
        let problem = try #require(note.problems.first)
        #expect(problem.range.start.line == 3)
        #expect(problem.range.start.column == 11)
        #expect(problem.range.start.offset == 5 + "标题: 中文\r\n".utf8.count + 10)
    }

    @Test func severalDocuments() {
        let note = load("---\na: 1\n--- \nb: 2\n---\n")
        // `--- ` closes the front matter, so this is one document and a body.
        #expect(note.problems.isEmpty)
        let two = load("---\na: 1\n--- !!map\nb: 2\n---\n")
        #expect(kinds(two) == [.multipleDocuments])
        #expect(two.root?["a"]?.scalar?.text == "1")
    }

    @Test func emptyAndCommentOnlyFrontMatter() {
        #expect(load("---\n---\n").outcome == .empty)
        #expect(load("---\n# just a comment\n\n---\nbody").outcome == .empty)
        #expect(load("---\n---\n").problems.isEmpty)
    }
}
