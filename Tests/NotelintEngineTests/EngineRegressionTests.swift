import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

/// Engine behaviours found wrong on real input, each pinned by the input that showed it.
struct EngineRegressionTests {
    func diagnostics(_ text: String) throws -> [Diagnostic] {
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
        let note = NoteLoader().load(bytes: Array(text.utf8), path: "note.md")
        return Linter().check(note, configuration: configuration, relativePath: "note.md",
                              today: CalendarDate(year: 2026, month: 1, day: 1)!, corpus: TagCorpus())
    }

    @Test func everyMissingRequiredKeyIsReported() throws {
        let found = try diagnostics("---\ntitle: t\n---\n").filter { $0.ruleID == "required-key" }
        #expect(found.count == 6)
    }

    @Test func leadingZeroDecimalIsAStringToYAML11() {
        let scalar = ScalarResolver.resolve(text: "09", style: .plain, tag: nil)
        #expect(scalar.resolved == .int(9))
        #expect(scalar.yaml11Type == .string)
        #expect(ScalarResolver.resolve(text: "0755", style: .plain, tag: nil).yaml11Type == .int)
    }

    @Test func suppressionTextInsideAValueIsNotASuppression() throws {
        let text = "---\ntitle: t\nsummary: |\n  To silence a rule, add # notelint-disable\nstatus: evergren\n---\n"
        let found = try diagnostics(text)
        #expect(found.contains { $0.ruleID == "enum-value" })
        #expect(!found.contains { $0.ruleID == "unused-suppression" })
    }

    @Test func valuesAtTheLoadersDepthLimitAreStillValues() throws {
        // The mapping is the first level, so the scalar inside these brackets is as deep as a loaded note goes:
        // its escaped trailing blank is content, and the directive written in it is text.
        let depth = LoadLimits.default.maxDepth - 1
        let text = "---\ndeep: " + String(repeating: "[", count: depth) + "\"a # notelint-disable-next-line enum-value \\ \n"
            + "  b\"" + String(repeating: "]", count: depth) + "\nstatus: evergren\n---\n"
        let found = try diagnostics(text)
        #expect(!found.contains { $0.ruleID == "yaml-syntax" })
        #expect(found.contains { $0.ruleID == "enum-value" })
        #expect(!found.contains { $0.ruleID == "unused-suppression" || $0.ruleID == "trailing-whitespace" })
    }

    @Test func columnsOnTheFirstLineDoNotCountTheByteOrderMark() throws {
        let found = try diagnostics("\u{FEFF}---\ntitle: t\n---\n").filter { $0.ruleID == "required-key" }
        #expect(found.first?.range.start.column == 1)
    }

    @Test func messagesStayOnOneLine() throws {
        let found = try diagnostics("---\nsource: \"https://a.example/x\\nhttps://b.example\"\n---\n").filter { $0.ruleID == "url-format" }
        // YAML's `\e` escape puts a real ESC into the key, which the message quotes.
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.message.contains("\n") })
    }

    @Test func emptyValueUnderAnyOfIsAnEmptyValue() throws {
        let schema = "type: object\nproperties:\n  issue:\n    anyOf: [{type: integer}, {type: string, minLength: 1}]\n"
        let root = try #require(YAMLTreeBuilder().parse(SourceText(bytes: Array(schema.utf8)), range: 0..<schema.utf8.count).documents.first ?? nil)
        let note = NoteLoader().load(bytes: Array("---\nissue:\n---\n".utf8), path: "n.md")
        let violations = try JSONSchema(root: root).validate(note.root)
        #expect(violations.map { SchemaRouting.ruleID(for: $0) } == ["empty-value"])
    }

    @Test func terminalEscapesInANoteNeverReachTheOutput() throws {
        let found = try diagnostics("---\n\"x\\e]0;pwned\\a\\e[2J\": 1\n---\n").filter { $0.ruleID == "unknown-key" }
        // YAML's `\e` escape puts a real ESC into the key, which the message quotes.
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.message.unicodeScalars.contains("\u{1B}") && !($0.sourceLine ?? "").unicodeScalars.contains("\u{1B}") })
    }

    /// Found by fuzzing: the rule names of a suppression that suppresses nothing are quoted as written.
    @Test func anUnusedSuppressionQuotesItsRulesEscaped() throws {
        let found = try diagnostics("---\ntitle: t  # notelint-disable-next-line date-format\u{1B}[2J\u{0E}x\n---\n")
            .filter { $0.ruleID == "unused-suppression" }
        #expect(found.count == 1)
        #expect(found.allSatisfy { $0.message.contains("\\u{1B}[2J\\u{E}x") && !$0.message.unicodeScalars.contains("\u{1B}") })
    }
}
