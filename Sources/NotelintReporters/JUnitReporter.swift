import NotelintCore

/// JUnit XML, which most CI services show as test results: one test suite per file with findings, one
/// failing test case per finding. Files without findings are left out; the report does not name them.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    public static let summary = "JUnit XML: a test suite per file, a failing test case per finding."

    /// Renders each failure's body as the human format does, excerpt included, without colour.
    private let human: HumanReporter

    public init(options: ReporterOptions) {
        var plain = options
        plain.useColor = false
        human = HumanReporter(options: plain)
    }

    public func render(_ report: LintReport) -> String {
        let count = report.diagnostics.count
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<testsuites name="\#(ToolInfo.name)" tests="\#(count)" failures="\#(count)" errors="0""#
        guard count > 0 else { return out + "/>\n" }
        out += ">\n"
        for group in DiagnosticGroups.byPath(report.diagnostics) {
            let path = XMLText.attribute(group.path)
            let cases = group.diagnostics.count
            out += #"  <testsuite name="\#(path)" tests="\#(cases)" failures="\#(cases)" errors="0">"# + "\n"
            for diagnostic in group.diagnostics {
                let start = diagnostic.range.start
                let name = XMLText.attribute("\(diagnostic.ruleID) at \(start.line):\(start.column)")
                out += #"    <testcase classname="\#(path)" name="\#(name)" file="\#(path)" line="\#(start.line)">"# + "\n"
                out += #"      <failure message="\#(XMLText.attribute(diagnostic.message))" type="\#(XMLText.attribute(diagnostic.ruleID))">"#
                out += XMLText.content(human.render(diagnostic)) + "</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
