import Foundation
import Testing

@testable import NotelintCore
@testable import NotelintText

/// An editor's server checks one buffer again and again beside the same collection: the other notes' corpus is
/// kept, the buffer's tags are counted as a change to it, and the findings are those of a run without the memo.
@Suite("Collection memo")
struct CollectionMemoTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    static func note(_ tag: String) -> String { "---\ntitle: A note\ntags:\n- \(tag)\n- war\n---\nBody.\n" }

    @Test func theBuffersTagsChangeTheOtherNotesCorpus() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "rules:\n  tag-spelling: {}\n".write(toFile: folder + "/.lint.yml", atomically: true, encoding: .utf8)
        for name in ["a", "b", "c"] { try Self.note("strategy").write(toFile: "\(folder)/\(name).md", atomically: true, encoding: .utf8) }
        let path = folder + "/typed.md"
        try Self.note("power").write(toFile: path, atomically: true, encoding: .utf8)
        let memo = CollectionMemo()
        var bases: [TagCorpus] = []
        for typed in ["strateg", "strategy", "strategyy", "peace"] {
            var request = LintRequest(paths: [path], today: Self.today, jobs: 1, contents: [path: Array(Self.note(typed).utf8)])
            let alone = try Linter().lint(request).diagnostics
            request.collectionMemo = memo
            let memoized = try Linter().lint(request).diagnostics
            #expect(memoized.map(\.message) == alone.map(\.message), "\(typed)")
            let reported = memoized.filter { $0.ruleID == "tag-spelling" }.flatMap(\.suggestions)
            #expect(reported == (typed.hasPrefix("strateg") && typed != "strategy" ? ["strategy"] : []), "\(typed)")
            let corpus = try #require(memo.corpus)
            bases.append(try #require(corpus.base))
            #expect(corpus.changes == [typed: 1, "war": 1])
            #expect(corpus.uses(of: "war") == 4)
        }
        #expect(bases.allSatisfy { $0 === bases[0] })
        #expect(bases[0].uses == ["strategy": 3, "war": 3])
    }
}
