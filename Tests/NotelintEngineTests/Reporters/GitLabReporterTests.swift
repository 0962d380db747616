import Foundation
import NotelintLoader
import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema

struct GitLabReporterTests {
    let reporter = GitLabReporter(currentDirectory: SampleReports.currentDirectory)

    @Test func matchesGoldenOutput() {
        let expected = #"""
            [
              {
                "description": "`草稿` is not one of: \"draft\", 'done' (100% sure)\nsee the schema",
                "check_name": "enum-value",
                "fingerprint": "54e37d9e71ae49fbbcedbe6d093e6c41e97d5b5b2197e72654832aa2460b9243",
                "severity": "major",
                "location": {
                  "path": "notes/日記 2024.md",
                  "lines": {
                    "begin": 2
                  }
                }
              },
              {
                "description": "key `title` is defined twice: a & <b>",
                "check_name": "duplicate-key",
                "fingerprint": "0812c9f793445ca494e7f0a22b399832b118ddb9e3b67b3d268defe61b60c677",
                "severity": "minor",
                "location": {
                  "path": "notes/日記 2024.md",
                  "lines": {
                    "begin": 4
                  }
                }
              },
              {
                "description": "tags a,b:c\r\nare odd \u001b[1m",
                "check_name": "tag-format",
                "fingerprint": "49b271ac90a94ed74c35b83657f255890e69dbb793a68c0e9e584c05d88eaeb2",
                "severity": "info",
                "location": {
                  "path": "notes/b.md",
                  "lines": {
                    "begin": 4
                  }
                }
              }
            ]

            """#
        #expect(reporter.render(SampleReports.report) == expected)
    }

    @Test func parsesAsAJSONArrayOfIssues() throws {
        let data = Data(reporter.render(SampleReports.report).utf8)
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(issues.map { $0["description"] as? String } == SampleReports.report.diagnostics.map(\.message))
        #expect(issues.map { $0["severity"] as? String } == ["major", "minor", "info"])
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 3)
    }

    /// Moving a finding to another line keeps its fingerprint; another subject or file changes it.
    @Test func fingerprintsIgnoreLinesButNotSubjectsOrFiles() {
        let original = SampleReports.report.diagnostics[0]
        var moved = original
        moved.range = SourceRange(
            start: SourcePosition(line: 7, column: 9, offset: 80), end: SourcePosition(line: 7, column: 11, offset: 86))
        var otherSubject = original
        otherSubject.subject = "status=完成"
        var otherFile = original
        otherFile.path = "notes/other.md"
        let prints = [original, moved, otherSubject, otherFile].map { fingerprint(of: $0) }
        #expect(prints[0] == prints[1])
        #expect(prints[0] != prints[2])
        #expect(prints[0] != prints[3])
        // The same file given as `./notes/…` or by its absolute path is the same file.
        var absolute = original
        absolute.path = SampleReports.currentDirectory + "/" + original.path
        #expect(fingerprint(of: absolute) == prints[0])
    }

    @Test func repeatedFindingsGetDistinctFingerprints() {
        let diagnostic = SampleReports.report.diagnostics[1]
        let report = LintReport(diagnostics: [diagnostic, diagnostic, diagnostic], filesChecked: 1)
        let output = reporter.render(report)
        let prints = output.split(separator: "\n").filter { $0.contains("\"fingerprint\"") }
        #expect(prints.count == 3)
        #expect(Set(prints).count == 3)
        #expect(prints[0].contains(fingerprint(of: diagnostic)))
    }

    private func fingerprint(of diagnostic: Diagnostic) -> String {
        let path = ReportPath.display(diagnostic.path, from: SampleReports.currentDirectory)
        return FindingFingerprint.fingerprints(of: [diagnostic], paths: [path])[0]
    }
}
