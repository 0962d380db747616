import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Every rule's corrections, run as tests: fixing `before` with only that rule's fixes gives `after`,
/// fixing `after` again changes nothing, and the fix is offered at the declared applicability.
struct RuleCorrectionTests {
    static let fixableRules = RuleRegistry.all.map { $0.description }.filter(\.isFixable).map(\.id)

    static func fixOnce(_ text: String, rule: RuleDescription, options: [String: OptionValue], others: [String: String] = [:], minimum: Applicability) throws -> String {
        let diagnostics = try ExampleRunner.diagnostics(text, rule: rule, options: options, others: others)
        return String(decoding: FixApplier.apply(diagnostics, to: Array(text.utf8), minimum: minimum).bytes, as: UTF8.self)
    }

    static func fixToFixedPoint(_ text: String, rule: RuleDescription, options: [String: OptionValue], others: [String: String] = [:], minimum: Applicability) throws -> String {
        var current = text
        for _ in 0..<8 {
            let next = try fixOnce(current, rule: rule, options: options, others: others, minimum: minimum)
            if next == current { break }
            current = next
        }
        return current
    }

    @Test(arguments: fixableRules)
    func correctionsProduceTheirAfterText(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for correction in rule.corrections {
            let fixed = try Self.fixToFixedPoint(correction.before, rule: rule, options: correction.options, others: correction.others, minimum: correction.applicability)
            #expect(fixed == correction.after, "\(id)")
            #expect(try Self.fixOnce(fixed, rule: rule, options: correction.options, others: correction.others, minimum: .unsafe) == fixed, "\(id): fixing twice must change nothing")
            if correction.applicability == .unsafe {
                #expect(try Self.fixOnce(correction.before, rule: rule, options: correction.options, others: correction.others, minimum: .safe) == correction.before,
                        "\(id): an unsafe fix must not be applied by --fix")
            }
        }
    }

    @Test(arguments: fixableRules)
    func correctionsSurviveAMultiByteLineAbove(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        for correction in rule.corrections {
            // Every correction runs shifted: one that is not a whole front matter fails rather than being skipped.
            try #require(correction.before.hasPrefix("---\n") && correction.after.hasPrefix("---\n"), "\(id): \(correction.before)")
            let prefix = "---\n# 注释：中文的说明行 ✓\n"
            let fixed = try Self.fixToFixedPoint(prefix + correction.before.dropFirst(4), rule: rule, options: correction.options, others: correction.others, minimum: correction.applicability)
            #expect(fixed == prefix + correction.after.dropFirst(4), "\(id)")
        }
    }
}
