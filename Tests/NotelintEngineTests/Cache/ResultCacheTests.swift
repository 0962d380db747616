import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintLoader
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText

/// The result cache: unchanged notes are reused unread, anything that could change a result is noticed, and
/// cross-note evidence stays right when only some notes changed.
@Suite("Result cache")
struct ResultCacheTests {
    /// "Today" for every run: results depend on it, and so does the cache.
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    /// A folder of notes with its own `.lint.yml` (tag evidence from the corpus only, no dictionary) and a cache.
    final class Collection {
        let folder: FixTestFolder
        /// Runs see the clock an hour ahead, so notes written a moment ago count as settled.
        let cache: ResultCache

        init(notes: [String: String], rules: String = "") throws {
            folder = try FixTestFolder()
            try folder.write(".lint.yml", """
                rules:
                  tag-spelling: {dictionary: false}
                \(rules)
                """)
            for (name, text) in notes { try folder.write(name, text) }
            cache = ResultCache(directory: folder.path + "/.cache", clock: { Int(Date().timeIntervalSince1970) + 3600 })
        }

        func lint(cache useCache: Bool = true, today: CalendarDate = ResultCacheTests.today) throws -> LintReport {
            try Linter().lint(LintRequest(paths: [folder.path], today: today, jobs: 2, cache: useCache ? cache : nil))
        }

        func path(_ name: String) -> String { folder.path + "/" + name }
    }

    static func note(tags: [String], title: String = "A note") -> String {
        "---\ntitle: \(title)\ntags: [\(tags.joined(separator: ", "))]\n---\nBody.\n"
    }

