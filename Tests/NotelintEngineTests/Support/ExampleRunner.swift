import NotelintEngine
import NotelintLoader

/// Runs notes through the engine with the embedded default and one rule's options, as rule examples are run.
enum ExampleRunner {
    static let today = CalendarDate(year: 2025, month: 6, day: 1)!

    static func configuration(for rule: RuleDescription, options: [String: OptionValue]) throws -> EffectiveConfiguration {
        let bytes = Array((EmbeddedRules.files[EmbeddedRules.configurationPath] ?? "").utf8)
        var configuration = try Configuration.parse(bytes, path: "(example)", directory: ".", rules: RuleRegistry.all)
        configuration.rules[rule.id] = Configuration.RuleSetting(severity: nil, isOff: false, options: options)
        return try EffectiveConfiguration(configuration, registry: RuleRegistry.all, files: RuleFileStore(.embedded))
    }

    /// Diagnostics of `rule` only, for `text` as a note.
    static func diagnostics(_ text: String, rule: RuleDescription, options: [String: OptionValue] = [:]) throws -> [Diagnostic] {
        let note = NoteLoader().load(bytes: Array(text.utf8), path: "example.md")
        let configuration = try configuration(for: rule, options: options)
        return Linter().check(note, configuration: configuration, relativePath: "example.md", today: today, corpus: TagCorpus())
            .filter { $0.ruleID == rule.id }
    }

    /// Removes `↓` markers; returns the text and each marker's position as "line:column".
    static func stripMarkers(_ marked: String) -> (text: String, positions: [String]) {
        var text = ""
        var positions: [String] = []
        var line = 1
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                positions.append("\(line):\(column)")
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (text, positions)
    }
}
