import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText

@Suite("Edit distance")
struct EditDistanceTests {
    private func osa(_ lhs: String, _ rhs: String, limit: Int = .max) -> Int? {
        EditDistance.between(lhs, rhs, metric: .optimalStringAlignment, limit: limit)
    }

    private func levenshtein(_ lhs: String, _ rhs: String, limit: Int = .max) -> Int? {
        EditDistance.between(lhs, rhs, metric: .levenshtein, limit: limit)
    }

    @Test func identicalStringsAreZeroApart() {
        #expect(osa("strategy", "strategy", limit: 2) == 0)
        #expect(osa("", "", limit: 0) == 0)
        #expect(levenshtein("", "", limit: 0) == 0)
    }

    @Test func countsInsertionsDeletionsAndSubstitutions() {
        for metric in [EditDistance.Metric.levenshtein, .optimalStringAlignment] {
            #expect(EditDistance.between("calculu", "calculus", metric: metric, limit: 2) == 1)
            #expect(EditDistance.between("strategy", "stratgy", metric: metric, limit: 2) == 1)
            #expect(EditDistance.between("power", "tower", metric: metric, limit: 2) == 1)
            #expect(EditDistance.between("kitten", "sitting", metric: metric, limit: 5) == 3)
            #expect(EditDistance.between("flaw", "lawn", metric: metric) == 2)
            #expect(EditDistance.between("saturday", "sunday", metric: metric) == 3)
            #expect(EditDistance.between("", "abc", metric: metric, limit: 5) == 3)
        }
    }

    @Test func anAdjacentTranspositionIsOneEditOnlyWhenCounted() {
        #expect(osa("histroy", "history", limit: 2) == 1)
        #expect(osa("ab", "ba", limit: 1) == 1)
        #expect(levenshtein("histroy", "history", limit: 2) == 2)
        #expect(levenshtein("ab", "ba", limit: 1) == nil)
        #expect(levenshtein("stauts", "status") == 2)
    }

    @Test func transposedLettersAreNotEditedAgain() {
        // The restricted variant: unrestricted Damerau–Levenshtein would say 2.
        #expect(osa("ca", "abc") == 3)
        #expect(levenshtein("ca", "abc") == 3)
    }

    @Test func returnsNilBeyondTheLimit() {
        #expect(osa("kitten", "sitting", limit: 2) == nil)
        #expect(osa("war", "warfare", limit: 3) == nil)
        #expect(osa("abc", "xyz", limit: 2) == nil)
        #expect(osa("abc", "xyz", limit: 3) == 3)
        #expect(osa("abc", "abc", limit: -1) == nil)
        #expect(levenshtein("kitten", "sitting", limit: 2) == nil)
    }

    @Test func countsUnicodeScalarsNotBytes() {
        #expect(osa("朝鲜战争", "越南战争", limit: 4) == 2)
        #expect(osa("中国", "中國", limit: 1) == 1)
        #expect(osa("café", "cafe", limit: 1) == 1)
        #expect(osa("战争", "争战", limit: 1) == 1)
        #expect(levenshtein("战争", "争战") == 2)
    }

    @Test func agreesWithTheUnboundedTableOnRandomPairs() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let lhs = randomWord(using: &generator)
            let rhs = randomWord(using: &generator)
            for metric in [EditDistance.Metric.levenshtein, .optimalStringAlignment] {
                let exact = referenceDistance(lhs, rhs, transpositions: metric == .optimalStringAlignment)
                #expect(EditDistance.between(lhs, rhs, metric: metric) == exact, "\(lhs) / \(rhs), \(metric)")
                for limit in 0...3 {
                    let bounded = EditDistance.between(lhs, rhs, metric: metric, limit: limit)
                    #expect(bounded == (exact <= limit ? exact : nil), "\(lhs) / \(rhs) within \(limit), \(metric)")
                }
            }
        }
    }

    @Test func nearestNameAllowsAThirdOfTheNameInEdits() {
        #expect(NearestName.nearest(to: "titl", in: ["title", "tags", "date"]) == "title")
        #expect(NearestName.nearest(to: "TITLE", in: ["title", "tags"]) == "title")
        #expect(NearestName.nearest(to: "xyz", in: ["title", "tags"]) == nil)
        #expect(NearestName.nearest(to: "title", in: ["title"]) == nil)
        // Two swapped letters are one edit, the commonest slip in a key (`tilte`); ties go to the first candidate.
        #expect(NearestName.nearest(to: "titel", in: ["title", "tags", "date"]) == "title")
        #expect(NearestName.nearest(to: "tilte", in: ["title", "tilt"]) == "title")
        #expect(NearestName.nearest(to: "stauts", in: ["status", "stats"]) == "status")
        #expect(NearestName.nearest(to: "tlite", in: ["title"]) == nil)
    }

    private func randomWord(using generator: inout SeededGenerator) -> String {
        let letters: [Character] = ["a", "b", "c", "-"]
        return String((0..<Int.random(in: 0...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
    }

    /// The full table, without bands or early exits.
    private func referenceDistance(_ lhs: String, _ rhs: String, transpositions: Bool) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

/// A small deterministic generator, so that randomised checks fail the same way every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}
