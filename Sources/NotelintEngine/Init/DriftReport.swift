import NotelintCore
import NotelintLoader
import NotelintText

/// What an inferred configuration flags today: the collection linted with it, summed up per rule with the first
/// findings of each. These should be the collection's real defects.
public struct DriftReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int

    /// Findings per rule, most first (rule ids breaking ties).
    public var countsByRule: [(rule: String, count: Int)] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics { counts[diagnostic.ruleID, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    public func render(examples: Int = 3) -> String {
        guard !diagnostics.isEmpty else { return "The new configuration flags nothing in \(Count.of(filesChecked)) notes.\n" }
        let findings = diagnostics.count == 1 ? "1 finding" : "\(Count.of(diagnostics.count)) findings"
        var text = "What the new configuration flags today (\(findings) in \(Count.of(filesChecked)) notes):\n"
        for (rule, count) in countsByRule {
            let matching = diagnostics.filter { $0.ruleID == rule }
            text += "  \(rule): \(Count.of(count)) \(matching[0].severity.rawValue)\(count == 1 ? "" : "s")\n"
            for diagnostic in matching.prefix(examples) {
                let start = diagnostic.range.start
                text += "    \(PathText.shown(diagnostic.path)):\(start.line):\(start.column): \(diagnostic.message)\n"
            }
        }
        return text
    }

    /// Today's findings in the baseline format, with paths relative to the collection's root: `notelint lint
    /// --baseline FILE` run there reports only new ones.
    public func baseline(root: String) -> [UInt8] {
        let base = PathText.absolute(root)
        let relative = diagnostics.map { diagnostic -> Diagnostic in
            var copy = diagnostic
            copy.path = PathText.relative(PathText.absolute(diagnostic.path), to: base)
            return copy
        }
        return Baseline(relative).serialized()
    }
}

extension CollectionInit {
    /// Lints the collection with the inferred configuration, held in memory (nothing need be written first),
    /// through the one pipeline every front end uses.
    public static func drift(of result: InitResult, request: InitRequest) throws -> DriftReport {
        var plan = LintPlan()
        plan.selection = .paths([result.root])
        plan.configurationOverlay = result.overlay
        plan.cacheDirectory = nil
        plan.today = request.today
        plan.jobs = request.jobs
        plan.report.format = "json"
        let outcome = plan.run()
        if outcome.exitCode == 2 {
            throw UsageError("the inferred configuration could not be used: " + outcome.standardError)
        }
        return DriftReport(diagnostics: outcome.report.diagnostics, filesChecked: outcome.report.filesChecked)
    }
}
