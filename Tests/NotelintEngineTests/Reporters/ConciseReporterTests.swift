import Testing
@testable import NotelintEngine
@testable import NotelintReporters

struct ConciseReporterTests {
    @Test func matchesGoldenOutput() {
        let expected = #"""
            notes/日記 2024.md:2:9: error: `草稿` is not one of: "draft", 'done' (100% sure)\nsee the schema [enum-value]
            notes/日記 2024.md:4:1: warning: key `title` is defined twice: a & <b> [duplicate-key]
            ./notes/b.md:4:3: info: tags a,b:c\r\nare odd \#u{1B}[1m [tag-format]
            1 error, 1 warning, 1 info in 2 files (3 checked); 1 fixable with --fix

            """#
        // Colour is asked for, but this format never paints.
        let output = ConciseReporter(options: ReporterOptions(useColor: true, rules: [])).render(SampleReports.report)
        #expect(output == expected)
    }

    @Test func emptyReportIsOnlyTheSummary() {
        let output = ConciseReporter(options: ReporterOptions(rules: [])).render(SampleReports.empty)
        #expect(output == "0 errors, 0 warnings in 0 files (2 checked)\n")
    }
}
