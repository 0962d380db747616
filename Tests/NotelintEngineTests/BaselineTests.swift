import Foundation
import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

struct BaselineTests {
    static let note = """
        ---
        title: A note
        date: '2024-11-24'
        draft: true
        status: evergreen
        tags: [war]
        summary: s
        layout: post
        ---
        Body
        """

    func lint(_ text: String) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("note.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try Linter().lint(LintRequest(paths: [path], today: CalendarDate(year: 2026, month: 1, day: 1)!))
        // The identity uses the path as given; keep it stable across the temporary folders.
        return report.diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.path = "note.md"
            return copy
        }
    }

    @Test func recordedFindingSurvivesLinesInsertedAboveIt() throws {
        let before = try lint(Self.note)
        #expect(before.map(\.ruleID) == ["draft-status"])
        let baseline = try Baseline(parsing: Baseline(before).serialized(), path: "baseline.json")
        let moved = Self.note.replacingOccurrences(of: "title: A note\n", with: "title: A note\n# a comment\nseries: ''\n")
        let after = try lint(moved)
        #expect(after.first?.range.start.line != before.first?.range.start.line)
        let filtered = baseline.filter(after)
        #expect(filtered.new.isEmpty)
        #expect(filtered.stale == 0)
    }

    @Test func newFindingInTheSameFileIsReported() throws {
        let baseline = Baseline(try lint(Self.note))
        let worse = Self.note.replacingOccurrences(of: "tags: [war]", with: "tags: [war, war]")
        let filtered = baseline.filter(try lint(worse))
        #expect(filtered.new.map(\.ruleID) == ["duplicate-tag"])
    }

    @Test func fixedFindingLeavesAStaleEntry() throws {
        let baseline = Baseline(try lint(Self.note))
        let fixed = Self.note.replacingOccurrences(of: "draft: true", with: "draft: false")
        let filtered = baseline.filter(try lint(fixed))
        #expect(filtered.new.isEmpty)
        #expect(filtered.stale == 1)
    }
}
