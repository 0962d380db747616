import NotelintEngine
import NotelintLoader
import Testing

/// Every rule's own examples, run as tests: triggering ones must report exactly at their `↓` markers,
/// non-triggering ones nothing. Each is also re-run behind a disable comment and behind a CJK comment line
/// that shifts every position, to catch offset bugs.
struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { $0.description }

    @Test(arguments: rules.map(\.id))
    func triggeringExamplesReportAtTheirMarkers(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for example in rule.triggeringExamples {
            let (text, expected) = ExampleRunner.stripMarkers(example.note)
            let found = try ExampleRunner.diagnostics(text, rule: rule, options: example.options)
            #expect(found.map { "\($0.range.start.line):\($0.range.start.column)" }.sorted() == expected.sorted(), "\(id): \(text)")
        }
    }

    @Test(arguments: rules.map(\.id))
    func nonTriggeringExamplesReportNothing(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for example in rule.nonTriggeringExamples {
            let found = try ExampleRunner.diagnostics(example.note, rule: rule, options: example.options)
            #expect(found.isEmpty, "\(id): \(example.note) → \(found.map(\.message))")
        }
    }

    @Test(arguments: rules.map(\.id))
    func positionsSurviveAMultiByteLineAbove(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for example in rule.triggeringExamples where example.note.hasPrefix("---\n") && !example.note.hasPrefix("↓") {
            let shifted = "---\n# 注释：中文的说明行\n" + example.note.dropFirst(4)
            let (text, expected) = ExampleRunner.stripMarkers(shifted)
            let found = try ExampleRunner.diagnostics(text, rule: rule, options: example.options)
            #expect(found.map { "\($0.range.start.line):\($0.range.start.column)" }.sorted() == expected.sorted(), "\(id): \(text)")
        }
    }

    @Test(arguments: rules.map(\.id).filter { $0 != "unused-suppression" })
    func disableCommentSilencesTheRule(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for example in rule.triggeringExamples where example.note.hasPrefix("---\n") {
            let (text, _) = ExampleRunner.stripMarkers(example.note)
            let disabled = "---\n# notelint-disable \(id)\n" + text.dropFirst(4)
            let found = try ExampleRunner.diagnostics(disabled, rule: rule, options: example.options)
            // A syntax error can swallow the comment line itself; everything else must go quiet.
            if id == "yaml-syntax" { continue }
            #expect(found.isEmpty, "\(id): \(disabled) → \(found.map(\.message))")
        }
    }

    @Test func everyRuleHasExamplesAndDocumentation() {
        for rule in Self.rules {
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty, "\(rule.id)")
            // Findings about files, not text: no note's text can show them (see HostileFileSystemTests).
            if rule.id != "unreadable-file" && rule.id != "symlink-outside" {
                #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            }
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id) is not kebab-case")
        }
        #expect(Set(Self.rules.map(\.id)).count == Self.rules.count, "rule ids must be unique")
    }
}
