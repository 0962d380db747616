import NotelintCore
import NotelintText

/// `path:line:col: severity: message [rule]`, the source line with the span underlined, suggestions, and a summary.
public struct HumanReporter: Reporter {
    public static let name = "human"
    public static let summary = "Readable output with source excerpts (default)."

    let useColor: Bool

    public init(options: ReporterOptions) {
        useColor = options.useColor
    }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            out += render(diagnostic)
        }
        out += summaryLine(report) + "\n"
        return out
    }

    func render(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.range.start
        var out = paint("\(diagnostic.path):\(start.line):\(start.column):", .bold) + " "
        out += paint("\(diagnostic.severity.rawValue):", color(for: diagnostic.severity)) + " "
        out += diagnostic.message + " " + paint("[\(diagnostic.ruleID)]", .dim) + fixMark(diagnostic.fix) + "\n"
        if let line = diagnostic.sourceLine {
            let number = String(start.line)
            let gutter = String(repeating: " ", count: number.count)
            out += paint(" \(number) | ", .dim) + line + "\n"
            out += paint(" \(gutter) | ", .dim) + paint(underline(diagnostic, in: line), color(for: diagnostic.severity)) + "\n"
        }
        // A suggestion the message already names is not repeated.
        for suggestion in diagnostic.suggestions where !diagnostic.message.contains("`\(suggestion)`") {
            out += "   = did you mean `\(suggestion)`?\n"
        }
        var elsewhere = 0
        for related in diagnostic.related {
            let place = "\(related.path ?? diagnostic.path):\(related.range.start.line):\(related.range.start.column)"
            guard related.path != nil else {
                out += "   = \(related.message): \(place)\n"
                continue
            }
            // Places in other notes: a few, then how many more (a title shared by 200 notes is not 200 lines).
            elsewhere += 1
            if elsewhere <= Self.otherPlacesShown { out += "   = also at \(place)\n" }
        }
        if elsewhere > Self.otherPlacesShown { out += "   = and \(elsewhere - Self.otherPlacesShown) more\n" }
        return out
    }

    /// Places in other notes listed under a finding before "and N more".
    static let otherPlacesShown = 3

    /// `[*]` a safe fix exists (`--fix`), `[~]` an unsafe one (`--fix --unsafe-fixes`).
    func fixMark(_ fix: Fix?) -> String {
        switch fix?.applicability {
        case .safe?: " [*]"
        case .unsafe?: " [~]"
        default: ""
        }
    }

    /// Spaces (tabs kept) up to the start column, then carets as wide as the span on this line.
    func underline(_ diagnostic: Diagnostic, in line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        let shift = diagnostic.sourceLineShift
        let startIndex = min(max(diagnostic.range.start.column - 1 - shift, 0), scalars.count)
        let endColumn = diagnostic.range.end.line == diagnostic.range.start.line ? diagnostic.range.end.column - 1 - shift : scalars.count
        let endIndex = min(max(endColumn, startIndex), scalars.count)
        var prefix = ""
        for scalar in scalars[..<startIndex] {
            prefix += scalar == "\t" ? "\t" : String(repeating: " ", count: TerminalWidth.of(scalar))
        }
        let width = max(1, TerminalWidth.of(scalars[startIndex..<endIndex]))
        // Made from bytes: repeating a one-character string went through its characters, a few thousand
        // instructions for a title's carets.
        return prefix + String(decoding: [UInt8](repeating: UInt8(ascii: "^"), count: width), as: UTF8.self)
    }

    func summaryLine(_ report: LintReport) -> String {
        let errors = report.count(.error)
        let warnings = report.count(.warning)
        let infos = report.count(.info)
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if infos > 0 { parts.append(plural(infos, "info")) }
        let fixable = report.diagnostics.filter { $0.fix?.applicability == .safe }.count
        let unsafe = report.diagnostics.filter { $0.fix?.applicability == .unsafe }.count
        var line = parts.joined(separator: ", ")
            + " in \(plural(report.filesWithFindings, "file")) (\(report.filesChecked) checked)"
        if fixable > 0 { line += "; \(fixable) fixable with --fix" }
        if unsafe > 0 { line += "; \(unsafe) more with --unsafe-fixes" }
        let fixed = report.fixedFiles.filter { $0.writeError == nil }
        if !fixed.isEmpty {
            let count = fixed.reduce(0) { $0 + $1.applied.values.reduce(0, +) }
            line += "; fixed \(plural(count, "finding")) in \(plural(fixed.count, "file"))"
        }
        return paint(line, .bold)
    }

    private enum Style: String {
        case bold = "1", dim = "2", red = "31", yellow = "33", blue = "34"
    }

    private func color(for severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
