import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintSpelling
@testable import NotelintText

extension SpellingTests {
    @Suite("Tag index")
    struct TagIndexTests {
        private let vocabulary = TagVocabulary(file: "tags.txt", tags: ["OpenAI", "decision-making-calculus"])
        private let replacements = TagReplacementList(
            file: "fixes.txt",
            replacements: [TagReplacement(wrong: "geopolitcs", right: "geopolitics", file: "fixes.txt", line: 1)])

        @Test func mergesCaseSpellingsIntoOneEntry() throws {
            let index = TagIndex(vocabularies: [vocabulary], corpusUses: ["openai": 3, "OpenAI": 1, "war": 2])
            let openai = try #require(index.knownTag("OPENAI"))
            #expect(openai.tag == "OpenAI")
            #expect(openai.spellings == ["OpenAI", "openai"])
            #expect(openai.uses == 4)
            #expect(openai.evidence == .vocabulary(file: "tags.txt"))
            #expect(index.uses(of: "openai") == 3)
            #expect(index.knownTag("war")?.evidence == .corpus(uses: 2))
            #expect(index.knownTag("peace") == nil)
        }

        @Test func theCorpusSpellingUsedMostIsSuggested() {
            let index = TagIndex(corpusUses: ["Machine-Learning": 2, "machine-learning": 5])
            #expect(index.knownTag("machine-learning")?.tag == "machine-learning")
        }

        @Test func replacementListsNameMistakesAndTheirCorrections() throws {
            let index = TagIndex(replacementLists: [replacements], corpusUses: ["geopolitcs": 4])
            #expect(index.replacement(for: "Geopolitcs")?.right == "geopolitics")
            let mistake = try #require(index.knownTag("geopolitcs"))
            #expect(mistake.isKnownMistake)
            #expect(!mistake.isTrusted(minimumUses: 1))
            #expect(index.knownTag("geopolitics")?.evidence == .replacementList(file: "fixes.txt"))
        }

        @Test func prefixSearchFindsTheTagsAQueryCutsShort() {
            let index = TagIndex(
                vocabularies: [vocabulary],
                corpusUses: ["decision-making": 9, "decision-makers": 9, "decision-making-calculus": 1, "deci": 50])
            let found = index.knownTags(extending: "decision-mak", minimumUses: 2).map(\.tag)
            // Most used first, then shortest; the vocabulary tag qualifies whatever its uses.
            #expect(found == ["decision-makers", "decision-making", "decision-making-calculus"])
            #expect(index.knownTags(extending: "decision-making-calculus", minimumUses: 1).isEmpty)
            #expect(index.knownTags(extending: "DECISION-MAKING-CALCULU", minimumUses: 1).map(\.tag) == ["decision-making-calculus"])
            #expect(index.knownTags(extending: "zzz", minimumUses: 1).isEmpty)
        }

        @Test func prefixSearchSkipsTagsWithTooFewUses() {
            let index = TagIndex(corpusUses: ["strategy": 1, "strategic": 3])
            #expect(index.knownTags(extending: "strateg", minimumUses: 2).map(\.tag) == ["strategic"])
        }

        @Test func nearMissesWithinOneAndTwoEdits() {
            let index = TagIndex(corpusUses: ["relations": 5, "relation": 2, "revelations": 3, "strategy": 4])
            let one = index.nearMisses(of: "relatoins", within: 1, minimumUses: 2)
            #expect(one.map(\.known.tag) == ["relations"])
            #expect(one.map(\.distance) == [1])
            let two = index.nearMisses(of: "relatoins", within: 2, minimumUses: 2)
            #expect(two.map(\.known.tag) == ["relations", "relation"])
            #expect(two.map(\.distance) == [1, 2])
            #expect(index.nearMisses(of: "relatoins", within: 2, minimumUses: 3).map(\.known.tag) == ["relations"])
        }

        @Test func nearMissesIgnoreCaseAndTheTagItself() {
            let index = TagIndex(corpusUses: ["Strategy": 4, "strategy": 1])
            #expect(index.nearMisses(of: "strategy", within: 2, minimumUses: 1).isEmpty)
            #expect(index.nearMisses(of: "STRATGY", within: 1, minimumUses: 1).map(\.known.tag) == ["Strategy"])
        }

        /// Found by fuzzing: a long tag of one repeated letter has thousands of identical deletion variants, and
        /// each was looked up in a bucket holding thousands of copies of itself (a 130-letter tag took 14 s, and
        /// the time grows with the fourth power of the length).
        @Test func nearMissesOfARepeatedLetterAreQuick() {
            let long = String(repeating: "h", count: 200)
            let index = TagIndex(corpusUses: [long: 3, "hh": 3])
            let started = ContinuousClock.now
            #expect(index.nearMisses(of: long, within: 2, minimumUses: 2).isEmpty)
            #expect(index.nearMisses(of: String(long.dropLast()), within: 2, minimumUses: 2).map(\.distance) == [1])
            #expect(index.nearMisses(of: String(long.dropLast(2)) + "gg", within: 2, minimumUses: 2).map(\.known.tag) == [long])
            #expect(index.nearMisses(of: long + "hhh", within: 2, minimumUses: 2).isEmpty)
            #expect(ContinuousClock.now - started < .seconds(10))
        }

