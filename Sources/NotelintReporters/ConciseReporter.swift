import NotelintCore

/// `path:line:col: severity: message [rule]`, one line per finding and no excerpt, then the summary: for
/// grep, editors' problem matchers and logs where the excerpts are noise.
public struct ConciseReporter: Reporter {
    public static let name = "concise"
    public static let summary = "One line per finding, then the summary."

    private let human: HumanReporter

    public init(options: ReporterOptions) {
        var plain = options
        plain.useColor = false
        human = HumanReporter(options: plain)
    }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            let start = diagnostic.range.start
            out += "\(diagnostic.path):\(start.line):\(start.column): \(diagnostic.severity.rawValue): "
            out += Self.oneLine(diagnostic.message) + " [\(diagnostic.ruleID)]\n"
        }
        return out + human.summaryLine(report) + "\n"
    }

    /// Line breaks in a message are spelled `\n` and `\r`, so that every finding stays one line.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
