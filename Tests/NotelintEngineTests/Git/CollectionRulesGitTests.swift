import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintGit
@testable import NotelintText

extension GitTests {
    /// The collection rules in a real repository: only the selected notes get findings, judged against every note
    /// of the collection, whether it was read, reused from the cache, staged or deleted.
    @Suite("Collection rules across staged, renamed and cached notes")
    struct CollectionRulesGitTests {
        static let today = CalendarDate(year: 2025, month: 6, day: 1)!

        /// A repository whose `.lint.yml` makes it one collection, with the collection rules and nothing else
        /// that could report these small notes.
        static func repository() throws -> TemporaryGitRepository {
            let repo = try TemporaryGitRepository()
            try repo.write(".lint.yml", """
                include: ["**/*.md"]
                rules:
                  duplicate-value: { keys: [title, source] }
                  broken-reference: { keys: [up] }
                """)
            return repo
        }

        static func note(_ title: String, _ extra: String = "") -> String {
            "---\ntitle: \(title)\n\(extra)---\nBody.\n"
        }

        static func staged(_ repo: TemporaryGitRepository, cache: ResultCache? = nil) throws -> LintReport {
            var request = LintRequest(paths: [], today: today, cache: cache)
            request.roots = [repo.root]
            request.select(try repo.repository.stagedNoteContents(), shown: { $0 })
            return try Linter().lint(request)
        }

        static func full(_ repo: TemporaryGitRepository, cache: ResultCache? = nil) throws -> LintReport {
            try Linter().lint(LintRequest(paths: [repo.root], today: today, cache: cache))
        }

        static func findings(_ report: LintReport, in repo: TemporaryGitRepository) -> [String] {
            report.diagnostics.map {
                "\($0.path.replacingOccurrences(of: repo.root + "/", with: "")):\($0.range.start.line) \($0.ruleID)"
                    + $0.related.compactMap { $0.path.map { " ~ " + $0.replacingOccurrences(of: repo.root + "/", with: "") } }.joined()
            }
        }

        @Test func aStagedNoteDuplicatingAnUnchangedNotesTitleIsReportedWithThatNote() throws {
            let repo = try Self.repository()
            try repo.write("on war.md", Self.note("On War"))
            try repo.write("other.md", Self.note("The Art of War"))
            try repo.commitAll("Start")
            try repo.write("again.md", Self.note("on war"))
            try repo.run("add", "again.md")
            let report = try Self.staged(repo)
            #expect(report.filesChecked == 1)
            // The unchanged note is not selected: it lends its title, and gets no finding of its own.
            #expect(Self.findings(report, in: repo) == ["again.md:2 duplicate-value ~ on war.md"])
        }

        @Test func theStagedVersionIsJudgedNotTheWorkingTree() throws {
            let repo = try Self.repository()
            try repo.write("a.md", Self.note("Alpha"))
            try repo.commitAll("Start")
            try repo.write("b.md", Self.note("Alpha"))
            try repo.run("add", "b.md")
            // The working tree has moved on; the commit would still carry the duplicate.
            try repo.write("b.md", Self.note("Beta"))
            #expect(Self.findings(try Self.staged(repo), in: repo) == ["b.md:2 duplicate-value ~ a.md"])
        }

        @Test func renamingAReferencedNoteBreaksTheReferencesToIt() throws {
            let repo = try Self.repository()
            try repo.write("Clausewitz.md", Self.note("Clausewitz"))
            try repo.write("reader.md", Self.note("Reader", "up: Clausewitz\nrelated: \"[[Clausewitz#Life]]\"\n"))
            try repo.write("editor.md", Self.note("Editor", "related: \"[[clausewitz]]\"\n"))
            try repo.commitAll("Start")
            // Read once the clock has moved on from the notes' times, so that the cache trusts its entries later.
            Thread.sleep(forTimeInterval: 2.1)
            let cache = try #require(try? ResultCache.opening(directory: repo.folder + "/cache").get())
            #expect(try Self.full(repo, cache: cache).diagnostics.isEmpty)

            try repo.move("Clausewitz.md", to: "people/Carl von Clausewitz.md")
            // A full run: the referring notes are unchanged and reused from the cache, yet their references broke.
            let full = try Self.full(repo, cache: cache)
            #expect(full.filesReusedFromCache >= 2)
            #expect(Self.findings(full, in: repo) == ["editor.md:3 broken-reference", "reader.md:3 broken-reference", "reader.md:4 broken-reference"])
            // Staged: only the notes selected get findings; the renamed note itself refers to nothing.
            #expect(Self.findings(try Self.staged(repo), in: repo) == [])
            try repo.write("reader.md", Self.note("Reader, revised", "up: Clausewitz\nrelated: \"[[Clausewitz#Life]]\"\n"))
            try repo.run("add", "reader.md")
            #expect(Self.findings(try Self.staged(repo), in: repo) == ["reader.md:3 broken-reference", "reader.md:4 broken-reference"])
        }

        @Test func deletingAReferencedNoteBreaksTheReferencesInAFullRun() throws {
            let repo = try Self.repository()
            try repo.write("Moltke.md", Self.note("Moltke"))
            try repo.write("plans.md", Self.note("Plans", "related: [\"[[Moltke]]\"]\n"))
            try repo.commitAll("Start")
            #expect(try Self.full(repo).diagnostics.isEmpty)
            try repo.run("rm", "-q", "Moltke.md")
            #expect(Self.findings(try Self.full(repo), in: repo) == ["plans.md:3 broken-reference"])
        }

        @Test func aWarmCacheGivesTheFindingsOfAColdRun() throws {
            let repo = try Self.repository()
            for number in 0..<12 {
                let title = number % 4 == 0 ? "Shared title" : "Title \(number)"
                let up = number % 3 == 0 ? "up: Note \(number + 1)\n" : number % 5 == 0 ? "up: Missing \(number)\n" : ""
                try repo.write("Note \(number).md", Self.note(title, up + "source: https://example.org/\(number % 6)\n"))
            }
            try repo.commitAll("Start")
            let cache = try #require(try? ResultCache.opening(directory: repo.folder + "/cache").get())
            let cold = try Self.full(repo)
            // Read once the clock has moved on from the notes' times, so that the cache trusts its entries later.
            Thread.sleep(forTimeInterval: 2.1)
            let first = try Self.full(repo, cache: cache)
            let warm = try Self.full(repo, cache: cache)
            #expect(warm.filesReusedFromCache == 12)
            #expect(!cold.diagnostics.isEmpty)
            #expect(Self.findings(first, in: repo) == Self.findings(cold, in: repo))
            #expect(Self.findings(warm, in: repo) == Self.findings(cold, in: repo))
            #expect(warm.diagnostics.map(\.related) == cold.diagnostics.map(\.related))
        }
    }
}