        @Test func nearMissDistanceIsCappedByTheIndex() {
            let index = TagIndex(corpusUses: ["abcdef": 3], maximumEditDistance: 1)
            #expect(index.nearMisses(of: "abcdxy", within: 2, minimumUses: 1).isEmpty)
            #expect(index.nearMisses(of: "abcdex", within: 2, minimumUses: 1).map(\.distance) == [1])
        }

        @Test func theNearMissIndexIsBuiltOnlyOnceSearchesPayForIt() {
            let index = TagIndex(corpusUses: ["strategy": 4])
            _ = index.knownTag("strategy")
            _ = index.knownTags(extending: "strat", minimumUses: 1)
            #expect(!index.hasBuiltNearMissIndex)
            for _ in 0..<TagIndex.nearMissScans {
                #expect(index.nearMisses(of: "stratgy", within: 1, minimumUses: 1).map(\.known.tag) == ["strategy"])
            }
            #expect(!index.hasBuiltNearMissIndex)
            #expect(index.nearMisses(of: "stratgy", within: 1, minimumUses: 1).map(\.known.tag) == ["strategy"])
            #expect(index.hasBuiltNearMissIndex)
        }

        @Test func aScanFindsWhatTheIndexFinds() {
            // Tags and their slips, drawn from a fixed generator: the first searches scan, the same again use the index.
            var generator = SeededGenerator(seed: 7)
            let letters = Array("abcdefghij-")
            var uses: [String: Int] = [:]
            for _ in 0..<400 {
                let length = 3 + Int(generator.next() % 8)
                uses[String((0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }), default: 0] += 1 + Int(generator.next() % 3)
            }
            let tags = uses.keys.sorted()
            let queries = (0..<TagIndex.nearMissScans).map { number -> String in
                var scalars = Array(tags[number * 7 % tags.count])
                scalars[Int(generator.next() % UInt64(scalars.count))] = letters[Int(generator.next() % UInt64(letters.count))]
                return String(scalars)
            }
            let index = TagIndex(corpusUses: uses, maximumEditDistance: 2)
            let scanned = queries.map { index.nearMisses(of: $0, within: 2, minimumUses: 1).map { "\($0.known.tag):\($0.distance)" } }
            #expect(!index.hasBuiltNearMissIndex)
            let indexed = queries.map { index.nearMisses(of: $0, within: 2, minimumUses: 1).map { "\($0.known.tag):\($0.distance)" } }
            #expect(index.hasBuiltNearMissIndex)
            #expect(scanned == indexed)
            #expect(scanned.contains { $0.count > 1 })
        }

        @Test func knownWordsComeFromOtherTrustedTags() {
            let index = TagIndex(corpusUses: ["llm-agents": 3, "devops-tools": 1, "calculu": 5])
            #expect(index.isKnownWord("LLM", outside: "llm", minimumUses: 2))
            #expect(!index.isKnownWord("devops", outside: "devops", minimumUses: 2))
            #expect(!index.isKnownWord("calculu", outside: "calculu", minimumUses: 2))
            #expect(index.isKnownWord("calculu", outside: "decision-making-calculu", minimumUses: 2))
        }

        @Test func nearMissSearchMatchesABruteForceScan() {
            var generator = SeededGenerator(seed: 42)
            let letters: [Character] = ["a", "b", "c", "d", "e", "-", "é", "中"]
            func randomTag() -> String {
                String((0..<Int.random(in: 1...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            }
            var uses: [String: Int] = [:]
            for _ in 0..<600 { uses[randomTag()] = Int.random(in: 1...4, using: &generator) }
            let index = TagIndex(corpusUses: uses)
            for _ in 0..<200 {
                let query = randomTag()
                for distance in 1...2 {
                    let found = Set(index.nearMisses(of: query, within: distance, minimumUses: 2).map(\.known.tag))
                    let expected = Set(
                        uses.filter { tag, count in
                            guard count >= 2, tag != query, let edits = EditDistance.between(tag, query, metric: .optimalStringAlignment, limit: distance)
                            else { return false }
                            return edits > 0
                        }.keys)
                    #expect(found == expected, "\(query) within \(distance)")
                }
            }
        }

        @Test func prefixSearchMatchesABruteForceScan() {
            var generator = SeededGenerator(seed: 3)
            let letters: [Character] = ["a", "b", "-", "ü"]
            var uses: [String: Int] = [:]
            for _ in 0..<300 {
                uses[String((0..<Int.random(in: 1...6, using: &generator)).map { _ in letters.randomElement(using: &generator)! })] = 1
            }
            let index = TagIndex(corpusUses: uses)
            for query in ["a", "ab", "b-", "ü", "aba", "-"] {
                let expected = uses.keys.filter { $0.unicodeScalars.starts(with: query.unicodeScalars) && $0 != query }
                #expect(Set(index.knownTags(extending: query, minimumUses: 1).map(\.tag)) == Set(expected))
            }
        }
    }
}

