import NotelintCore
import NotelintLoader

/// One JSON document: `{ "version": 1, "diagnostics": [ … ], "summary": { … } }`. A public interface:
/// fields are only ever added, never renamed.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let summary = "One JSON document with every diagnostic and a summary."

    public init(options: ReporterOptions) {}

    public func render(_ report: LintReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("version")
        json.int(1)
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in report.diagnostics { Self.write(diagnostic, to: &json) }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.key("errors")
        json.int(report.count(.error))
        json.key("warnings")
        json.int(report.count(.warning))
        json.key("infos")
        json.int(report.count(.info))
        json.key("filesChecked")
        json.int(report.filesChecked)
        json.key("filesWithFindings")
        json.int(report.filesWithFindings)
        json.endObject()
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self) + "\n"
    }

    static func write(_ diagnostic: Diagnostic, to json: inout JSONWriter) {
        json.beginObject()
        json.key("path")
        json.string(diagnostic.path)
        json.key("rule")
        json.string(diagnostic.ruleID)
        json.key("severity")
        json.string(diagnostic.severity.rawValue)
        json.key("message")
        json.string(diagnostic.message)
        writeRange(diagnostic.range, to: &json)
        json.key("suggestions")
        json.beginArray()
        for suggestion in diagnostic.suggestions { json.string(suggestion) }
        json.endArray()
        json.key("related")
        json.beginArray()
        for related in diagnostic.related {
            json.beginObject()
            // Only a place in another note names its file.
            if let path = related.path {
                json.key("path")
                json.string(path)
            }
            json.key("message")
            json.string(related.message)
            writeRange(related.range, to: &json)
            json.endObject()
        }
        json.endArray()
        json.key("fix")
        if let fix = diagnostic.fix {
            json.beginObject()
            json.key("applicability")
            json.string(fix.applicability.rawValue)
            json.key("title")
            json.string(fix.title)
            json.key("edits")
            json.beginArray()
            for edit in fix.edits {
                json.beginObject()
                json.key("startOffset")
                json.int(edit.range.lowerBound)
                json.key("endOffset")
                json.int(edit.range.upperBound)
                json.key("replacement")
                json.string(edit.replacement)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }

    static func writeRange(_ range: SourceRange, to json: inout JSONWriter) {
        json.key("line")
        json.int(range.start.line)
        json.key("column")
        json.int(range.start.column)
        json.key("endLine")
        json.int(range.end.line)
        json.key("endColumn")
        json.int(range.end.column)
        json.key("offset")
        json.int(range.start.offset)
        json.key("endOffset")
        json.int(range.end.offset)
    }
}
