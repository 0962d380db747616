import Testing

@testable import NotelintEngine

extension SpellingTests {
    @Suite("Damerau–Levenshtein distance (optimal string alignment)")
    struct DamerauLevenshteinTests {
        @Test func identicalStringsAreZeroApart() {
            #expect(damerauLevenshtein("strategy", "strategy", limit: 2) == 0)
            #expect(damerauLevenshtein("", "", limit: 0) == 0)
        }

        @Test func countsInsertionsDeletionsAndSubstitutions() {
            #expect(damerauLevenshtein("calculu", "calculus", limit: 2) == 1)
            #expect(damerauLevenshtein("strategy", "stratgy", limit: 2) == 1)
            #expect(damerauLevenshtein("power", "tower", limit: 2) == 1)
            #expect(damerauLevenshtein("kitten", "sitting", limit: 5) == 3)
            #expect(damerauLevenshtein("", "abc", limit: 5) == 3)
        }

        @Test func anAdjacentTranspositionIsOneEdit() {
            #expect(damerauLevenshtein("histroy", "history", limit: 2) == 1)
            #expect(damerauLevenshtein("ab", "ba", limit: 1) == 1)
        }

        @Test func transposedLettersAreNotEditedAgain() {
            // The restricted variant: unrestricted Damerau–Levenshtein would say 2.
            #expect(damerauLevenshtein("ca", "abc") == 3)
        }

        @Test func returnsNilBeyondTheLimit() {
            #expect(damerauLevenshtein("kitten", "sitting", limit: 2) == nil)
            #expect(damerauLevenshtein("war", "warfare", limit: 3) == nil)
            #expect(damerauLevenshtein("abc", "xyz", limit: 2) == nil)
            #expect(damerauLevenshtein("abc", "xyz", limit: 3) == 3)
            #expect(damerauLevenshtein("abc", "abc", limit: -1) == nil)
        }

        @Test func countsUnicodeScalarsNotBytes() {
            #expect(damerauLevenshtein("朝鲜战争", "越南战争", limit: 4) == 2)
            #expect(damerauLevenshtein("中国", "中國", limit: 1) == 1)
            #expect(damerauLevenshtein("café", "cafe", limit: 1) == 1)
            #expect(damerauLevenshtein("战争", "争战", limit: 1) == 1)
        }

        @Test func agreesWithTheUnboundedTableOnRandomPairs() {
            var generator = SeededGenerator(seed: 7)
            for _ in 0..<500 {
                let lhs = randomWord(using: &generator)
                let rhs = randomWord(using: &generator)
                let exact = referenceDistance(lhs, rhs)
                for limit in 0...3 {
                    let bounded = damerauLevenshtein(lhs, rhs, limit: limit)
                    #expect(bounded == (exact <= limit ? exact : nil), "\(lhs) / \(rhs) within \(limit)")
                }
            }
        }

        private func randomWord(using generator: inout SeededGenerator) -> String {
            let letters: [Character] = ["a", "b", "c", "-"]
            return String((0..<Int.random(in: 0...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
        }

        /// The full optimal-string-alignment table, without bands or early exits.
        private func referenceDistance(_ lhs: String, _ rhs: String) -> Int {
            let a = Array(lhs.unicodeScalars)
            let b = Array(rhs.unicodeScalars)
            var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { table[i][0] = i }
            for j in 0...b.count { table[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                    }
                }
            }
            return table[a.count][b.count]
        }
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
