import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters

struct CheckstyleReporterTests {
    let output = CheckstyleReporter(options: ReporterOptions(rules: [])).render(SampleReports.report)

    @Test func matchesGoldenOutput() {
        let expected = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <checkstyle version="4.3">
              <file name="notes/日記 2024.md">
                <error line="2" column="9" severity="error" message="`草稿` is not one of: &quot;draft&quot;, &apos;done&apos; (100% sure)&#10;see the schema" source="notelint.enum-value"/>
                <error line="4" column="1" severity="warning" message="key `title` is defined twice: a &amp; &lt;b&gt;" source="notelint.duplicate-key"/>
              </file>
              <file name="./notes/b.md">
                <error line="4" column="3" severity="info" message="tags a,b:c&#13;&#10;are odd \u001b[1m" source="notelint.tag-format"/>
              </file>
            </checkstyle>

            """#
        #expect(output == expected)
    }

    @Test func parsesAsXMLWithAttributesIntact() throws {
        let root = try XMLTree.parse(output)
        #expect(root.tag == "checkstyle")
        #expect(root.children.map { $0.attributes["name"] } == ["notes/日記 2024.md", "./notes/b.md"])
        let errors = root.all("error")
        #expect(errors.map { $0.attributes["message"] } == [
            "`草稿` is not one of: \"draft\", 'done' (100% sure)\nsee the schema",
            "key `title` is defined twice: a & <b>",
            "tags a,b:c\r\nare odd \\u001b[1m",
        ])
        #expect(errors.map { $0.attributes["source"] } == ["notelint.enum-value", "notelint.duplicate-key", "notelint.tag-format"])
        #expect(errors.map { $0.attributes["severity"] } == ["error", "warning", "info"])
        #expect(errors.map { $0.attributes["line"].flatMap { Int($0) } } == [2, 4, 4])
    }
}
