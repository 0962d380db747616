import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

/// The notes under `Fixtures/`, linted one by one the way `notelint lint FILE` lints them (with the repository's
/// `.lint.yml`). Every note lists the findings it must produce in its body, one HTML comment a line:
///
///     <!-- expect: 5:9 enum-value -->
///
/// and the findings must be exactly those, counted with repetition. `good/` notes list none; `bad/RULE/` notes
/// are there for RULE but list every finding of the note.
struct FixtureTests {
    /// Found from this file's place in the repository: Tests/NotelintEngineTests/FixtureTests.swift.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixturesRoot = repositoryRoot + "/Fixtures"

    /// Every note under Fixtures/, as paths relative to that folder, sorted. `fix/` holds before/after pairs for
    /// the fixer, checked by `FixFixtureTests`, and `init/` whole collections for `CollectionInitTests`: not notes
    /// with expectations.
    static let notes: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: fixturesRoot)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative == "fix" || relative == "init" {
                enumerator?.skipDescendants()
                continue
            }
            if relative.hasSuffix(".md") || relative.hasSuffix(".markdown") { found.append(relative) }
        }
        return found.sorted()
    }()

    /// "Today" for every fixture, so that date checks do not depend on the day the tests run.
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    /// Rules without bad fixtures: an unreadable file needs permissions or a FIFO set up at test time, and
    /// tag-spelling is checked by its own tests.
    /// Findings about files rather than their text: proven by the file-system tests (`HostileFileSystemTests`).
    static let rulesWithoutFixtures: Set<String> = ["unreadable-file", "symlink-outside", "tag-spelling"]

    /// Fixtures whose expectations are right but which notelint does not meet yet, with the reason.
    /// A fixed bug makes its entry fail (the known issue is no longer recorded): then remove the entry.
    /// Fixtures notelint is known to get wrong, each with the reason; an entry fails once the bug is fixed.
    static let knownIssues: [String: Comment] = [:]

    @Test(arguments: notes)
    func noteReportsExactlyTheFindingsItExpects(_ note: String) throws {
        let path = Self.fixturesRoot + "/" + note
        let expected = try Self.expectations(in: path).sorted()
        let report = try Linter().lint(LintRequest(paths: [path], today: Self.today))
        let actual = report.diagnostics
            .map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" }
            .sorted()
        let details = report.diagnostics.map { "\($0.range.start) \($0.ruleID): \($0.message)" }.joined(separator: "\n")
        if let reason = Self.knownIssues[note] {
            withKnownIssue(reason) {
                #expect(actual == expected, "\(note)\n\(details)")
            }
        } else {
            #expect(actual == expected, "\(note)\n\(details)")
        }
        #expect(report.filesChecked == 1, "\(note) was not linted")
    }

    @Test(arguments: notes)
    func noteIsFiledWhereItBelongs(_ note: String) throws {
        let parts = note.split(separator: "/").map(String.init)
        let expected = try Self.expectations(in: Self.fixturesRoot + "/" + note)
        let ruleIDs = Set(RuleRegistry.all.map { $0.id })
        switch parts.first {
        case "good":
            #expect(expected.isEmpty, "\(note) is a good note but expects findings")
        case "bad":
            try #require(parts.count == 3, "\(note) must be at bad/RULE-ID/NAME.md")
            let rule = parts[1]
            #expect(ruleIDs.contains(rule), "\(note) is filed under `\(rule)`, which is no rule")
            #expect(expected.contains { $0.hasSuffix(" " + rule) }, "\(note) does not expect a `\(rule)` finding")
        default:
            Issue.record("\(note) is neither under good/ nor under bad/")
        }
    }

    @Test func everyRuleHasAtLeastTwoBadFixtures() {
        for id in RuleRegistry.all.map({ $0.id }) where !Self.rulesWithoutFixtures.contains(id) {
            let fixtures = Self.notes.filter { $0.hasPrefix("bad/\(id)/") && Self.knownIssues[$0] == nil }
            #expect(fixtures.count >= 2, "`\(id)` has \(fixtures.count) bad fixtures that pass; it needs at least two")
        }
    }

    @Test func thereAreGoodNotes() {
        #expect(Self.notes.filter { $0.hasPrefix("good/") }.count >= 4)
    }

    @Test func knownIssuesNameExistingFixtures() {
        for note in Self.knownIssues.keys {
            #expect(Self.notes.contains(note), "known issue for a missing fixture: \(note)")
        }
    }

    /// `LINE:COLUMN RULE` for every `<!-- expect: LINE:COLUMN RULE -->` line of the note, in file order.
    /// A line that mentions `expect:` in a comment but does not parse is an error, so typos do not go unnoticed.
    static func expectations(in path: String) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        let text = try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
        var found: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("<!--"), trimmed.contains("expect:") else { continue }
            let inner = trimmed.dropFirst("<!--".count).trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix("-->"), inner.hasPrefix("expect:") else {
                Issue.record("malformed expectation in \(path): \(trimmed)")
                continue
            }
            let fields = inner.dropFirst("expect:".count).dropLast("-->".count).split(separator: " ")
            let position = fields.first?.split(separator: ":") ?? []
            guard fields.count == 2, position.count == 2, let line = Int(position[0]), let column = Int(position[1]),
                line >= 1, column >= 1
            else {
                Issue.record("malformed expectation in \(path): \(trimmed)")
                continue
            }
            found.append("\(line):\(column) \(fields[1])")
        }
        return found
    }
}
