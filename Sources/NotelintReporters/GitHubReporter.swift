import NotelintLoader
import NotelintCore

/// GitHub Actions workflow commands, `::error file=…,line=…,col=…::message`: the runner turns each into an
/// annotation on the file and line, shown on the run and on a pull request's diff.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let summary = "GitHub Actions annotations (workflow commands)."

    /// What paths are made relative to; GitHub resolves annotation paths against the checkout's root.
    let currentDirectory: String

    public init(options: ReporterOptions) {
        self.init(currentDirectory: PathText.currentDirectory())
    }

    init(currentDirectory: String) {
        self.currentDirectory = currentDirectory
    }

    public func render(_ report: LintReport) -> String {
        report.diagnostics.map(command).joined()
    }

    func command(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.range.start
        let end = diagnostic.range.end
        var properties = [
            ("file", ReportPath.display(diagnostic.path, from: currentDirectory)),
            ("line", String(start.line)),
        ]
        // Columns are only allowed on an annotation within one line.
        if end.line == start.line {
            properties += [("col", String(start.column)), ("endLine", String(end.line)), ("endColumn", String(max(end.column, start.column)))]
        } else {
            properties.append(("endLine", String(max(end.line, start.line))))
        }
        properties.append(("title", "\(ToolInfo.name) (\(diagnostic.ruleID))"))
        var message = diagnostic.message
        for suggestion in diagnostic.suggestions {
            message += "\ndid you mean `\(suggestion)`?"
        }
        for related in diagnostic.related where related.path == nil {
            message += "\n\(related.message): line \(related.range.start.line), column \(related.range.start.column)"
        }
        // An annotation sits in one file: it names the first other note, and how many more there are.
        let elsewhere = diagnostic.related.filter { $0.path != nil }
        if let first = elsewhere.first, let path = first.path {
            message += "\nalso at \(ReportPath.display(path, from: currentDirectory)):\(first.range.start.line):\(first.range.start.column)"
            if elsewhere.count > 1 { message += " and \(elsewhere.count - 1) more" }
        }
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(Self.command(for: diagnostic.severity)) \(list)::\(Self.escapeData(message))\n"
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// As the Actions toolkit escapes a command's message: the runner undoes exactly these.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// As the toolkit escapes a property value: also `:` and `,`, which end a value.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension GitHubReporter {
    /// Whether the default output should carry annotations as well: inside GitHub Actions, which sets
    /// `GITHUB_ACTIONS=true` for every step, as yamllint's `auto` format does.
    public static func isActive(environment: (String) -> String?) -> Bool {
        environment("GITHUB_ACTIONS") == "true"
    }

    /// What the default format prints: the human report, followed inside GitHub Actions by the same findings
    /// as workflow commands, so that a plain `notelint` step annotates pull requests.
    public static func renderDefault(_ report: LintReport, options: ReporterOptions, environment: (String) -> String?) -> String {
        let human = HumanReporter(options: options).render(report)
        guard isActive(environment: environment) else { return human }
        return human + GitHubReporter(options: options).render(report)
    }
}
