/// Rule documentation, generated from each rule's description: `notelint rules` and `docs/rules.md`.
public enum RuleDocumentation {
    /// One line per rule: id, default severity, fixable, summary.
    public static func table(_ rules: [RuleDescription]) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 0
        var out = ""
        for rule in rules {
            let id = rule.id + String(repeating: " ", count: idWidth - rule.id.count)
            let severity = (rule.isOptIn ? "off" : rule.defaultSeverity.rawValue).padding(to: 8)
            let fixable = rule.isFixable ? "fix" : "   "
            out += "\(id)  \(severity)\(fixable)  \(rule.summary)\n"
        }
        return out
    }

    public static func markdown(_ rule: RuleDescription) -> String {
        var out = "# \(rule.id)\n\n\(rule.summary).\n\n"
        out += "Default severity: \(rule.isOptIn ? "off (opt-in), " + rule.defaultSeverity.rawValue + " when enabled" : rule.defaultSeverity.rawValue)."
        out += rule.isFixable ? " Fixable.\n\n" : "\n\n"
        out += "## Why\n\n\(rule.rationale)\n\n"
        if !rule.options.isEmpty {
            out += "## Options\n\n| option | default | meaning |\n|---|---|---|\n"
            for option in rule.options {
                out += "| `\(option.name)` | `\(option.defaultValue)` | \(option.summary) |\n"
            }
            out += "\n"
        }
        if !rule.triggeringExamples.isEmpty {
            out += "## Reported\n\n"
            for example in rule.triggeringExamples { out += block(example) }
        }
        if !rule.nonTriggeringExamples.isEmpty {
            out += "## Not reported\n\n"
            for example in rule.nonTriggeringExamples { out += block(example) }
        }
        if !rule.corrections.isEmpty {
            out += "## Fix\n\n"
            for correction in rule.corrections {
                out += "Before (\(correction.applicability.rawValue) fix):\n\n```markdown\n\(correction.before)```\n\nAfter:\n\n```markdown\n\(correction.after)```\n\n"
            }
        }
        return out
    }

    private static func block(_ example: RuleExample) -> String {
        var out = ""
        if !example.options.isEmpty {
            let options = example.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            out += "With \(options):\n\n"
        }
        let text = example.note.replacingOccurrences(of: "↓", with: "")
        return out + "```markdown\n\(text)\(text.hasSuffix("\n") ? "" : "\n")```\n\n"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
