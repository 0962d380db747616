import Foundation
import NotelintLoader
import Testing

@testable import NotelintCore
@testable import NotelintText

/// Notes keep their tags as numbers in one table a run: a tag used by many notes is one string, not one a note,
/// and the tags read back (by the corpus, the cache, the second pass) are the tags as written.
@Suite("Tag table")
struct TagTableTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    /// Where a string's bytes are kept: two strings with the same storage are one allocation.
    static func storage(of text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func eachDistinctTagIsNumberedOnceAndKeptInOrder() {
        let table = TagTable()
        let first = NoteTags(["decision-making-calculus", "history", "power"], in: table)
        let second = NoteTags(["power", "decision-making-calculus"], in: table)
        #expect(Array(first) == ["decision-making-calculus", "history", "power"])
        #expect(Array(second) == ["power", "decision-making-calculus"])
        #expect(table.count == 3)
        #expect(table.number(of: "power") == 2)
        #expect(NoteTags([], in: table).isEmpty)
        #expect(NoteTags().isEmpty && NoteTags() == NoteTags([], in: table))
        #expect(first != second && second == NoteTags(["power", "decision-making-calculus"], in: TagTable()))
    }

    @Test func manyTagsReadBackFromWhateverThreadNumberedThem() {
        let table = TagTable()
        // Past the first chunks of the table, numbered by several workers at once.
        let lists = Parallel.map(Array(0..<40), workers: 4) { batch in
            NoteTags((0..<100).map { "tag-\(($0 * 7 + batch * 31) % 2000)-of-a-long-name" }, in: table)
        }
        for (batch, list) in lists.enumerated() {
            #expect(Array(list) == (0..<100).map { "tag-\(($0 * 7 + batch * 31) % 2000)-of-a-long-name" })
        }
        #expect(table.count == Set(lists.flatMap { $0 }).count)
        #expect((0..<UInt32(table.count)).map { table.number(of: table.name(of: $0)) } == Array(0..<UInt32(table.count)))
    }

    @Test func notesOfARunShareOneStringPerTag() throws {
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all).configuration(forDirectory: "/")
        let linter = Linter()
        let table = TagTable()
        // Longer than a string keeps inline: each note's parse makes its own allocation of the text.
        let tag = "decision-making-calculus"
        let passes = ["a.md", "b.md"].map { name in
            let note = NoteLoader().load(bytes: Array("---\ntitle: A note\ntags: [\(tag), history]\n---\n".utf8), path: "/" + name)
            return linter.firstPass(note, configuration, name, today: Self.today, tags: table)
        }
        #expect(passes.map { Array($0.tags) } == [[tag, "history"], [tag, "history"]])
        #expect(table.count == 2)
        let storages = passes.map { Self.storage(of: $0.tags[0]) }
        #expect(storages[0] != nil && storages[0] == storages[1])
    }

    @Test func cachedTagsReadBackAsWrittenAndShareOneTable() throws {
        let collection = try ResultCacheTests.Collection(notes: [
            "a.md": ResultCacheTests.note(tags: ["decision-making-calculus", "history"]),
            "b.md": ResultCacheTests.note(tags: ["history", "decision-making-calculus", "power"]),
            "c.md": "---\ntitle: No tags\n---\n",
        ])
        _ = try collection.lint()
        let configuration = try ConfigurationResolver(registry: RuleRegistry.all)
            .configuration(forDirectory: collection.folder.path)
        let entries = collection.cache.table(for: configuration.fingerprint(today: ResultCacheTests.today)).entries
        func tags(_ name: String) -> NoteTags? { entries[collection.path(name)]?.pass.tags }
        #expect(tags("a.md").map(Array.init) == ["decision-making-calculus", "history"])
        #expect(tags("b.md").map(Array.init) == ["history", "decision-making-calculus", "power"])
        #expect(tags("c.md")?.isEmpty == true)
        #expect(tags("a.md")?.table != nil && tags("a.md")?.table === tags("b.md")?.table)
        #expect(tags("a.md")?.table?.count == 3)
        // A warm run counts the cached tags as evidence like a cold one.
        let warm = try collection.lint()
        #expect(warm.filesReusedFromCache == 3)
    }

    /// What a run keeps a note between its passes and to its report: one reference for its tags, one for its
    /// cache entry, one for a fix (nearly every note has none), one for its configuration and current folder —
    /// not a list of strings, an entry's room twice, a fix's whole value, a copy of the folder's string.
    @Test func aNoteKeepsSmallResultsBetweenPasses() {
        #expect(MemoryLayout<NoteTags>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<Linter.FirstPassOutcome>.stride <= MemoryLayout<Linter.FirstPass>.stride + MemoryLayout<Int>.size)
        #expect(MemoryLayout<Linter.NoteResult>.stride == 2 * MemoryLayout<Int>.size)
        #expect(MemoryLayout<Linter.Job>.stride == MemoryLayout<String>.stride + MemoryLayout<Int>.size)
    }
}
