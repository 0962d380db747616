import Foundation
import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema

struct JSONLinesReporterTests {
    let output = JSONLinesReporter(options: ReporterOptions(rules: [])).render(SampleReports.report)

    @Test func matchesGoldenOutput() {
        let expected = #"""
            {"path":"notes/日記 2024.md","rule":"enum-value","severity":"error","message":"`草稿` is not one of: \"draft\", 'done' (100% sure)\nsee the schema","line":2,"column":9,"endLine":2,"endColumn":11,"offset":12,"endOffset":18,"suggestions":["draft"],"related":[],"fix":{"applicability":"safe","title":"replace with `draft`","edits":[{"startOffset":12,"endOffset":18,"replacement":"draft"}]}}
            {"path":"notes/日記 2024.md","rule":"duplicate-key","severity":"warning","message":"key `title` is defined twice: a & <b>","line":4,"column":1,"endLine":4,"endColumn":6,"offset":28,"endOffset":33,"suggestions":[],"related":[{"message":"first defined here","line":3,"column":1,"endLine":3,"endColumn":6,"offset":19,"endOffset":24}],"fix":null}
            {"path":"./notes/b.md","rule":"tag-format","severity":"info","message":"tags a,b:c\r\nare odd \u001b[1m","line":4,"column":3,"endLine":5,"endColumn":2,"offset":30,"endOffset":40,"suggestions":[],"related":[],"fix":null}

            """#
        #expect(output == expected)
    }

    /// Each line is one of the `json` format's diagnostics, field for field.
    @Test func eachLineIsTheJSONFormatsDiagnostic() throws {
        let document = JSONReporter(options: ReporterOptions(rules: [])).render(SampleReports.report)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let diagnostics = try #require(parsed["diagnostics"] as? [NSDictionary])
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == diagnostics.count + 1 && lines.last == "")
        for (line, diagnostic) in zip(lines, diagnostics) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
            #expect(object == diagnostic)
        }
    }

    @Test func emptyReportWritesNothing() {
        #expect(JSONLinesReporter(options: ReporterOptions(rules: [])).render(SampleReports.empty) == "")
    }
}
