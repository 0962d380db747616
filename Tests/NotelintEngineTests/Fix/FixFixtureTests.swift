import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

/// Before/after pairs under `Fixtures/fix/RULE/`: `NAME.md` fixed with `--fix` must become `NAME.fixed.md` byte
/// for byte, and `unsafe/NAME.md` the same with `--unsafe-fixes`. Each note is fixed in a copy in a temporary
/// folder, through the file path, so that the atomic writer replaces it as it would a user's note; then it is
/// fixed again, which must change nothing. The temporary folder has no `.lint.yml` above it: the embedded default
/// applies. Notes under `RULE/evidence/` are not fixtures: they are copied beside each fixture of RULE and linted
/// with it, lending their tags as evidence (another note of the collection using a tag).
struct FixFixtureTests {
    static let root = RepositoryPaths.inRepository("Fixtures/fix")

    struct Fixture: CustomTestStringConvertible, Sendable {
        /// Relative to `Fixtures/fix`: `RULE/NAME.md` or `RULE/unsafe/NAME.md`.
        var path: String
        var rule: String { String(path.split(separator: "/")[0]) }
        var isUnsafe: Bool { path.split(separator: "/").count == 3 }
        var expectedPath: String { String(path.dropLast(".md".count)) + ".fixed.md" }
        var testDescription: String { path }
    }

    static let fixtures: [Fixture] = {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: [Fixture] = []
        while let relative = enumerator?.nextObject() as? String {
            let parts = relative.split(separator: "/")
            guard relative.hasSuffix(".md"), !relative.hasSuffix(".fixed.md"), !parts.contains("evidence") else { continue }
            found.append(Fixture(path: relative))
        }
        return found.sorted { $0.path < $1.path }
    }()

    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    @Test(arguments: fixtures)
    func fixingGivesTheFixedNoteAndFixingAgainChangesNothing(_ fixture: Fixture) throws {
        let expected = try Self.bytes(Self.root + "/" + fixture.expectedPath)
        let original = try Self.bytes(Self.root + "/" + fixture.path)
        let folder = try FixTestFolder()
        let note = folder.path + "/" + (fixture.path as NSString).lastPathComponent
        try Data(original).write(to: URL(fileURLWithPath: note))
        let evidence = try Self.copyEvidence(for: fixture.rule, into: folder.path)
        let level: Applicability = fixture.isUnsafe ? .unsafe : .safe

        let first = try Linter().lint(LintRequest(paths: [note] + evidence, today: Self.today, fixes: level))
        let fixed = try Self.bytes(note)
        let matches = fixed == expected
        #expect(matches, "\(fixture.path): expected → got\n\(UnifiedDiff.render(path: fixture.expectedPath, original: expected, fixed: fixed))")
        let file = first.fixedFiles.first { $0.path == note }
        #expect(file?.writeError == nil)
        #expect(first.fixedFiles.allSatisfy { $0.path == note }, "evidence notes must have nothing to fix")
        #expect((file?.fixed ?? original) == fixed, "the report and the file disagree")
        // What the findings of the fixed note still offer at this level would be fixed by a second run.
        let fixable = first.diagnostics.filter { $0.path == note && ($0.fix?.applicability ?? .displayOnly) >= level }
        #expect(fixable.isEmpty, "\(fixture.path): \(fixable.map { "\($0.ruleID): \($0.message)" })")

        let second = try Linter().lint(LintRequest(paths: [note] + evidence, today: Self.today, fixes: level))
        #expect(second.fixedFiles.isEmpty, "\(fixture.path): fixing again changed it")
        let unchanged = try Self.bytes(note) == fixed
        #expect(unchanged)
        // Only the note itself is there: no temporary file of the writer was left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// With `--fix` alone, an `unsafe/` fixture must keep what only unsafe fixes change: the fixed note of the
    /// safe level differs from the unsafe one.
    @Test(arguments: fixtures.filter(\.isUnsafe))
    func unsafeFixturesNeedUnsafeFixes(_ fixture: Fixture) throws {
        let original = try Self.bytes(Self.root + "/" + fixture.path)
        let expected = try Self.bytes(Self.root + "/" + fixture.expectedPath)
        guard original != expected else { return }
        let path = "/notelint-fix-fixtures/" + (fixture.path as NSString).lastPathComponent
        let report = try Linter().lint(LintRequest(
            paths: [path], today: Self.today, fixes: .safe, writeFixes: false, contents: [path: original]))
        #expect((report.fixedFiles.first?.fixed ?? original) != expected, "\(fixture.path) is fixed by --fix alone: move it up")
    }

    /// Every rule with a fix has fixtures, at each applicability its corrections declare; each folder is named after
    /// a rule, and at least one of its fixtures is fixed by that rule; every fixture has its fixed note.
    @Test func everyFixHasFixtures() throws {
        let fixable = RuleRegistry.all.map { $0.description }.filter(\.isFixable)
        for rule in fixable {
            let ours = Self.fixtures.filter { $0.rule == rule.id }
            #expect(ours.contains { !$0.isUnsafe } || !rule.corrections.contains { $0.applicability == .safe },
                    "`\(rule.id)` has safe corrections but no fixture in Fixtures/fix/\(rule.id)/")
            #expect(ours.contains { $0.isUnsafe } || !rule.corrections.contains { $0.applicability == .unsafe },
                    "`\(rule.id)` has unsafe corrections but no fixture in Fixtures/fix/\(rule.id)/unsafe/")
        }
        let ids = Set(fixable.map(\.id))
        for rule in Set(Self.fixtures.map(\.rule)) {
            #expect(ids.contains(rule), "Fixtures/fix/\(rule)/ is named after no rule with a fix")
            var applied = 0
            for fixture in Self.fixtures where fixture.rule == rule {
                let original = try Self.bytes(Self.root + "/" + fixture.path)
                let path = "/notelint-fix-fixtures/" + fixture.path
                let evidence = try Self.evidenceContents(for: rule)
                let report = try Linter().lint(LintRequest(
                    paths: [path] + evidence.keys.sorted(), today: Self.today, fixes: fixture.isUnsafe ? .unsafe : .safe,
                    writeFixes: false, contents: evidence.merging([path: original]) { $1 }))
                applied += report.fixedFiles.first { $0.path == path }?.applied[rule] ?? 0
            }
            #expect(applied > 0, "no fixture in Fixtures/fix/\(rule)/ is fixed by `\(rule)`")
        }
        for fixture in Self.fixtures {
            #expect(FileManager.default.fileExists(atPath: Self.root + "/" + fixture.expectedPath), "\(fixture.path) has no fixed note")
        }
        #expect(Self.fixtures.count >= 20)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path), "cannot read \(path)"))
    }

    /// The notes of `RULE/evidence/`, by a path beside the fixtures' in-memory path.
    static func evidenceContents(for rule: String) throws -> [String: [UInt8]] {
        let folder = root + "/" + rule + "/evidence"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [:] }
        var contents: [String: [UInt8]] = [:]
        for name in names where name.hasSuffix(".md") {
            contents["/notelint-fix-fixtures/\(rule)/evidence-\(name)"] = try bytes(folder + "/" + name)
        }
        return contents
    }

    /// Copies the notes of `RULE/evidence/` into `folder`; returns their paths.
    static func copyEvidence(for rule: String, into folder: String) throws -> [String] {
        try evidenceContents(for: rule).sorted { $0.key < $1.key }.map { path, bytes in
            let copy = folder + "/" + (path as NSString).lastPathComponent
            try Data(bytes).write(to: URL(fileURLWithPath: copy))
            return copy
        }
    }
}