    static func summary(_ report: LintReport) -> [String] {
        report.diagnostics.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.range.start) \($0.ruleID) \($0.message)" }
    }

    @Test func aWarmRunReusesEveryUnchangedNoteAndReportsTheSame() throws {
        let collection = try Collection(notes: [
            "a.md": Self.note(tags: ["decision-making-calculu"]),
            "b.md": Self.note(tags: ["decision-making-calculus"]),
            "c.md": Self.note(tags: ["decision-making-calculus"]),
            "d.md": "---\ntitle: Draft\ndraft: true\nstatus: evergreen\ntags: [Power]\n---\n",
            "e.md": "no front matter\n",
        ])
        let cold = try collection.lint()
        let warm = try collection.lint()
        let uncached = try collection.lint(cache: false)
        #expect(cold.filesReusedFromCache == 0)
        #expect(warm.filesReusedFromCache == 5)
        #expect(!Self.summary(cold).isEmpty)
        #expect(Self.summary(warm) == Self.summary(cold))
        #expect(Self.summary(uncached) == Self.summary(cold))
        // Fixes come back from the cache too, with their edits.
        #expect(warm.diagnostics.map(\.fix) == cold.diagnostics.map(\.fix))
        #expect(warm.diagnostics.contains { $0.ruleID == "tag-spelling" && $0.path == collection.path("a.md") })
    }

    @Test func evidenceFromChangedNotesReachesUnchangedOnes() throws {
        let collection = try Collection(notes: [
            "a.md": Self.note(tags: ["decision-making-calculu"]),
            "b.md": Self.note(tags: ["decision-making-calculus"]),
            "c.md": Self.note(tags: ["decision-making-calculus"]),
        ])
        #expect(try collection.lint().diagnostics.contains { $0.ruleID == "tag-spelling" })
        // The evidence goes away in the other notes: the unchanged a.md is no longer reported.
        try collection.folder.write("b.md", Self.note(tags: ["history"]))
        try collection.folder.write("c.md", Self.note(tags: ["history"]))
        let after = try collection.lint()
        #expect(after.filesReusedFromCache == 1)
        #expect(!after.diagnostics.contains { $0.ruleID == "tag-spelling" })
        // And comes back: reported again, though a.md was never touched.
        try collection.folder.write("b.md", Self.note(tags: ["decision-making-calculus"]))
        try collection.folder.write("c.md", Self.note(tags: ["decision-making-calculus"]))
        let again = try collection.lint()
        #expect(again.diagnostics.contains { $0.ruleID == "tag-spelling" && $0.path == collection.path("a.md") })
    }

    @Test func aChangedNoteIsReadAgainEvenWithItsSizeAndTimePutBack() throws {
        let collection = try Collection(notes: ["a.md": "---\ntags: [power]\n---\n"])
        #expect(try collection.lint().diagnostics.isEmpty)
        let path = collection.path("a.md")
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        // Same size, a different value, the modification time set back: only the change time tells.
        try collection.folder.write("a.md", "---\ntags: [Power]\n---\n")
        try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: path)
        let after = try collection.lint()
        #expect(after.filesReusedFromCache == 0)
        #expect(Self.summary(after) == Self.summary(try collection.lint(cache: false)))
        #expect(!after.diagnostics.isEmpty)
    }

    @Test func aNoteSavedTooRecentlyIsCheckedByItsContent() throws {
        let folder = try FixTestFolder()
        try folder.write("a.md", "---\ntitle: One\n---\n")
        // The real clock: the note was written within the last second, so its time alone is not trusted.
        let cache = ResultCache(directory: folder.path + "/.cache")
        let request = LintRequest(paths: [folder.path], today: Self.today, cache: cache)
        let first = try Linter().lint(request)
        let second = try Linter().lint(request)
        #expect(second.filesReusedFromCache == 0)
        #expect(!first.diagnostics.isEmpty)
        #expect(Self.summary(second) == Self.summary(first))
    }

    @Test func aChangedConfigurationOrDateStartsAfresh() throws {
        let collection = try Collection(notes: ["a.md": "---\ntitle: Hello\ndate: 2030-01-01\n---\n"])
        _ = try collection.lint()
        #expect(try collection.lint().filesReusedFromCache == 1)
        // Another day: date rules compare with it.
        #expect(try collection.lint(today: CalendarDate(year: 2031, month: 1, day: 1)!).filesReusedFromCache == 0)
        // Another configuration.
        try collection.folder.write(".lint.yml", "rules:\n  tag-spelling: off\n")
        #expect(try collection.lint().filesReusedFromCache == 0)
        #expect(try collection.lint().filesReusedFromCache == 1)
    }

    @Test func aChangedVocabularyFileStartsAfresh() throws {
        let collection = try Collection(notes: ["a.md": Self.note(tags: ["zettelkasten"])])
        try collection.folder.write("tags.txt", "history\n")
        try collection.folder.write(".lint.yml", "rules:\n  tag-spelling: {dictionary: false, vocabulary-files: [tags.txt]}\n")
        _ = try collection.lint()
        #expect(try collection.lint().filesReusedFromCache == 1)
        try collection.folder.write("tags.txt", "history\nzettelkasten\n")
        #expect(try collection.lint().filesReusedFromCache == 0)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let collection = try Collection(notes: ["a.md": Self.note(tags: ["Power"])])
        let expected = Self.summary(try collection.lint())
        let files = try FileManager.default.contentsOfDirectory(atPath: collection.cache.directory).filter { $0.hasSuffix(".cache") }
        // The notes' results, and the run's record (which a damaged table must not leave standing alone).
        #expect(files.count == 2)
        for name in files {
            let path = collection.cache.directory + "/" + name
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            // Cut in the middle of an entry, then garbage of the same length.
            try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
            let truncated = try collection.lint()
            #expect(Self.summary(truncated) == expected)
            try Data((0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
            #expect(Self.summary(try collection.lint()) == expected)
        }
    }

    @Test func removingTheCacheKeepsFilesNotelintDidNotWrite() throws {
        let collection = try Collection(notes: ["a.md": Self.note(tags: ["history"])])
        _ = try collection.lint()
        let directory = collection.cache.directory
        #expect(FileManager.default.fileExists(atPath: directory + "/CACHEDIR.TAG"))
        try collection.folder.write(".cache/mine.txt", "keep me")
        #expect(!ResultCache.remove(directory: directory))
        #expect(FileManager.default.fileExists(atPath: directory + "/mine.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["mine.txt"])
        try FileManager.default.removeItem(atPath: directory + "/mine.txt")
        _ = try collection.lint()
        #expect(ResultCache.remove(directory: directory))
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test func diagnosticsSurviveTheRoundTrip() throws {
        let diagnostic = Diagnostic(
            path: "/notes/a.md", ruleID: "draft-status", severity: .warning,
            range: .init(start: .init(line: 3, column: 1, offset: 20), end: .init(line: 3, column: 12, offset: 31)),
            message: "`draft: true` beside `status: evergreen` — 草稿", suggestions: ["a", "b"],
            related: [RelatedLocation(range: .init(at: .init(line: 4, column: 2, offset: 40)), message: "here")],
            fix: Fix(edits: [Edit(range: 20..<31, replacement: "draft: false")], applicability: .unsafe, title: "unset draft"),
            subject: nil, sourceLine: "draft: true")
        var writer = CacheWriter()
        writer.diagnostic(diagnostic)
        var reader = CacheReader(writer.bytes)
        let back = try reader.diagnostic(path: "/notes/a.md")
        #expect(reader.isAtEnd)
        #expect(back.ruleID == diagnostic.ruleID && back.severity == diagnostic.severity && back.range == diagnostic.range)
        #expect(back.message == diagnostic.message && back.suggestions == diagnostic.suggestions)
        #expect(back.related == diagnostic.related && back.fix == diagnostic.fix)
        #expect(back.subject == nil && back.sourceLine == "draft: true")
    }

    @Test func numbersSurviveTheRoundTripInFewBytes() throws {
        let integers = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int(Int32.min), Int.max, Int.min]
        let hashes: [UInt64] = [0, 1, 0x7F, 0x80, UInt64.max, 0xcbf2_9ce4_8422_2325]
        var writer = CacheWriter()
        for value in integers { writer.integer(value) }
        for value in hashes { writer.unsigned(value) }
        for value in hashes { writer.fixed(value) }
        var reader = CacheReader(writer.bytes)
        #expect(try integers.map { _ in try reader.integer() } == integers)
        #expect(try hashes.map { _ in try reader.unsigned() } == hashes)
        #expect(try hashes.map { _ in try reader.fixed() } == hashes)
        #expect(reader.isAtEnd)
        // Small numbers, the bulk of a cache (lengths, lines, columns), take one byte.
        var small = CacheWriter()
        for value in [0, 5, -5, 63, -64] { small.integer(value) }
        #expect(small.bytes.count == 5)
    }

    @Test func aNumberRunningPastTheEndOrPastSixtyFourBitsIsDamage() {
        var cut = CacheReader([0x80, 0x80])
        #expect(throws: CacheReader.Damaged.self) { try cut.unsigned() }
        var long = CacheReader([UInt8](repeating: 0xFF, count: 9) + [0x02])
        #expect(throws: CacheReader.Damaged.self) { try long.unsigned() }
        var endless = CacheReader([UInt8](repeating: 0x80, count: 12))
        #expect(throws: CacheReader.Damaged.self) { try endless.unsigned() }
    }

    /// `count` notes `n0.md`… alike but for their titles.
    static func notes(_ count: Int) throws -> Collection {
        var notes: [String: String] = [:]
        for number in 0..<count { notes["n\(number).md"] = note(tags: ["history"], title: "Note \(number)") }
        return try Collection(notes: notes)
    }

    /// The run's record would answer for unchanged notes without reading the tables: removed, so that they are read.
    static func dropRunRecords(_ collection: Collection) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: collection.cache.directory) where name.hasPrefix("run-") {
            try FileManager.default.removeItem(atPath: collection.cache.directory + "/" + name)
        }
    }

    static func files(_ collection: Collection, ending suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: collection.cache.directory).filter { $0.hasSuffix(suffix) && !$0.hasPrefix("run-") && !$0.hasPrefix("dictionary-") }
    }

    static func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }

    /// A run's new entries hold no digests of their own (the run's index has them) until the cache is written: the
    /// table still gets each note's own digests, the ones its collection facts give, and a warm run reports the same.
    @Test func eachNoteIsWrittenWithItsOwnDigests() throws {
        let notes = [
            "a.md": "---\ntitle: On War\nsource: https://example.com/a\ntags: [war, Machine Learning]\naliases: [Vom Kriege]\nrelated: \"[[b]]\"\n---\n",
            "b.md": "---\ntitle: On War\ntags: [machine-learning, strategy]\n---\n",
            "c.md": "---\ntitle: 戦争論\nrelated: \"[[Missing]]\"\n---\n",
            "d.md": "no front matter\n",
        ]
        let collection = try Collection(notes: notes)
        let cold = try collection.lint()
        #expect(cold.diagnostics.contains { $0.ruleID == "duplicate-value" })
        let name = try #require(try Self.files(collection, ending: ".cache").first)
        let table = collection.cache.table(for: try #require(UInt64(name.dropLast(".cache".count), radix: 16)))
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all).configuration(forDirectory: collection.folder.path)
        var written = 0
        for (name, text) in notes {
            let entry = try #require(table.entries[collection.path(name)])
            let note = NoteLoader().load(bytes: Array(text.utf8), path: collection.path(name))
            let facts = Linter().collectionFacts(of: note, configuration, name, today: Self.today)
            #expect(entry.pass.facts == FactDigest.of(facts), "\(name)")
            written += entry.pass.facts.count
        }
        #expect(written >= 12)
        try Self.dropRunRecords(collection)
        let warm = try collection.lint()
        #expect(warm.filesReusedFromCache == 4)
        #expect(Self.summary(warm) == Self.summary(cold))
    }

    /// A note appended to the journal is written with its digests too: read back, it still meets the note whose
    /// title it took.
    @Test func aJournalledNoteIsWrittenWithItsDigests() throws {
        let collection = try Self.notes(40)
        _ = try collection.lint()
        try collection.folder.write("n3.md", Self.note(tags: ["history"], title: "Note 7"))
        let changed = try collection.lint()
        #expect(try Self.files(collection, ending: ".journal").count == 1)
        #expect(changed.diagnostics.filter { $0.ruleID == "duplicate-value" }.count == 2)
        try Self.dropRunRecords(collection)
        let again = try collection.lint()
        #expect(again.filesReusedFromCache == 40)
        #expect(Self.summary(again) == Self.summary(changed))
    }

    @Test func aFewChangedNotesAreAppendedToTheJournalNotWrittenWithTheTable() throws {
        let collection = try Self.notes(40)
        _ = try collection.lint()
        let table = collection.cache.directory + "/" + (try #require(try Self.files(collection, ending: ".cache").first))
        let written = try Self.modified(table)
        let size = try FileManager.default.attributesOfItem(atPath: table)[.size] as! Int
        try collection.folder.write("n3.md", Self.note(tags: ["Power"], title: "Note 3"))
        let changed = try collection.lint()
        #expect(changed.filesReusedFromCache == 39)
        #expect(try Self.files(collection, ending: ".journal").count == 1)
        #expect(try Self.modified(table) == written)
        #expect(try FileManager.default.attributesOfItem(atPath: table)[.size] as! Int == size)
        // The journal's entry is used: nothing is read again, and the findings are the changed note's (the run's
        // record, which would answer without reading the tables, is removed first).
        try Self.dropRunRecords(collection)
        let again = try collection.lint()
        #expect(again.filesReusedFromCache == 40)
        #expect(Self.summary(again) == Self.summary(try collection.lint(cache: false)))
        #expect(again.diagnostics.contains { $0.path == collection.path("n3.md") })
    }

    @Test func aJournalOfAnEighthOfTheTableIsFoldedIntoIt() throws {
        let collection = try Self.notes(16)
        _ = try collection.lint()
        try collection.folder.write("n1.md", Self.note(tags: ["war"], title: "Note 1"))
        _ = try collection.lint()
        #expect(try Self.files(collection, ending: ".journal").count == 1)
        try collection.folder.write("n2.md", Self.note(tags: ["war"], title: "Note 2"))
        _ = try collection.lint()
        // Two journalled entries beside sixteen: the table is written anew, the journal gone.
        #expect(try Self.files(collection, ending: ".journal").isEmpty)
        let folded = try collection.lint()
        #expect(folded.filesReusedFromCache == 16)
        #expect(Self.summary(folded) == Self.summary(try collection.lint(cache: false)))
    }

    @Test func aDamagedJournalIsReadUpToTheDamage() throws {
        let collection = try Self.notes(40)
        _ = try collection.lint()
        try collection.folder.write("n3.md", Self.note(tags: ["Power"], title: "Note 3"))
        _ = try collection.lint()
        let journal = collection.cache.directory + "/" + (try #require(try Self.files(collection, ending: ".journal").first))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data([0x40, 1, 2, 3, 4, 5]))
        try handle.close()
        try Self.dropRunRecords(collection)
        let after = try collection.lint()
        #expect(after.filesReusedFromCache == 40)
        #expect(Self.summary(after) == Self.summary(try collection.lint(cache: false)))
        // Flipped bytes inside the record: its hash no longer matches, so its entry is not used.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        try Self.dropRunRecords(collection)
        let flipped = try collection.lint()
        #expect(flipped.filesReusedFromCache == 39)
        #expect(Self.summary(flipped) == Self.summary(try collection.lint(cache: false)))
    }

    @Test func aLinkPlantedAsTheJournalIsNotWrittenThrough() throws {
        let collection = try Self.notes(40)
        _ = try collection.lint()
        let table = try #require(try Self.files(collection, ending: ".cache").first)
        let journal = collection.cache.directory + "/" + table.dropLast(".cache".count) + ".journal"
        let target = try collection.folder.write("outside.txt", "keep\n")
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: target)
        try collection.folder.write("n3.md", Self.note(tags: ["Power"], title: "Note 3"))
        _ = try collection.lint()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep\n")
        #expect(try collection.lint().filesReusedFromCache == 40)
    }
}
