import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import NotelintText

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
    /// `others`: the other notes of the collection, by path, for collection rules (the note is `example.md`).
    static func diagnostics(
        _ text: String, rule: RuleDescription, options: [String: OptionValue] = [:], others: [String: String] = [:]
    ) throws -> [Diagnostic] {
        let note = NoteLoader().load(bytes: Array(text.utf8), path: "example.md")
        let configuration = try configuration(for: rule, options: options)
        let linter = Linter()
        let collection = configuration.hasIndexedRules ? CollectionView(
            index: linter.collectionIndex(
                of: [(note, "example.md")] + others.sorted { $0.key < $1.key }.map { (NoteLoader().load(bytes: Array($0.value.utf8), path: $0.key), $0.key) },
                configuration: configuration, today: today),
            note: 0) : nil
        return linter.check(note, configuration: configuration, relativePath: "example.md", today: today, corpus: TagCorpus(), collection: collection)
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

    /// Each diagnostic whose start or end line and column disagree with its UTF-8 offset in `text`, worked out
    /// here from the bytes (lines end at LF, CRLF or a lone CR; columns count Unicode scalars, after a BOM on line 1).
    static func positionMismatches(_ diagnostics: [Diagnostic], in text: String) -> [String] {
        let bytes = Array(text.utf8)
        func position(of offset: Int) -> String? {
            guard offset >= 0, offset <= bytes.count else { return nil }
            var line = 1
            var lineStart = 0
            var index = 0
            while index < offset {
                if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { lineStart = 3 }
            // Scalars begin at every byte that is not a UTF-8 continuation byte.
            let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
            return "\(line):\(column)"
        }
        var mismatches: [String] = []
        for diagnostic in diagnostics {
            for (name, point) in [("start", diagnostic.range.start), ("end", diagnostic.range.end)] {
                let expected = position(of: point.offset)
                if expected != "\(point.line):\(point.column)" {
                    mismatches.append("\(diagnostic.ruleID) \(name) at offset \(point.offset) is \(point.line):\(point.column), the bytes say \(expected ?? "outside the text")")
                }
            }
        }
        return mismatches
    }
}
