import NotelintLoader
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText

/// The linter's two passes: a note is settled by the rules that need no corpus unless a corpus rule may report
/// on it, and the result is the same as checking every note with every rule.
@Suite("Two passes")
struct TwoPassTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    static func note(_ tags: String, comment: String = "") -> [UInt8] {
        Array("---\ntitle: A note\ntags:\n\(comment)- \(tags)\n---\nBody.\n".utf8)
    }

    /// Lints in-memory notes as one collection, and also checks each note with every rule against the final
    /// corpus, the way a single pass would.
    static func lint(_ notes: [String: [UInt8]], jobs: Int = 2) throws -> (twoPass: [String], onePass: [String]) {
        let paths = notes.keys.sorted()
        let report = try Linter().lint(LintRequest(paths: paths, today: today, jobs: jobs, contents: notes))
        let linter = Linter()
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all, explicitPath: nil)
            .configuration(forDirectory: "/")
        var counter = TagCounter()
        let loaded = paths.map { NoteLoader().load(bytes: notes[$0]!, path: $0) }
        for note in loaded { counter.add(TagCorpus.tags(of: note, key: configuration.corpusKey)) }
        let corpus = counter.corpus()
        let index = linter.collectionIndex(
            of: loaded.map { ($0, String($0.path.dropFirst())) }, configuration: configuration, today: today)
        let onePass = loaded.enumerated().flatMap { number, note in
            linter.check(
                note, configuration: configuration, relativePath: String(note.path.dropFirst()), today: today, corpus: corpus,
                collection: CollectionView(index: index, note: number))
        }.sorted(by: Diagnostic.reportOrder)
        func text(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.path):\($0.range.start) \($0.ruleID)" } }
        return (text(report.diagnostics), text(onePass))
    }

    /// A note a collection rule may report is checked again with the corpus rules only, joined to its first pass:
    /// suppressions used by either pass, or by neither, come out as a whole check says.
    @Test func aNoteCheckedAgainKeepsItsFirstPassAndItsSuppressions() throws {
        let (twoPass, onePass) = try Self.lint([
            "/d/x.md": Array("""
                ---
                # notelint-disable-next-line duplicate-value
                title: Twin
                draft: true
                # notelint-disable-next-line draft-status
                status: evergreen
                tags: [alpha]
                ---

                """.utf8),
            "/d/y.md": Array("---\ntitle: Twin\n# notelint-disable-next-line tag-spelling\ntags: [beta]\n---\n".utf8),
            "/d/z.md": Array("---\ntitle: Other\n# notelint-disable-next-line draft-status\ntags: [gamma]\n---\n".utf8),
        ])
        #expect(twoPass == onePass)
        #expect(twoPass.contains("/d/y.md:2:8 duplicate-value"))
        #expect(twoPass.contains("/d/y.md:3:1 unused-suppression"))
        #expect(twoPass.contains("/d/z.md:3:1 unused-suppression"))
        // Its duplicate (a corpus rule's) and its draft's status (a first pass's) are suppressed, each comment used.
        #expect(twoPass.filter { $0.hasPrefix("/d/x.md") } == ["/d/x.md:1:1 required-key", "/d/x.md:1:1 required-key", "/d/x.md:1:1 required-key"])
    }

    @Test func suppressionsOfCorpusRulesAreSeenUsedOrUnused() throws {
        let comment = "# notelint-disable-next-line tag-spelling\n"
        let (twoPass, onePass) = try Self.lint([
            "/c/silenced.md": Self.note("decision-making-calculu", comment: comment),
            "/c/pointless.md": Self.note("power", comment: comment),
            "/c/b.md": Self.note("decision-making-calculus"),
            "/c/c.md": Self.note("decision-making-calculus"),
            "/c/d.md": Self.note("decision-making-calculus"),
            "/c/e.md": Self.note("strateg"),
            "/c/f.md": Self.note("strategy"),
            "/c/g.md": Self.note("strategy"),
        ])
        #expect(twoPass == onePass)
        #expect(twoPass.contains("/c/pointless.md:4:1 unused-suppression"))
        #expect(!twoPass.contains { $0.hasPrefix("/c/silenced.md") && ($0.hasSuffix("tag-spelling") || $0.hasSuffix("suppression")) })
        #expect(twoPass.contains("/c/e.md:4:3 tag-spelling"))
    }

    /// A note read again for one collection rule's finding is checked by that rule alone: each note is named with
    /// exactly the indexed rules that may report it, and the whole run still says what checking every note whole
    /// says.
    @Test func aNoteIsCheckedAgainOnlyByTheRulesThatMayReportIt() throws {
        let notes: [String: [UInt8]] = [
            "/r/a.md": Array("---\ntitle: Twin\ntags: [war]\n---\n".utf8),
            "/r/b.md": Array("---\ntitle: Twin\ntags: [war]\nseries: \"[[Nowhere]]\"\n---\n".utf8),
            "/r/c.md": Array("---\ntitle: Alone\ntags: [War Games]\n---\n".utf8),
            "/r/d.md": Array("---\ntitle: Apart\ntags: [war-games]\n---\n".utf8),
            "/r/e.md": Array("---\ntitle: Quiet\ntags: [war-games]\n---\n".utf8),
            "/r/f.md": Array("---\ntitle: Calm\ntags: [war]\nseries: \"[[a]]\"\n---\n".utf8),
        ]
        let paths = notes.keys.sorted()
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all, explicitPath: nil).configuration(forDirectory: "/")
        let loaded = paths.map { NoteLoader().load(bytes: notes[$0]!, path: $0) }
        let index = Linter().collectionIndex(
            of: loaded.map { ($0, String($0.path.dropFirst())) }, configuration: configuration, today: Self.today)
        let reporting = paths.indices.map { number in
            Linter.reportingRules(CollectionView(index: index, note: number), configuration).map(\.id)
        }
        #expect(reporting == [
            ["duplicate-value"], ["duplicate-value", "broken-reference"], ["slug-collision"], [], [], [],
        ])
        let (twoPass, onePass) = try Self.lint(notes)
        #expect(twoPass == onePass)
        #expect(twoPass.contains("/r/b.md:4:9 broken-reference") && twoPass.contains("/r/c.md:3:8 slug-collision"))
    }

    @Test func oneWorkerAndTwoAgree() throws {
        var notes: [String: [UInt8]] = [:]
        for index in 0..<60 {
            let tag = ["strategy", "power", "Power", "war", "war-games"][index % 5]
            notes["/c/n\(index).md"] = Self.note(index == 7 ? "strateg" : tag)
        }
        let one = try Self.lint(notes, jobs: 1)
        let two = try Self.lint(notes, jobs: 2)
        #expect(one.twoPass == two.twoPass)
        #expect(one.twoPass == one.onePass)
        #expect(one.twoPass.contains { $0.hasSuffix("tag-spelling") })
        // The collection rules too: sixty notes of one title, `power` beside `Power`.
        #expect(one.twoPass.contains { $0.hasSuffix("duplicate-value") } && one.twoPass.contains { $0.hasSuffix("slug-collision") })
    }
}
