import NotelintCore
import NotelintLoader

/// JSON Lines: one object per diagnostic per line, with the `json` format's fields, and no summary. Streams
/// and concatenates well (`jq -c`, log shippers). JSON's escaping keeps every object on one line.
public struct JSONLinesReporter: Reporter {
    public static let name = "json-lines"
    public static let summary = "One JSON object per finding per line, with the json format's fields."

    public init(options: ReporterOptions) {}

    public func render(_ report: LintReport) -> String {
        var json = JSONWriter()
        for diagnostic in report.diagnostics {
            JSONReporter.write(diagnostic, to: &json)
            json.appendRaw("\n")
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
