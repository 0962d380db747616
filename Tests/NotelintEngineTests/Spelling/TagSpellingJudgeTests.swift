import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintSpelling

extension SpellingTests {
    @Suite("Tag spelling judgement")
    struct TagSpellingJudgeTests {
        private let dictionary = FixedDictionary(
            words: ["decision", "making", "power", "war", "warfare", "game", "games", "strategy", "relations", "Paris", "NATO"],
            suggestions: [
                "calculu": ["calculi", "calculus", "calculous"],
                "stratgy": ["strategy", "stratify"],
                "kubernetes": ["rubbernecks"],
                "nodejs": ["nodes", "node's"],
                "openai": ["open ai", "open-ai", "opening"],
                "javascript": ["java script", "JavaScript"],
                "backend": ["backed", "backbend", "back end"],
                "wra": ["war", "wrap"],
                "powr": ["pow", "power", "pour"],
            ])

        private func judge(
            vocabulary: [String] = [], replacements: [TagReplacement] = [], corpus: [String: Int] = [:],
            dictionary: (any WordSpellingDictionary)? = nil
        ) -> TagSpellingJudge {
            TagSpellingJudge(
                index: TagIndex(
                    vocabularies: [TagVocabulary(file: "tags.txt", tags: vocabulary)],
                    replacementLists: [TagReplacementList(file: "fixes.txt", replacements: replacements)],
                    corpusUses: corpus),
                dictionary: dictionary)
        }

        @Test func aDictionaryThatCannotBeLoadedActsAsNone() {
            // No language configured: the checker cannot load. Corpus evidence must still be reported, as with no
            // dictionary at all, instead of every word counting as plausible.
            let unavailable = LazySpellChecker(configuration: SpellCheckerConfiguration(languages: []))
            #expect(!unavailable.isAvailable)
            let corpus = ["quantum-computing": 3]
            let without = judge(corpus: corpus).judge("quantum-computin", selfUses: 0)
            #expect(without?.suggestion == "quantum-computing")
            #expect(judge(corpus: corpus, dictionary: unavailable).judge("quantum-computin", selfUses: 0) == without)
        }

        // MARK: Accepted

        @Test func vocabularyTagsAreAccepted() {
            #expect(judge(vocabulary: ["kubernetes"], dictionary: dictionary).judge("kubernetes", selfUses: 1) == nil)
        }

        @Test func tagsUsedByEnoughOtherNotesAreAccepted() {
            let judge = judge(corpus: ["devops": 3], dictionary: dictionary)
            #expect(judge.judge("devops", selfUses: 1) == nil)
        }

        @Test func aTagDoesNotVouchForItself() {
            // Two uses, one of them the checked note's own: only one other note.
            let judge = judge(corpus: ["decision-making-calculus": 5, "decision-making-calculu": 2])
            #expect(
                judge.judge("decision-making-calculu", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "decision-making-calculu", suggestion: "decision-making-calculus",
                        evidence: .corpus(uses: 5), reason: .truncation))
            #expect(judge.judge("decision-making-calculu", selfUses: 0) == nil)
        }

        @Test func properNounsAreAcceptedThroughVocabularyOrCorpus() {
            let judge = judge(vocabulary: ["openai", "llm"], corpus: ["kubernetes": 4], dictionary: dictionary)
            for tag in ["openai", "llm", "kubernetes"] {
                #expect(judge.judge(tag, selfUses: 1) == nil, "\(tag)")
            }
        }

        @Test func aCaseOnlyDifferenceIsLeftToAnotherRule() {
            let judge = judge(vocabulary: ["OpenAI"], corpus: ["machine-learning": 6], dictionary: dictionary)
            #expect(judge.judge("openai", selfUses: 1) == nil)
            #expect(judge.judge("Machine-Learning", selfUses: 1) == nil)
        }

        @Test func aRareButCorrectlySpelledTagIsAccepted() {
            let judge = judge(corpus: ["warfare": 8, "games": 5, "power": 1], dictionary: dictionary)
            #expect(judge.judge("war", selfUses: 1) == nil)
            #expect(judge.judge("game", selfUses: 1) == nil)
            #expect(judge.judge("power", selfUses: 1) == nil)
            #expect(judge.judge("strategy", selfUses: 1) == nil)
        }

