import Testing

@testable import NotelintCore
@testable import NotelintSpelling
@testable import NotelintText

extension SpellingTests {
    /// An index adjusted by a few notes' tags must answer every question exactly as an index built over the changed
    /// counts: the editor's server and the fixer rely on it instead of building the index again.
    @Suite("Adjusted tag index")
    struct AdjustedTagIndexTests {
        private let letters: [Character] = ["a", "A", "b", "c", "-", "é"]

        private func randomTag(_ generator: inout SeededGenerator) -> String {
            String((0..<Int.random(in: 1...7, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
        }

        /// The counts `changes` leave: a tag no note uses any more is gone.
        private func applying(_ changes: [String: Int], to uses: [String: Int]) -> [String: Int] {
            var result = uses
            for (tag, change) in changes {
                let total = result[tag, default: 0] + change
                result[tag] = total > 0 ? total : nil
            }
            return result
        }

        private func expectSameAnswers(_ adjusted: TagIndex, _ built: TagIndex, queries: [String], _ comment: Comment) {
            #expect(adjusted.count == built.count, comment)
            for query in queries {
                #expect(adjusted.knownTag(query) == built.knownTag(query), comment)
                #expect(adjusted.uses(of: query) == built.uses(of: query), comment)
                for minimumUses in 1...3 {
                    let prefix = String(query.prefix(2))
                    #expect(adjusted.knownTags(extending: prefix, minimumUses: minimumUses)
                        == built.knownTags(extending: prefix, minimumUses: minimumUses), comment)
                    for distance in 1...2 {
                        #expect(adjusted.nearMisses(of: query, within: distance, minimumUses: minimumUses)
                            == built.nearMisses(of: query, within: distance, minimumUses: minimumUses), comment)
                    }
                    for word in TagText.words(of: query) where !word.isEmpty {
                        #expect(adjusted.isKnownWord(String(word), outside: query, minimumUses: minimumUses)
                            == built.isKnownWord(String(word), outside: query, minimumUses: minimumUses), comment)
                    }
                }
            }
        }

        @Test func answersAsAnIndexBuiltOverTheChangedCounts() {
            var generator = SeededGenerator(seed: 15)
            var uses: [String: Int] = [:]
            for _ in 0..<250 { uses[randomTag(&generator)] = Int.random(in: 1...4, using: &generator) }
            let corpusTags = Array(uses.keys).sorted()
            let vocabulary = TagVocabulary(file: "tags.txt", tags: (0..<20).map { _ in randomTag(&generator) })
            let replacements = TagReplacementList(file: "fixes.txt", replacements: (0..<10).map { line in
                TagReplacement(
                    wrong: corpusTags.randomElement(using: &generator)!, right: randomTag(&generator), file: "fixes.txt",
                    line: line + 1)
            })
            let base = TagIndex(vocabularies: [vocabulary], replacementLists: [replacements], corpusUses: uses)
            _ = base.nearMisses(of: "abc", within: 2, minimumUses: 1)
            for round in 0..<40 {
                // A note's tags: some known (counted up, or down to nothing), some new, in any letter case.
                var changes: [String: Int] = [:]
                for _ in 0..<Int.random(in: 1...6, using: &generator) {
                    let known = Bool.random(using: &generator)
                    let tag = known ? corpusTags.randomElement(using: &generator)! : randomTag(&generator)
                    changes[tag] = known && Bool.random(using: &generator) ? -uses[tag]! : Int.random(in: -1...2, using: &generator)
                }
                let built = TagIndex(
                    vocabularies: [vocabulary], replacementLists: [replacements], corpusUses: applying(changes, to: uses))
                let adjusted = base.adjusted(by: changes)
                let queries = Array(changes.keys) + (0..<30).map { _ in randomTag(&generator) } + corpusTags.prefix(30)
                expectSameAnswers(adjusted, built, queries: queries, "round \(round): \(changes)")

                let dictionary = FixedDictionary(words: ["a", "ab", "abc", "cab", "bé"], suggestions: ["aé": ["ab"]])
                let builtJudge = TagSpellingJudge(index: built, dictionary: dictionary)
                let adjustedJudge = TagSpellingJudge(index: base, dictionary: dictionary).adjusted(by: changes)
                for tag in queries {
                    #expect(adjustedJudge.judge(tag, selfUses: 1) == builtJudge.judge(tag, selfUses: 1), "round \(round): \(tag)")
                }
            }
        }

        @Test func adjustmentsAddUp() {
            let uses = ["strategy": 3, "Strategy": 1, "war": 2]
            let first = ["strategy": -3, "stratgy": 1]
            let second = ["Strategy": 2, "stratgy": -1, "peace": 1]
            let adjusted = TagIndex(corpusUses: uses).adjusted(by: first).adjusted(by: second)
            let built = TagIndex(corpusUses: applying(second, to: applying(first, to: uses)))
            expectSameAnswers(adjusted, built, queries: ["strategy", "stratgy", "Strategy", "peace", "war", "wra"], "")
            #expect(adjusted.knownTag("STRATEGY")?.tag == "Strategy")
            #expect(adjusted.knownTag("stratgy") == nil)
        }

        @Test func anAdjustedIndexSharesTheNearMissIndex() {
            let base = TagIndex(corpusUses: ["strategy": 4, "relations": 3])
            for _ in 0...TagIndex.nearMissScans { _ = base.nearMisses(of: "stratgy", within: 1, minimumUses: 1) }
            let adjusted = base.adjusted(by: ["relatoins": 1])
            #expect(adjusted.hasBuiltNearMissIndex)
            #expect(adjusted.nearMisses(of: "relatoins", within: 1, minimumUses: 2).map(\.known.tag) == ["relations"])
            #expect(adjusted.knownTag("relatoins")?.uses == 1)
            #expect(base.knownTag("relatoins") == nil)
        }

        @Test func aCorpusChangedByOneNoteCountsAsTheWholeCount() {
            let whole = TagCorpus(uses: ["strategy": 3, "war": 1, "peace": 2])
            var note = TagCounter()
            note.add(["war", "stratgy"])
            let typed = whole.counting(note)
            #expect(typed.base === whole)
            #expect(typed.uses == ["strategy": 3, "war": 2, "peace": 2, "stratgy": 1])
            #expect(typed.uses(of: "stratgy") == 1)
            #expect(typed.uses(of: "missing") == nil)
            // A fix of the typed note: its tags change again, still against the whole count.
            let fixed = typed.adjusted(removing: ["war", "stratgy"], adding: ["war", "strategy"])
            #expect(fixed.base === whole)
            #expect(fixed.uses == ["strategy": 4, "war": 2, "peace": 2])
            #expect(fixed === typed.adjusted(removing: ["stratgy", "war"], adding: ["strategy", "war"]))
            let dropped = whole.adjusted(removing: ["war", "war", "unused"], adding: [])
            #expect(dropped.uses == ["strategy": 3, "peace": 2])
        }
    }
}
