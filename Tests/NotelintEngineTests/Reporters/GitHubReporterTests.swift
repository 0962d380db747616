import Testing
@testable import NotelintEngine
@testable import NotelintReporters

struct GitHubReporterTests {
    @Test func matchesGoldenOutput() {
        let expected = #"""
            ::error file=notes/日記 2024.md,line=2,col=9,endLine=2,endColumn=11,title=notelint (enum-value)::`草稿` is not one of: "draft", 'done' (100%25 sure)%0Asee the schema%0Adid you mean `draft`?
            ::warning file=notes/日記 2024.md,line=4,col=1,endLine=4,endColumn=6,title=notelint (duplicate-key)::key `title` is defined twice: a & <b>%0Afirst defined here: line 3, column 1
            ::notice file=notes/b.md,line=4,endLine=5,title=notelint (tag-format)::tags a,b:c%0D%0Aare odd \#u{1B}[1m

            """#
        #expect(GitHubReporter(currentDirectory: SampleReports.currentDirectory).render(SampleReports.report) == expected)
    }

    /// The escapes of the Actions toolkit's `escapeData` and `escapeProperty`, which the runner undoes.
    @Test func escapesDataAndPropertiesAsTheToolkitDoes() {
        #expect(GitHubReporter.escapeData("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad")
        #expect(GitHubReporter.escapeProperty("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad")
        #expect(GitHubReporter.escapeProperty("%3A") == "%253A")
        #expect(GitHubReporter.escapeData("日記 \"q\" 'q'") == "日記 \"q\" 'q'")
    }

    @Test func pathPropertiesAreEscapedAndRelative() {
        var diagnostic = SampleReports.report.diagnostics[1]
        diagnostic.path = "/home/ana/vault/a,b:c%.md"
        let command = GitHubReporter(currentDirectory: SampleReports.currentDirectory).command(diagnostic)
        #expect(command.hasPrefix("::warning file=a%2Cb%3Ac%25.md,line=4,"))
    }

    @Test func defaultOutputAnnotatesOnlyInsideGitHubActions() {
        let options = ReporterOptions(useColor: false, rules: SampleReports.rules)
        let human = HumanReporter(options: options).render(SampleReports.report)
        let inActions = GitHubReporter.renderDefault(SampleReports.report, options: options) { $0 == "GITHUB_ACTIONS" ? "true" : nil }
        let elsewhere = GitHubReporter.renderDefault(SampleReports.report, options: options) { _ in nil }
        let switchedOff = GitHubReporter.renderDefault(SampleReports.report, options: options) { $0 == "GITHUB_ACTIONS" ? "false" : nil }
        #expect(inActions.hasPrefix(human))
        let annotations = inActions.dropFirst(human.count).split(separator: "\n")
        #expect(annotations.map { $0.prefix(10) } == ["::error fi", "::warning ", "::notice f"])
        #expect(elsewhere == human)
        #expect(switchedOff == human)
    }
}