        @Test func cjkTagsGetOnlyVocabularyAndCorpusChecks() {
            let counting = FixedDictionary(words: [])
            let judge = judge(corpus: ["越南战争": 6, "中华人民共和国": 4], dictionary: counting)
            #expect(judge.judge("朝鲜战争", selfUses: 1) == nil)
            #expect(judge.judge("中华人民共和", selfUses: 1) == nil)
            #expect(counting.lookupCount == 0)
        }

        @Test func cjkTagsStillFollowTheReplacementList() {
            let judge = judge(replacements: [TagReplacement(wrong: "中共", right: "中国共产党", file: "fixes.txt", line: 1)])
            #expect(judge.judge("中共", selfUses: 1)?.suggestion == "中国共产党")
        }

        @Test func knownTagsNeverConsultTheDictionary() {
            let counting = FixedDictionary(words: [])
            let judge = judge(vocabulary: ["power"], corpus: ["war": 3], dictionary: counting)
            #expect(judge.judge("power", selfUses: 1) == nil)
            #expect(judge.judge("war", selfUses: 1) == nil)
            #expect(counting.lookupCount == 0)
        }

        // MARK: Findings from known tags

        @Test func aReplacementListEntryWinsEvenOverCorpusFrequency() {
            let judge = judge(
                replacements: [TagReplacement(wrong: "geopolitcs", right: "geopolitics", file: "fixes.txt", line: 3)],
                corpus: ["geopolitcs": 12])
            #expect(
                judge.judge("geopolitcs", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "geopolitcs", suggestion: "geopolitics", evidence: .replacementList(file: "fixes.txt"),
                        reason: .knownMistake))
        }

        @Test func aTruncatedTagPointsAtTheVocabularyTag() {
            let judge = judge(vocabulary: ["decision-making-calculus"])
            #expect(
                judge.judge("decision-making-calculu", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "decision-making-calculu", suggestion: "decision-making-calculus",
                        evidence: .vocabulary(file: "tags.txt"), reason: .truncation))
        }

        @Test func aTagEndingOnAWordBoundaryIsNotATruncation() {
            let judge = judge(corpus: ["china-analysis": 7])
            #expect(judge.judge("china", selfUses: 1) == nil)
        }

        @Test func aNearMissPointsAtTheKnownTag() {
            let judge = judge(corpus: ["machine-learning": 7, "relations": 3])
            #expect(
                judge.judge("machine-learnign", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "machine-learnign", suggestion: "machine-learning", evidence: .corpus(uses: 7),
                        reason: .nearMiss(distance: 1)))
            #expect(judge.judge("machinelearning", selfUses: 1)?.suggestion == "machine-learning")
            #expect(judge.judge("relatoins", selfUses: 1)?.reason == .nearMiss(distance: 1))
        }

        @Test func shortTagsGetOneEditLongTagsTwo() {
            let judge = judge(corpus: ["powerful": 4, "relations": 4])
            #expect(judge.judge("pwoerfl", selfUses: 1) == nil)  // 7 scalars, 2 edits
            #expect(judge.judge("relatoin", selfUses: 1)?.reason == .nearMiss(distance: 2))  // 8 scalars
        }

        @Test func veryShortTagsAreNotGuessedAt() {
            let judge = judge(corpus: ["ai": 9, "ui": 9, "aws": 9])
            #expect(judge.judge("ui", selfUses: 0) == nil)
            #expect(judge.judge("ux", selfUses: 1) == nil)
            #expect(judge.judge("awz", selfUses: 1) == nil)
        }

        @Test func rareTagsAreNotSuggested() {
            let judge = judge(corpus: ["decision-making-calculus": 1])
            #expect(judge.judge("decision-making-calculu", selfUses: 1) == nil)
        }

        // MARK: Findings from the dictionary

        @Test func theDictionaryCompletesACutOffWord() {
            #expect(
                judge(dictionary: dictionary).judge("decision-making-calculu", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "decision-making-calculu", suggestion: "decision-making-calculus", evidence: .dictionary,
                        reason: .misspelledWord("calculu")))
        }

        @Test func theDictionaryCorrectsCommonSlips() {
            let judge = judge(dictionary: dictionary)
            #expect(judge.judge("war-stratgy", selfUses: 1)?.suggestion == "war-strategy")
            #expect(judge.judge("war-powr", selfUses: 1)?.suggestion == "war-power")
            #expect(judge.judge("wra-strategy", selfUses: 1)?.suggestion == "war-strategy")
        }

        @Test func aShortTagOfOneWordIsNotCorrectedByTheDictionaryAlone() {
            // With no other word to show it is English, a short unknown word is more often a name than a slip.
            let judge = judge(dictionary: dictionary)
            #expect(judge.judge("powr", selfUses: 1) == nil)
            #expect(judge.judge("wra", selfUses: 1) == nil)
        }

        @Test func everyCorrectableWordIsCorrected() {
            let finding = judge(dictionary: dictionary).judge("stratgy-calculu-kubernetes", selfUses: 1)
            #expect(finding?.suggestion == "strategy-calculus-kubernetes")
            #expect(finding?.reason == .misspelledWord("stratgy"))
        }

        @Test func noFindingWithoutAGoodSuggestion() {
            let judge = judge(dictionary: dictionary)
            #expect(judge.judge("kubernetes", selfUses: 1) == nil)  // only a far-off suggestion
            #expect(judge.judge("nodejs", selfUses: 1) == nil)  // one extra letter: more likely a name
            #expect(judge.judge("backend", selfUses: 1) == nil)  // the best guess is no common slip
            #expect(judge.judge("zettelkasten", selfUses: 1) == nil)  // no suggestion at all
        }

        @Test func wordsTheDictionaryKnowsInAnotherFormAreAccepted() {
            let judge = judge(dictionary: dictionary)
            #expect(judge.judge("paris", selfUses: 1) == nil)
            #expect(judge.judge("nato-power", selfUses: 1) == nil)
            #expect(judge.judge("javascript", selfUses: 1) == nil)
            #expect(judge.judge("openai", selfUses: 1) == nil)
        }

        @Test func wordsOfOtherKnownTagsAreAccepted() {
            let judge = judge(corpus: ["kubernetes-operators": 3], dictionary: dictionary)
            #expect(judge.judge("kubernetes-power", selfUses: 1) == nil)
        }

        @Test func numbersShortWordsAndAbbreviationsAreNotSpellChecked() {
            let counting = FixedDictionary(words: [])
            let judge = judge(dictionary: counting)
            for tag in ["2024", "gpt-4o", "k8s", "ai-ml", "llm-nlp", "c++"] {
                #expect(judge.judge(tag, selfUses: 1) == nil, "\(tag)")
            }
            #expect(counting.lookupCount == 0)
        }

        @Test func otherAlphabetsNeverReachTheDictionary() {
            let counting = FixedDictionary(words: [])
            let judge = judge(corpus: ["политика": 5], dictionary: counting)
            #expect(judge.judge("полтика", selfUses: 1)?.suggestion == "политика")
            #expect(judge.judge("история", selfUses: 1) == nil)
            #expect(counting.lookupCount == 0)
        }

        // MARK: Kinds of slip

        /// The words of the slip tests: every intended tag is made of them.
        private let english = FixedDictionary(
            words: [
                "quantum", "computing", "labor", "market", "sleep", "competition", "comp", "petition", "climate",
                "policy", "games", "reading", "read", "action", "agent", "brand", "crustacean", "canal", "diploma",
                "diplomacy", "cu", "open", "ai",
            ],
            suggestions: [
                "readi": ["read i", "ready", "reading"],
                "compe": ["comp", "come"], "tition": ["petition"],
                "rustacean": ["crustacean"],
                "actioned": ["auctioned"],
                "comppetition": ["competition", "comp petition"],
            ])

        @Test func aDoubledLetterIsASlipEvenWhenTheWordSplitsIntoTwo() {
            // `comppetition` is `comp` + `petition`, but a doubled letter beside a used tag is a slip.
            let judge = judge(corpus: ["competition": 3, "quantum-computing": 2], dictionary: english)
            #expect(judge.judge("comppetition", selfUses: 1)?.suggestion == "competition")
            #expect(judge.judge("quanttum-computing", selfUses: 1)?.reason == .nearMiss(distance: 1))
            // Without the collection's evidence, the dictionary's best guess is a doubled letter away: also a slip.
            #expect(self.judge(dictionary: english).judge("comppetition", selfUses: 1)?.suggestion == "competition")
        }

        @Test func aMissingHyphenIsFoundThoughBothWordsAreWords() {
            let trusted = judge(corpus: ["labor-market": 2], dictionary: english)
            #expect(
                trusted.judge("labormarket", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "labormarket", suggestion: "labor-market", evidence: .corpus(uses: 2),
                        reason: .nearMiss(distance: 1)))
            // One other note is not enough alone; with the dictionary knowing both words it is.
            let once = judge(corpus: ["labor-market": 1, "labormarket": 1], dictionary: english)
            #expect(once.judge("labormarket", selfUses: 1)?.evidence == .corpusAndDictionary(uses: 1))
            #expect(judge(corpus: ["labor-market": 1, "labormarket": 1]).judge("labormarket", selfUses: 1) == nil)
        }

        @Test func oneOtherNoteAndTheDictionaryTogetherAreEvidence() {
            let judge = judge(corpus: ["climate-policy": 1, "climate-plicy": 1], dictionary: english)
            #expect(
                judge.judge("climate-plicy", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "climate-plicy", suggestion: "climate-policy", evidence: .corpusAndDictionary(uses: 1),
                        reason: .nearMiss(distance: 1)))
            // A tag used by more notes than the one it would be corrected to is not corrected to it.
            let moreUsed = self.judge(corpus: ["climate-policy": 1, "climate-plicy": 2], dictionary: english)
            #expect(moreUsed.judge("climate-plicy", selfUses: 1) == nil)
        }

        @Test func aShortCutOffTagIsFoundFromTheCollection() {
            let judge = judge(corpus: ["sleep": 4, "ai": 9])
            #expect(judge.judge("sle", selfUses: 1) == TagSpellingFinding(
                tag: "sle", suggestion: "sleep", evidence: .corpus(uses: 4), reason: .truncation))
            #expect(judge.judge("a", selfUses: 1) == nil)
        }

        @Test func aCompletionIsPreferredOverASplit() {
            // Hunspell's first suggestion for `readi` is `read i`; the completion `reading` is further down.
            #expect(judge(dictionary: english).judge("games-readi", selfUses: 1)?.suggestion == "games-reading")
        }

        @Test func aWordSplitByAHyphenIsJoined() {
            let finding = judge(dictionary: english).judge("compe-tition", selfUses: 1)
            #expect(finding?.suggestion == "competition")
            #expect(finding?.evidence == .dictionary)
        }

        @Test func aFrontCutNeedsTheCollection() {
            // `rustacean` is `crustacean` without its first letter: a word of its own unless the collection says so.
            #expect(judge(dictionary: english).judge("rustacean", selfUses: 1) == nil)
            #expect(judge(corpus: ["crustacean": 3], dictionary: english).judge("rustacean", selfUses: 1)?.suggestion == "crustacean")
        }

        @Test func aDictionaryWordWithAnAffixIsLeftAlone() {
            // `action` + `ed`, `agent` + `ic`: the writer's derivations, not slips of the dictionary's guesses.
            let judge = judge(dictionary: english)
            #expect(judge.judge("actioned", selfUses: 1) == nil)
            #expect(judge.judge("agentic", selfUses: 1) == nil)
        }

        @Test func aNearMissMustBeATypingSlip() {
            // `k` for `c` is no neighbouring key, and a letter added after a whole known tag makes another form of it.
            let judge = judge(vocabulary: ["opentelemetry"], corpus: ["canal": 3, "brand": 5])
            #expect(judge.judge("kanal", selfUses: 1) == nil)
            #expect(judge.judge("opentelemetrys", selfUses: 1) == nil)
            #expect(judge.judge("canall", selfUses: 1)?.suggestion == "canal")
            // A word without vowels is no abbreviation when a used tag is one slip away.
            #expect(judge.judge("brnd", selfUses: 1)?.suggestion == "brand")
        }

        @Test func aCompoundExcusesASlipOnlyFromANameNotFromWords() {
            // `diplomacu` is `diploma` + `cu`, still a slip of a tag made of dictionary words.
            let judge = judge(corpus: ["diplomacy": 5, "openapi": 30], dictionary: english)
            #expect(judge.judge("diplomacu", selfUses: 1)?.suggestion == "diplomacy")
            #expect(judge.judge("openai", selfUses: 1) == nil)
        }

        @Test func aTypoThatIsARealWordIsLeftAlone() {
            // Every word is a dictionary word, so `games` is a different tag, not the intended spelling.
            let judge = judge(corpus: ["games": 5], dictionary: dictionary)
            #expect(judge.judge("game", selfUses: 1) == nil)
            // Without a dictionary the same tag has no evidence for it, and the near miss stands.
            #expect(self.judge(corpus: ["games": 5]).judge("game", selfUses: 1)?.suggestion == "games")
        }
    }
}
