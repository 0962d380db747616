import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText
import NotelintLoader

/// The one pipeline every front end calls: a text held in memory goes the way of a file, collection evidence
/// included, and the exit policy is the same for every selection.
@Suite struct LintPlanTests {
    /// A collection with a `.lint.yml` whose notes use `quantum-computing`: the evidence that makes
    /// `quantum-computin` a cut-off tag.
    final class Collection {
        let folder: String

        init() throws {
            folder = URL(fileURLWithPath: try CommandRunner.temporaryFolder()).resolvingSymlinksInPath().path
            try write(".lint.yml", """
                schemas:
                  - files: ["**"]
                    schema: note.schema.yml
                rules:
                  tag-spelling: { dictionary: false }
                """)
            try write("note.schema.yml", """
                type: object
                additionalProperties: false
                properties: { title: {}, date: {}, draft: {}, status: {}, tags: {}, summary: {}, layout: {} }
                """)
            for name in ["a", "b", "c"] { try write("notes/\(name).md", Self.note(tag: "quantum-computing", title: "Note \(name)")) }
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// Titles differ from note to note: one title twice is a finding of its own (`duplicate-value`).
        static func note(tag: String, extra: String = "", title: String = "A note") -> String {
            """
            ---
            title: \(title)
            date: 2024-05-01
            draft: false
            status: budding
            tags: [\(tag)]
            summary: Something.
            layout: note\(extra)
            ---
            Body.
            """
        }

        func write(_ name: String, _ text: String) throws {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    func plan(_ selection: LintPlan.Selection) -> LintPlan {
        var plan = LintPlan()
        plan.selection = selection
        plan.cacheDirectory = nil
        plan.today = CalendarDate(year: 2025, month: 1, day: 1)!
        plan.report.format = "json"
        return plan
    }

    func findings(_ outcome: LintOutcome) -> [String] {
        outcome.report.diagnostics.map { "\($0.ruleID)@\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test func aBufferIsCheckedLikeTheFileWithTheCollectionAround() throws {
        let collection = try Collection()
        let text = Collection.note(tag: "quantum-computin")
        let path = collection.folder + "/notes/new.md"
        let fromBuffer = plan(.buffer(path: path, bytes: Array(text.utf8))).run()
        try collection.write("notes/new.md", text)
        let fromFile = plan(.paths([path])).run()
        #expect(findings(fromBuffer) == ["tag-spelling@6:8"], "\(fromBuffer.standardError)")
        #expect(findings(fromBuffer) == findings(fromFile))
        #expect(fromBuffer.report.diagnostics.first?.message == fromFile.report.diagnostics.first?.message)
        #expect(fromBuffer.exitCode == 1 && fromFile.exitCode == 1)
    }

    /// A buffer (standard input, an editor's text) is judged against the whole collection on disk: its title
    /// duplicates a note's, and of its two references the one to a note on disk resolves.
    @Test func aBufferIsJudgedAgainstTheCollectionOnDisk() throws {
        let collection = try Collection()
        try collection.write("notes/Clausewitz.md", Collection.note(tag: "quantum-computing", title: "On War"))
        let text = Collection.note(tag: "quantum-computing", extra: "\nseries: \"[[Clausewitz]] and [[Moltke]]\"", title: "on war")
        let outcome = plan(.buffer(path: collection.folder + "/notes/new.md", bytes: Array(text.utf8))).run()
        // `series` is no key of this collection's schema: an unknown key as well.
        #expect(findings(outcome) == ["duplicate-value@2:8", "unknown-key@9:1", "broken-reference@9:9"], "\(outcome.standardError)")
        let duplicate = try #require(outcome.report.diagnostics.first { $0.ruleID == "duplicate-value" })
        #expect(duplicate.related.map(\.path) == [collection.folder + "/notes/Clausewitz.md"])
    }

    /// The collection's evidence is the notes the ignore files leave: tags of ignored notes vouch for nothing.
    @Test func evidenceComesOnlyFromNotesTheIgnoreFilesLeave() throws {
        let collection = try Collection()
        try collection.write(".notelintignore", "notes/\n")
        try collection.write("new.md", Collection.note(tag: "quantum-computin"))
        let path = collection.folder + "/new.md"
        let ignoring = plan(.paths([path])).run()
        #expect(findings(ignoring).isEmpty, "\(ignoring.standardError)")
        var unignored = plan(.paths([path]))
        unignored.ignoring = .none
        #expect(findings(unignored.run()) == ["tag-spelling@6:8"])
    }

    @Test func aFixedBufferGoesToStandardOutputAndTheFileIsUntouched() throws {
        let collection = try Collection()
        let path = collection.folder + "/notes/a.md"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var fixing = plan(.buffer(path: path, bytes: Array(Collection.note(tag: "quantum-computin").utf8)))
        fixing.fixes = .safe
        let outcome = fixing.run()
        #expect(outcome.standardOutput == Collection.note(tag: "quantum-computing"))
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func maxWarningsCountsForAFixedBufferToo() throws {
        // A warning that no fix removes: an unknown key (a warning in this collection).
        let collection = try Collection()
        var fixing = plan(.buffer(path: collection.folder + "/notes/x.md", bytes: Array(Collection.note(tag: "quantum-computing", extra: "\nmood: calm").utf8)))
        fixing.fixes = .safe
        #expect(fixing.run().exitCode == 0)
        fixing.exitPolicy.maxWarnings = 0
        #expect(fixing.run().exitCode == 1)
    }

    @Test func aConfigurationErrorIsAnOutcomeWithExitCodeTwo() throws {
        let collection = try Collection()
        try collection.write(".lint.yml", "rulez: {}\n")
        let outcome = plan(.paths([collection.folder])).run()
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("unknown key `rulez`; did you mean `rules`?"), "\(outcome.standardError)")
        var unknownFormat = plan(.paths([collection.folder]))
        unknownFormat.report.format = "xml"
        #expect(unknownFormat.run().exitCode == 2)
    }

    @Test(arguments: [
        (ExitPolicy(), [Severity.warning], 0),
        (ExitPolicy(), [.error], 1),
        (ExitPolicy(strict: true), [.warning], 1),
        (ExitPolicy(exitZero: true), [.error], 0),
        (ExitPolicy(maxWarnings: 1), [.warning], 0),
        (ExitPolicy(maxWarnings: 1), [.warning, .warning], 1),
        (ExitPolicy(), [.info, .info], 0),
    ] as [(ExitPolicy, [Severity], Int32)])
    func exitCodes(policy: ExitPolicy, severities: [Severity], expected: Int32) {
        let origin = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))
        let report = LintReport(
            diagnostics: severities.map { Diagnostic(path: "a.md", ruleID: "x", severity: $0, range: origin, message: "m") },
            filesChecked: 1)
        #expect(policy.code(for: report) == expected)
    }

    @Test func aNoteThatCouldNotBeWrittenIsExitCodeTwoEvenWithExitZero() {
        var report = LintReport(diagnostics: [], filesChecked: 1)
        report.fixedFiles = [FileFix(path: "a.md", original: [], fixed: [1], applied: [:], writeError: "cannot write")]
        #expect(ExitPolicy(exitZero: true).code(for: report) == 2)
    }
}
