import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Every rule's own examples, run as tests: triggering ones must report exactly at their `↓` markers,
/// non-triggering ones nothing. Each example is also run in two variants, each of which must run for every
/// triggering example of every rule (a filter that drops examples fails):
///
/// - a multi-byte line: a comment of CJK text inserted after the example's first line (inside the front matter,
///   or in the body or the other format's block when there is none), which moves every later position;
/// - a disable comment `# notelint-disable ID` inserted in the same place: it must silence the rule, or, for a
///   rule whose description says no comment can (`CommentSuppression.unsupported`), leave every finding in place.
///
/// Besides, `# notelint-disable-next-line ID` above each marked line must silence a rule a comment can reach, for
/// every example whose findings lie below the first line (at least one a rule, unless it is listed with a reason).
struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { $0.description }

    /// Rules that no note text can trigger, with the reason. They have no triggering example (checked below), so
    /// neither variant runs for them; what covers them instead is named.
    static let withoutTextExamples: [String: String] = [
        "unreadable-file": "reported when a path cannot be read, before there is any text: "
            + "`unreadableFileIsReportedAtTheStartOfThePath` below and HostileFileSystemTests cover it",
        "symlink-outside": "reported for a symbolic link leading outside the roots, which is never read: "
            + "`symlinkOutsideIsReportedAtTheStartOfTheLink` below and BoundaryTests cover it",
    ]

    static let multiByteLine = "# 注释：中文的说明行 ✓\n"

    /// `marked` with `line` inserted after its first line break, so that markers after it move with the text.
    static func insertingAfterFirstLine(_ line: String, into marked: String) -> String? {
        let scalars = marked.unicodeScalars
        guard let lineBreak = scalars.firstIndex(of: "\n") else { return nil }
        let cut = scalars.index(after: lineBreak)
        return String(scalars[..<cut]) + line + String(scalars[cut...])
    }

    static func positions(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.range.start.line):\($0.range.start.column)" }.sorted()
    }

    /// Every triggering example ran in a variant, and there was at least one.
    static func expectEveryExampleRan(_ runs: Int, of rule: RuleDescription, variant: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let reason = withoutTextExamples[rule.id] {
            #expect(runs == 0, "\(rule.id) is exempt (\(reason)) yet ran \(variant)", sourceLocation: sourceLocation)
            return
        }
        #expect(runs >= 1 && runs == rule.triggeringExamples.count,
                "\(rule.id): the \(variant) variant ran for \(runs) of \(rule.triggeringExamples.count) triggering examples",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: rules.map(\.id))
    func triggeringExamplesReportAtTheirMarkers(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        var runs = 0
        for example in rule.triggeringExamples {
            let (text, expected) = ExampleRunner.stripMarkers(example.note)
            let found = try ExampleRunner.diagnostics(text, rule: rule, options: example.options, others: example.others)
            #expect(Self.positions(found) == expected.sorted(), "\(id): \(text)")
            #expect(ExampleRunner.positionMismatches(found, in: text) == [], "\(id): \(text)")
            runs += 1
        }
        Self.expectEveryExampleRan(runs, of: rule, variant: "plain")
    }

    @Test(arguments: rules.map(\.id))
    func nonTriggeringExamplesReportNothing(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for example in rule.nonTriggeringExamples {
            let found = try ExampleRunner.diagnostics(example.note, rule: rule, options: example.options, others: example.others)
            #expect(found.isEmpty, "\(id): \(example.note) → \(found.map(\.message))")
        }
    }

    @Test(arguments: rules.map(\.id))
    func positionsSurviveAMultiByteLineAbove(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        var runs = 0
        for example in rule.triggeringExamples {
            guard let shifted = Self.insertingAfterFirstLine(Self.multiByteLine, into: example.note) else { continue }
            let (text, expected) = ExampleRunner.stripMarkers(shifted)
            let found = try ExampleRunner.diagnostics(text, rule: rule, options: example.options, others: example.others)
            #expect(Self.positions(found) == expected.sorted(), "\(id): \(text)")
            #expect(ExampleRunner.positionMismatches(found, in: text) == [], "\(id): \(text)")
            runs += 1
        }
        Self.expectEveryExampleRan(runs, of: rule, variant: "multi-byte line")
        for example in rule.nonTriggeringExamples {
            let shifted = try #require(Self.insertingAfterFirstLine(Self.multiByteLine, into: example.note), "\(id): \(example.note)")
            let found = try ExampleRunner.diagnostics(shifted, rule: rule, options: example.options, others: example.others)
            #expect(found.isEmpty, "\(id): \(shifted) → \(found.map(\.message))")
        }
    }

    @Test(arguments: rules.map(\.id))
    func disableCommentSilencesTheRule(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        var runs = 0
        for example in rule.triggeringExamples {
            guard let marked = Self.insertingAfterFirstLine("# notelint-disable \(id)\n", into: example.note) else { continue }
            let (text, expected) = ExampleRunner.stripMarkers(marked)
            let found = try ExampleRunner.diagnostics(text, rule: rule, options: example.options, others: example.others)
            switch rule.commentSuppression {
            case .supported:
                #expect(found.isEmpty, "\(id): \(text) → \(found.map(\.message))")
            case .unsupported(let reason):
                // The description says no comment can silence the rule: every finding stays.
                #expect(Set(expected).isSubset(of: Self.positions(found)),
                        "\(id) claims no comment can silence it (\(reason)), yet \(text) → \(Self.positions(found))")
            }
            runs += 1
        }
        Self.expectEveryExampleRan(runs, of: rule, variant: "disable comment")
    }

    /// Rules that `# notelint-disable-next-line` cannot silence although `# notelint-disable` can, with the reason.
    static let withoutNextLineComment: [String: String] = [
        "required-key": "reported on the opening fence, and no line of the front matter stands above it",
    ]

    /// `# notelint-disable-next-line ID` above each line a marker stands on. Markers on the first line have no
    /// line of the front matter above them: such an example is left out (a rule must still run at least once).
    @Test(arguments: rules.map(\.id))
    func nextLineCommentSilencesTheRule(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        guard rule.commentSuppression == .supported, Self.withoutTextExamples[id] == nil else { return }
        var runs = 0
        for example in rule.triggeringExamples {
            let (text, expected) = ExampleRunner.stripMarkers(example.note)
            let markedLines = Set(expected.compactMap { $0.split(separator: ":").first.flatMap { Int($0) } })
            guard !markedLines.isEmpty, !markedLines.contains(1) else { continue }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in markedLines.sorted(by: >) { lines.insert("# notelint-disable-next-line \(id)", at: line - 1) }
            let commented = lines.joined(separator: "\n")
            let found = try ExampleRunner.diagnostics(commented, rule: rule, options: example.options, others: example.others)
            #expect(found.isEmpty, "\(id): \(commented) → \(found.map(\.message))")
            runs += 1
        }
        if let reason = Self.withoutNextLineComment[id] {
            #expect(runs == 0, "\(id) is listed in withoutNextLineComment (\(reason)) yet ran \(runs) examples: drop it from the list")
        } else {
            #expect(runs >= 1, "\(id): no triggering example has its findings below the first line, so the next-line comment never ran")
        }
    }

    /// The applicability the documentation gives a rule's fixes (from its corrections) covers every fix its
    /// examples are offered; a rule without corrections offers none.
    @Test(arguments: rules.map(\.id))
    func offeredFixesHaveADeclaredApplicability(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        let declared = Set(rule.fixApplicabilities)
        let notes = rule.triggeringExamples.map { ($0.text, $0.options, $0.others) } + rule.corrections.map { ($0.before, $0.options, $0.others) }
        for (text, options, others) in notes {
            for diagnostic in try ExampleRunner.diagnostics(text, rule: rule, options: options, others: others) {
                guard let fix = diagnostic.fix else { continue }
                #expect(declared.contains(fix.applicability),
                        "\(id) offers a \(fix.applicability.rawValue) fix (\(fix.title)) but declares \(declared.map(\.rawValue).sorted()): \(text)")
            }
        }
    }

    @Test func unreadableFileIsReportedAtTheStartOfThePath() throws {
        let rule = try #require(RuleRegistry.rule(id: "unreadable-file")).description
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-unreadable-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/folder.md", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let configuration = try ExampleRunner.configuration(for: rule, options: [:])
        for (name, message) in [("missing.md", "No such file or directory"), ("folder.md", "not a regular file")] {
            let note = NoteLoader().load(path: folder + "/" + name)
            let found = Linter().check(note, configuration: configuration, relativePath: name, today: ExampleRunner.today, corpus: TagCorpus())
                .filter { $0.ruleID == rule.id }
            #expect(Self.positions(found) == ["1:1"], "\(name)")
            #expect(found.first?.message.contains(message) == true, "\(name): \(found.map(\.message))")
        }
    }

    @Test func symlinkOutsideIsReportedAtTheStartOfTheLink() throws {
        let rule = try #require(RuleRegistry.rule(id: "symlink-outside")).description
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/root", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("---\ntitle: elsewhere\n---\n".utf8).write(to: URL(fileURLWithPath: folder + "/elsewhere.md"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/root/link.md", withDestinationPath: "../elsewhere.md")
        let configuration = try ExampleRunner.configuration(for: rule, options: [:])
        let note = NoteLoader(boundary: ReadBoundary(rootPaths: [folder + "/root"])).load(path: folder + "/root/link.md")
        let found = Linter().check(note, configuration: configuration, relativePath: "link.md", today: ExampleRunner.today, corpus: TagCorpus())
            .filter { $0.ruleID == rule.id }
        #expect(Self.positions(found) == ["1:1"])
        #expect(found.first?.message.contains("outside the folder being linted") == true)
        #expect(note.source.bytes.isEmpty, "the link's target was read")
    }

    @Test func everyRuleHasExamplesAndDocumentation() {
        for rule in Self.rules {
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty, "\(rule.id)")
            if Self.withoutTextExamples[rule.id] == nil {
                #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            } else {
                #expect(rule.triggeringExamples.isEmpty, "\(rule.id) has triggering examples now: drop it from withoutTextExamples")
            }
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id) is not kebab-case")
        }
        #expect(Set(Self.rules.map(\.id)).count == Self.rules.count, "rule ids must be unique")
        #expect(Set(Self.withoutTextExamples.keys).isSubset(of: Self.rules.map(\.id)), "withoutTextExamples names an unknown rule")
    }
}
