import Foundation
import NotelintLoader
import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters

/// A finding with places in other notes (a title five notes share), as every format that has related
/// locations shows them.
struct CollectionReportTests {
    static func range(_ line: Int, _ column: Int, _ offset: Int, length: Int) -> SourceRange {
        SourceRange(
            start: SourcePosition(line: line, column: column, offset: offset),
            end: SourcePosition(line: line, column: column + length, offset: offset + length))
    }

    static let report = LintReport(
        diagnostics: [
            Diagnostic(
                path: "notes/戦争論.md", ruleID: "duplicate-value", severity: .warning, range: range(2, 8, 11, length: 3),
                message: "`title` `戦争論` is also used by 5 other notes: a.md, b.md, c.md and 2 more",
                related: ["a.md", "b.md", "c.md", "d/e.md", "f.md"].enumerated().map { number, path in
                    RelatedLocation(path: "notes/" + path, range: range(2, 8 + number, 11, length: 3), message: "the same `title`")
                },
                subject: "title=戦争論", sourceLine: SourceExcerpt(text: "title: 戦争論", shift: 0)),
        ],
        filesChecked: 6)

    @Test func humanListsAFewOtherPlacesThenHowManyMore() {
        let text = HumanReporter(options: ReporterOptions(useColor: false)).render(Self.report)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("   = ") } == [
            "   = also at notes/a.md:2:8",
            "   = also at notes/b.md:2:9",
            "   = also at notes/c.md:2:10",
            "   = and 2 more",
        ])
    }

    @Test func jsonNamesTheOtherNoteOfEachRelatedLocation() throws {
        let text = JSONReporter(options: ReporterOptions(rules: [])).render(Self.report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let related = try #require(diagnostics.first?["related"] as? [[String: Any]])
        #expect(related.count == 5)
        #expect(related.first?["path"] as? String == "notes/a.md")
        #expect(related.first?["message"] as? String == "the same `title`")
        #expect(related.first?["line"] as? Int == 2 && related.first?["column"] as? Int == 8)
        #expect(related.map { $0["path"] as? String } == ["a.md", "b.md", "c.md", "d/e.md", "f.md"].map { "notes/" + $0 })
    }

    @Test func sarifRelatedLocationsPointAtTheOtherNotes() throws {
        let reporter = SARIFReporter(rules: [], currentDirectory: "/home/ana/vault")
        let text = reporter.render(Self.report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let related = try #require(results.first?["relatedLocations"] as? [[String: Any]])
        let uris = related.compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["notes/a.md", "notes/b.md", "notes/c.md", "notes/d/e.md", "notes/f.md"])
        let own = ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect((own?["uri"] as? String)?.hasPrefix("notes/") == true)
    }

    @Test func githubAnnotationNamesTheFirstOtherPlace() {
        let command = GitHubReporter(currentDirectory: "/home/ana/vault").command(Self.report.diagnostics[0])
        #expect(command.hasSuffix("%0Aalso at notes/a.md:2:8 and 4 more\n"), "\(command)")
    }

    /// A related place in the note itself keeps its own wording and is not counted among the other notes.
    @Test func placesInTheSameNoteAreShownAsBefore() {
        var report = Self.report
        report.diagnostics[0].related = [RelatedLocation(range: Self.range(3, 1, 20, length: 4), message: "`date` is set here")]
        let text = HumanReporter(options: ReporterOptions(useColor: false)).render(report)
        #expect(text.contains("   = `date` is set here: notes/戦争論.md:3:1\n"))
        #expect(!text.contains("also at"))
        #expect(!GitHubReporter(currentDirectory: "/").command(report.diagnostics[0]).contains("also at"))
    }
}
