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

    /// A unique group fed before is met again; a value of another kind, or of a kind not unique, is no meeting; and
    /// of groups never fed, few are taken for met (the filter's price).
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
        // The first half of the notes: titles and tags of their own. The second half: each repeats the title of a
        // note of the first half as its tag, and has a title of its own, except every tenth, which repeats one.
        let half = jobs.count / 2
        var met: [Int] = []
        for job in jobs.indices {
            let digests = job < half
                ? [digest(tag, "tag \(job)"), digest(title, "title \(job)")]
                : [digest(tag, "title \(job - half)"), digest(title, job % 10 == 0 ? "title \(job - half)" : "another title \(job)")]
            if feed.feed(job: job, digests: digests, uniqueKinds: unique) { met.append(job) }
        }
        let repeats = Array(stride(from: half, to: jobs.count, by: 10))
        // Every repeated title is met; a tag with a title's value is not; of the 900 titles of their own, few are
        // taken for met (the filter's price).
        #expect(Set(repeats).isSubset(of: met))
        #expect(met.count - repeats.count <= 20)
        let (_, _, kept) = feed.finish()
        #expect(kept.isEmpty)
        // Only the unique kinds are weighed: a tag two notes share is no meeting.
        let pair = DigestFeed(jobs: Array(jobs.prefix(3)))
        #expect(!pair.feed(job: 0, digests: [digest(tag, "war"), digest(title, "On War")], uniqueKinds: unique))
        #expect(!pair.feed(job: 1, digests: [digest(tag, "war"), digest(title, "Vom Kriege")], uniqueKinds: unique))
        #expect(pair.feed(job: 2, digests: [digest(tag, "peace"), digest(title, "On War")], uniqueKinds: unique))
    }

    /// Jobs fed in any order reach the index in job order, each with its own digests: a job fed before its turn
    /// waits in a slot by its place (one far ahead makes the slots more), and is added when the jobs before it are.
    @Test func jobsFedOutOfOrderReachTheIndexInOrder() throws {
        let configuration = try Self.embeddedDefault()
        let setting = Linter.Job.Setting(configuration, currentDirectory: "/notes")
        let jobs = (0..<300).map { Linter.Job(path: "n\($0).md", setting: setting) }
        let feed = DigestFeed(jobs: jobs)
        let tag = FactDigest.kind(SlugCollisionRule.tagKind)
        // Zero to three digests a job, each of its own.
        func digests(_ job: Int) -> [FactDigest] {
            (0..<job % 4).map { FactDigest(kind: tag, value: "tag \(job) \($0)", text: "Tag \(job) \($0)") }
        }
        // The first hundred backwards (job 0, fed last, keeps 99 jobs waiting), then the rest in a scrambled order
        // (7919 is prime to 200: each job once), then in order.
        let order = Array((0..<100).reversed()) + (0..<200).map { 100 + $0 * 7919 % 200 }
        #expect(Set(order).count == 300)
        for job in order { feed.feed(job: job, digests: digests(job)) }
        let (lines, numbers, _) = feed.finish()
        let line = try #require(lines[ObjectIdentifier(configuration)])
        #expect(line.jobs == (0..<300).map { Int32($0) })
        #expect(numbers == Array(0..<300))
        let index = line.builder.build()
        #expect(index.noteCount == 300)
        for job in jobs.indices {
            #expect(Array(index.digests(ofNote: job)) == digests(job), "job \(job)")
            #expect(index.path(ofNote: job) == "n\(job).md")
        }
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
            if feed.feed(job: job, digests: pass.facts, uniqueKinds: configuration.uniqueFactKinds) {
                feed.keep(linter.collectionFacts(of: note(path), configuration, path, today: Self.today), job: job)
            }
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
