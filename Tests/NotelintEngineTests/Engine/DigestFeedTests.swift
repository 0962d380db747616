import Testing

@testable import NotelintCore
import NotelintLoader
import NotelintText

/// The first pass tells a note that shares a unique value (a title) with a note fed before it, so that it keeps its
/// facts whole for the earlier note's finding instead of being read again for it.
struct DigestFeedTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    static func embeddedDefault() throws -> EffectiveConfiguration {
        try ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
    }

    /// Every unique group fed is met again; a group of another kind is not taken in; and of groups never fed, few
    /// are taken for met (the filter's price).
    @Test func uniqueGroupsFedBeforeAreMet() throws {
        let configuration = try Self.embeddedDefault()
        let unique = configuration.uniqueFactKinds
        let title = try #require(unique.first)
        let tag = FactDigest.kind(SlugCollisionRule.tagKind)
        #expect(!unique.contains(tag))
        let setting = Linter.Job.Setting(configuration, currentDirectory: "/notes")
        let jobs = (0..<2000).map { Linter.Job(path: "n\($0).md", setting: setting) }
        let feed = DigestFeed(jobs: jobs)
        func digest(_ kind: UInt32, _ value: String) -> FactDigest { FactDigest(kind: kind, value: value, text: value) }
        for job in jobs.indices {
            feed.feed(job: job, digests: [digest(tag, "shared-\(job)"), digest(title, "title \(job)")], uniqueKinds: unique)
        }
        for job in jobs.indices {
            #expect(feed.meetsEarlier([digest(title, "title \(job)")], uniqueKinds: unique))
        }
        // A tag's value fed as a tag is no title met before.
        let tagsAsTitles = jobs.indices.filter { feed.meetsEarlier([digest(title, "shared-\($0)")], uniqueKinds: unique) }
        let neverFed = (0..<20_000).filter { feed.meetsEarlier([digest(title, "another title \($0)")], uniqueKinds: unique) }
        #expect(tagsAsTitles.count <= 20)
        #expect(neverFed.count <= 200)
        // Only the unique kinds are asked about.
        #expect(!feed.meetsEarlier([digest(title, "title 7")], uniqueKinds: []))
        let (_, _, kept) = feed.finish()
        #expect(kept.isEmpty)
    }

    /// Two notes with one title: the later one, fed after the earlier, keeps its facts, which the index takes; the
    /// earlier note's finding then names it, at its title's place, without reading it again.
    @Test func aNoteMeetingAnEarlierTitleIsNotReadForItsFinding() throws {
        let configuration = try Self.embeddedDefault()
        let rule = try #require(configuration.indexedRules.first { $0 is DuplicateValueRule })
        let texts = ["a.md": "---\ntitle: On War\n---\n", "b.md": "---\ndate: 2020-01-01\ntitle: on war\n---\n"]
        let paths = ["a.md", "b.md"]
        let linter = Linter()
        @Sendable func note(_ path: String) -> Note { NoteLoader().load(bytes: Array(texts[path]!.utf8), path: path) }
        let setting = Linter.Job.Setting(configuration, currentDirectory: "/notes")
        let feed = DigestFeed(jobs: paths.map { Linter.Job(path: $0, setting: setting) })
        for (job, path) in paths.enumerated() {
            let pass = linter.firstPass(note(path), configuration, path, today: Self.today)
            if feed.meetsEarlier(pass.facts, uniqueKinds: configuration.uniqueFactKinds) {
                feed.keep(linter.collectionFacts(of: note(path), configuration, path, today: Self.today), job: job)
            }
            feed.feed(job: job, digests: pass.facts, uniqueKinds: configuration.uniqueFactKinds)
        }
        let (lines, numbers, kept) = feed.finish()
        #expect(Array(kept.keys) == [1])
        let reads = FactDigestTests.Reads()
        var builder = try #require(lines[ObjectIdentifier(configuration)]).builder
        builder.reader = { number in
            reads.add(number)
            return linter.collectionFacts(of: note(paths[number]), configuration, paths[number], today: Self.today)
        }
        let index = builder.build()
        for (job, facts) in kept { index.offer(facts, ofNote: numbers[job]) }
        let context = RuleContext(
            note: note("a.md"), schema: nil, schemaViolations: [], today: Self.today, relativePath: "a.md",
            collection: CollectionView(index: index, note: 0))
        let findings = rule.check(context)
        #expect(findings.map(\.message) == ["`title` `On War` is also used by another note: b.md"])
        #expect(findings.first?.related.map(\.range.start.line) == [3])
        #expect(reads.notes.isEmpty)
    }
}
