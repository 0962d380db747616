import Foundation
import Testing
@testable import NotelintEngine
@testable import NotelintReporters

struct JUnitReporterTests {
    let output = JUnitReporter(options: ReporterOptions(useColor: true, rules: SampleReports.rules)).render(SampleReports.report)

    @Test func matchesGoldenOutput() {
        let expected = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="notelint" tests="3" failures="3" errors="0">
              <testsuite name="notes/日記 2024.md" tests="2" failures="2" errors="0">
                <testcase classname="notes/日記 2024.md" name="enum-value at 2:9" file="notes/日記 2024.md" line="2">
                  <failure message="`草稿` is not one of: &quot;draft&quot;, &apos;done&apos; (100% sure)&#10;see the schema" type="enum-value">notes/日記 2024.md:2:9: error: `草稿` is not one of: &quot;draft&quot;, &apos;done&apos; (100% sure)
            see the schema [enum-value] [*]
             2 | status: 草稿
               |         ^^^^
               = did you mean `draft`?
            </failure>
                </testcase>
                <testcase classname="notes/日記 2024.md" name="duplicate-key at 4:1" file="notes/日記 2024.md" line="4">
                  <failure message="key `title` is defined twice: a &amp; &lt;b&gt;" type="duplicate-key">notes/日記 2024.md:4:1: warning: key `title` is defined twice: a &amp; &lt;b&gt; [duplicate-key]
             4 | title: b
               | ^^^^^
               = first defined here: notes/日記 2024.md:3:1
            </failure>
                </testcase>
              </testsuite>
              <testsuite name="./notes/b.md" tests="1" failures="1" errors="0">
                <testcase classname="./notes/b.md" name="tag-format at 4:3" file="./notes/b.md" line="4">
                  <failure message="tags a,b:c&#13;&#10;are odd \u001b[1m" type="tag-format">./notes/b.md:4:3: info: tags a,b:c&#13;
            are odd \u001b[1m [tag-format]
             4 |   - a,b:c
               |   ^^^^^^^
            </failure>
                </testcase>
              </testsuite>
            </testsuites>

            """#
        #expect(output == expected)
    }

    /// A strict XML parser reads back every message exactly, but for the control character XML 1.0 cannot hold.
    @Test func parsesAsXMLWithMessagesIntact() throws {
        let root = try XMLTree.parse(output)
        #expect(root.tag == "testsuites")
        #expect(root.children.map { $0.attributes["name"] } == ["notes/日記 2024.md", "./notes/b.md"])
        let failures = root.all("failure")
        try #require(failures.count == 3)
        let expected = SampleReports.report.diagnostics.map { $0.message.replacingOccurrences(of: "\u{1B}", with: "\\u001b") }
        #expect(failures.map { $0.attributes["message"] } == expected)
        #expect(failures.map { $0.attributes["type"] } == ["enum-value", "duplicate-key", "tag-format"])
        #expect(failures[2].text == "./notes/b.md:4:3: info: tags a,b:c\r\nare odd \\u001b[1m [tag-format]\n 4 |   - a,b:c\n   |   ^^^^^^^\n")
        #expect(root.all("testcase").map { $0.attributes["line"] } == ["2", "4", "4"])
    }

    /// The parser is strict: a raw control character or a bare `&` makes a document unreadable.
    @Test func parserRejectsWhatIsNotWellFormed() {
        #expect(throws: XMLTree.NotWellFormed.self) { try XMLTree.parse("<failure message=\"a\u{1B}b\"/>") }
        #expect(throws: XMLTree.NotWellFormed.self) { try XMLTree.parse("<failure>a & b</failure>") }
    }

    @Test func emptyReportIsAnEmptyTestSuiteList() throws {
        let root = try XMLTree.parse(JUnitReporter(options: ReporterOptions(rules: [])).render(SampleReports.empty))
        #expect(root.tag == "testsuites")
        #expect(root.attributes["tests"] == "0")
        #expect(root.children.isEmpty)
    }
}
