import Foundation
import Testing

@testable import NotelintCore
@testable import NotelintText

/// A run over notes that all stat as before is answered by the run's record, unread; anything its findings rest
/// on that changed — a checked note, another note of the collection, a note added or removed, the dictionary —
/// makes the run check again.
@Suite("Run record")
struct RunRecordTests {
    typealias Collection = ResultCacheTests.Collection

    static func note(tags: [String]) -> String { ResultCacheTests.note(tags: tags) }
    static func summary(_ report: LintReport) -> [String] { ResultCacheTests.summary(report) }

    static func cacheFiles(_ collection: Collection) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: collection.cache.directory).filter { $0.hasSuffix(".cache") }.sorted()
    }

    /// Removes the per-note results, so that only the run's record can spare the notes a reading.
    static func removeNoteResults(_ collection: Collection) throws {
        for name in try cacheFiles(collection) where !name.hasPrefix("run-") {
            try FileManager.default.removeItem(atPath: collection.cache.directory + "/" + name)
        }
    }

    static func collection() throws -> Collection {
        try Collection(notes: [
            "a.md": note(tags: ["decision-making-calculu"]),
            "b.md": note(tags: ["decision-making-calculus"]),
            "c.md": note(tags: ["decision-making-calculus"]),
            "d.md": "---\ntitle: Draft\ndraft: true\nstatus: evergreen\ntags: [Power]\n---\n",
        ])
    }

    @Test func anUnchangedRunIsAnsweredByItsRecordUnread() throws {
        let collection = try Self.collection()
        let cold = try collection.lint()
        #expect(try Self.cacheFiles(collection).contains { $0.hasPrefix("run-") })
        try Self.removeNoteResults(collection)
        let warm = try collection.lint()
        #expect(warm.filesReusedFromCache == 4)
        #expect(warm.filesChecked == 4)
        #expect(!warm.diagnostics.isEmpty)
        #expect(Self.summary(warm) == Self.summary(cold))
        #expect(warm.diagnostics.map(\.fix) == cold.diagnostics.map(\.fix))
        #expect(warm.diagnostics.map(\.sourceLine) == cold.diagnostics.map(\.sourceLine))
        // Nothing was read, so nothing was written back.
        #expect(try Self.cacheFiles(collection).allSatisfy { $0.hasPrefix("run-") })
    }

    @Test func aChangedAddedOrRemovedNoteMakesTheRunCheckAgain() throws {
        let collection = try Self.collection()
        _ = try collection.lint()
        try collection.folder.write("d.md", "---\ntitle: Draft\ndraft: false\nstatus: evergreen\ntags: [power]\n---\n")
        try Self.removeNoteResults(collection)
        let changed = try collection.lint()
        #expect(changed.filesReusedFromCache == 0)
        #expect(Self.summary(changed) == Self.summary(try collection.lint(cache: false)))

        try collection.folder.write("e.md", Self.note(tags: ["decision-making-calculu"]))
        try Self.removeNoteResults(collection)
        let added = try collection.lint()
        #expect(added.filesChecked == 5 && added.filesReusedFromCache == 0)
        #expect(Self.summary(added) == Self.summary(try collection.lint(cache: false)))

        try FileManager.default.removeItem(atPath: collection.path("e.md"))
        try Self.removeNoteResults(collection)
        let removed = try collection.lint()
        #expect(removed.filesChecked == 4 && removed.filesReusedFromCache == 0)
        #expect(Self.summary(removed) == Self.summary(changed))
    }

    @Test func aChangedNoteOutsideTheSelectionReachesTheNotesChecked() throws {
        let collection = try Self.collection()
        let one = { try Linter().lint(LintRequest(paths: [collection.path("a.md")], today: ResultCacheTests.today, jobs: 2, cache: collection.cache)) }
        #expect(try one().diagnostics.contains { $0.ruleID == "tag-spelling" })
        #expect(try one().filesReusedFromCache == 1)
        // b.md and c.md vouched for the longer tag; now they do not, and a.md's tag stands alone.
        try collection.folder.write("b.md", Self.note(tags: ["history"]))
        try collection.folder.write("c.md", Self.note(tags: ["history"]))
        #expect(try !one().diagnostics.contains { $0.ruleID == "tag-spelling" })
    }

    @Test func aChangedDictionaryMakesTheRunCheckAgain() throws {
        let system = "/usr/share/hunspell"
        let collection = try Collection(notes: ["a.md": Self.note(tags: ["strategy-recieve"])])
        let folder = collection.folder.path + "/dictionary"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.fileExists(atPath: system + "/en_US.dic") else { return }
        for name in ["en_US.aff", "en_US.dic"] { try FileManager.default.copyItem(atPath: system + "/" + name, toPath: folder + "/" + name) }
        try collection.folder.write(".lint.yml", "rules:\n  tag-spelling: {dictionary: true, dictionary-folders: [dictionary]}\n")
        #expect(try collection.lint().diagnostics.contains { $0.ruleID == "tag-spelling" })
        try Self.removeNoteResults(collection)
        #expect(try collection.lint().filesReusedFromCache == 1)
        // The dictionary learns the word; the note and the configuration are as they were. (This process keeps the
        // dictionary it loaded, so the record not being used is what shows here; a new process reads the new file.)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/en_US.dic"))
        handle.seekToEndOfFile()
        handle.write("recieve\n".data(using: .utf8)!)
        try handle.close()
        try Self.removeNoteResults(collection)
        #expect(try collection.lint().filesReusedFromCache == 0)
    }

    @Test func aDamagedRecordIsIgnored() throws {
        let collection = try Self.collection()
        let expected = Self.summary(try collection.lint())
        let record = try #require(try Self.cacheFiles(collection).first { $0.hasPrefix("run-") })
        let path = collection.cache.directory + "/" + record
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try Data(bytes.prefix(bytes.count * 2 / 3)).write(to: URL(fileURLWithPath: path))
        #expect(Self.summary(try collection.lint()) == expected)
        try Data((0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
        #expect(Self.summary(try collection.lint()) == expected)
    }

    @Test func aRunThatFixesNeitherReadsNorWritesARecord() throws {
        let collection = try Self.collection()
        _ = try collection.lint()
        try Self.removeNoteResults(collection)
        let request = LintRequest(
            paths: [collection.folder.path], today: ResultCacheTests.today, jobs: 2, fixes: .safe, writeFixes: false,
            cache: collection.cache)
        let fixing = try Linter().lint(request)
        #expect(fixing.filesReusedFromCache == 0)
        #expect(!fixing.fixedFiles.isEmpty)
    }
}
