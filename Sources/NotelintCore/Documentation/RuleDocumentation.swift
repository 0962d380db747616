/// Rule documentation, generated from each rule's description: `notelint rules`, `notelint rules ID` and the
/// files of `docs/rules/` (`notelint rules --write-docs docs/rules`), which a test keeps in step with the rules.
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

    /// The documentation folder: `README.md`, an index of every rule, and `ID.md` for each rule (its `markdown`).
    public static func files(_ rules: [RuleDescription]) -> [(name: String, text: String)] {
        [("README.md", index(rules))] + rules.map { ("\($0.id).md", markdown($0)) }
    }

    /// The index of `docs/rules/`: one row per rule, linking to its page.
    public static func index(_ rules: [RuleDescription]) -> String {
        var out = """
            # Rules

            Every rule notelint ships, in the order `notelint rules` lists them. Each page gives the rule's rationale, \
            options and examples. The examples are run as tests: against the default schema (`Rules/note.schema.yml`), \
            with the option defaults shown unless an example names others (files they name are those of `Rules/`). \
            These pages are generated from the rules' \
            descriptions (`notelint rules --write-docs docs/rules`, or `scripts/generate-rule-docs.sh`); a test fails \
            when they differ from what the rules say.

            | rule | default severity | fix | summary |
            |---|---|---|---|

            """
        for rule in rules {
            out += "| [\(rule.id)](\(rule.id).md) | \(severityText(rule)) | \(fixText(rule, short: true)) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out
    }

    public static func markdown(_ rule: RuleDescription) -> String {
        var out = "# \(rule.id)\n\n\(rule.summary).\n\n"
        out += "- Default severity: \(severityText(rule)).\n"
        out += "- Fix: \(fixText(rule, short: false)).\n"
        switch rule.commentSuppression {
        case .supported:
            out += "- Suppression: `# notelint-disable \(rule.id)` in the front matter (the rest of the note), or "
            out += "`# notelint-disable-next-line \(rule.id)` above the line.\n\n"
        case .unsupported(let reason):
            out += "- Suppression: no comment can silence it: \(reason). Turn it off, or list it under `ignore:`, in `.lint.yml`.\n\n"
        }
        out += "## Why\n\n\(rule.rationale)\n\n"
        out += "## Options\n\n"
        if rule.options.isEmpty {
            out += "None.\n\n"
        } else {
            out += "| option | default | meaning |\n|---|---|---|\n"
            for option in rule.options {
                out += "| `\(option.name)` | `\(option.defaultValue)` | \(option.summary) |\n"
            }
            out += "\n"
        }
        out += "## Reported\n\n"
        if rule.triggeringExamples.isEmpty {
            out += "No example: the finding comes from reading a path, not from a note's text.\n\n"
        }
        for example in rule.triggeringExamples {
            out += block(example)
            let places = example.markers.map { "\($0.line):\($0.column)" }
            out += places.count == 1 ? "Reported at \(places[0]) (line:column).\n\n" : "Reported at \(places.joined(separator: ", ")) (line:column).\n\n"
        }
        if !rule.nonTriggeringExamples.isEmpty {
            out += "## Not reported\n\n"
            for example in rule.nonTriggeringExamples { out += block(example) }
        }
        if !rule.corrections.isEmpty {
            out += "## Fix\n\n"
            for correction in rule.corrections {
                out += optionsLine(correction.options) + othersBlock(correction.others)
                out += "Before (\(correction.applicability.rawValue) fix):\n\n```markdown\n\(correction.before)```\n\nAfter:\n\n```markdown\n\(correction.after)```\n\n"
            }
        }
        return out
    }

    private static func severityText(_ rule: RuleDescription) -> String {
        rule.isOptIn ? "off (opt-in), \(rule.defaultSeverity.rawValue) when enabled" : rule.defaultSeverity.rawValue
    }

    private static func fixText(_ rule: RuleDescription, short: Bool) -> String {
        let applicabilities = rule.fixApplicabilities
        if applicabilities.isEmpty { return short ? "—" : "none" }
        if short { return applicabilities.map(\.rawValue).joined(separator: ", ") }
        return applicabilities.map { applicability -> String in
            switch applicability {
            case .safe: "safe (applied by `--fix`)"
            case .unsafe: "unsafe (applied by `--fix --unsafe-fixes`)"
            case .displayOnly: "display-only (shown, never applied)"
            }
        }.joined(separator: " or ")
    }

    private static func optionsLine(_ options: [String: OptionValue]) -> String {
        if options.isEmpty { return "" }
        return "With " + options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ":\n\n"
    }

    private static func block(_ example: RuleExample) -> String {
        let text = example.text
        return optionsLine(example.options) + othersBlock(example.others)
            + "```markdown\n\(text)\(text.hasSuffix("\n") ? "" : "\n")```\n\n"
    }

    /// The other notes a collection rule's example is weighed against, then the example itself.
    private static func othersBlock(_ others: [String: String]) -> String {
        guard !others.isEmpty else { return "" }
        var out = "With " + (others.count == 1 ? "another note" : "other notes") + " in the collection:\n\n"
        for (path, text) in others.sorted(by: { $0.key < $1.key }) {
            out += "`\(path)`:\n\n```markdown\n\(text)\(text.hasSuffix("\n") ? "" : "\n")```\n\n"
        }
        return out + "This note (`example.md`):\n\n"
    }
}

extension String {
    package func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
