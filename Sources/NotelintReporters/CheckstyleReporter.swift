import NotelintCore

/// Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and many code-review tools:
/// `<file name>` per file with findings, an `<error>` per finding.
public struct CheckstyleReporter: Reporter {
    public static let name = "checkstyle"
    public static let summary = "Checkstyle XML."

    public init(options: ReporterOptions) {}

    public func render(_ report: LintReport) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<checkstyle version="4.3">"# + "\n"
        for group in DiagnosticGroups.byPath(report.diagnostics) {
            out += #"  <file name="\#(XMLText.attribute(group.path))">"# + "\n"
            for diagnostic in group.diagnostics {
                let start = diagnostic.range.start
                // Checkstyle's severities are error, warning, info and ignore: ours map by name.
                out += #"    <error line="\#(start.line)" column="\#(start.column)" severity="\#(diagnostic.severity.rawValue)""#
                out += #" message="\#(XMLText.attribute(diagnostic.message))" source="\#(XMLText.attribute("\(ToolInfo.name).\(diagnostic.ruleID)"))"/>"# + "\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
