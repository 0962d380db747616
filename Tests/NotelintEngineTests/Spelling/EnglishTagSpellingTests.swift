import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintSpelling

extension SpellingTests {
    /// The judge with the real en_US Hunspell dictionary and no vocabulary or corpus: the dictionary alone.
    @Suite("Tag spelling with the English dictionary", .enabled(if: hasEnglishDictionary))
    struct EnglishTagSpellingTests {
        private let judge = TagSpellingJudge(index: TagIndex(), dictionary: LazySpellChecker.shared(for: .init()))

        @Test func theSeedNotesTruncatedTagIsCompleted() {
            #expect(
                judge.judge("decision-making-calculu", selfUses: 1)
                    == TagSpellingFinding(
                        tag: "decision-making-calculu", suggestion: "decision-making-calculus", evidence: .dictionary,
                        reason: .misspelledWord("calculu")))
        }

        @Test(arguments: [
            "power", "relations", "strategy", "war", "analysis", "geopolitics", "china-analysis", "us-analysis",
            "historical-insights", "leadership", "machine-learning", "open-source", "cold-war", "nato", "taiwan",
        ])
        func commonTagsAreAccepted(tag: String) {
            #expect(judge.judge(tag, selfUses: 1) == nil)
        }

        @Test(arguments: [
            "kubernetes", "llm", "devops", "openai", "crypto", "fintech", "javascript", "github", "frontend",
            "backend", "nodejs", "golang", "numpy", "saas", "postgres", "zettelkasten", "gpt-4o", "k8s",
        ])
        func wordsTheDictionaryLacksAreNotFlagged(tag: String) {
            #expect(judge.judge(tag, selfUses: 1) == nil)
        }

        @Test(arguments: [
            ("stratgy", "strategy"), ("histroy", "history"), ("geopolitcs", "geopolitics"),
            ("deploymnet", "deployment"), ("neurosciense", "neuroscience"), ("leadershp", "leadership"),
            ("war-strateg", "war-strategy"),
        ])
        func commonTyposAreCorrected(typo: String, correction: String) {
            #expect(judge.judge(typo, selfUses: 1)?.suggestion == correction)
        }

        /// Hunspell lists `govern an` before `governance`: the completion wins over the split.
        @Test(arguments: [
            ("comppetition", "competition"), ("compe-tition", "competition"), ("war-governan", "war-governance"),
            ("power-algorit", "power-algorithm"), ("quanttum-computing", "quantum-computing"),
        ])
        func doubledLettersSplitWordsAndCutsAreCorrected(typo: String, correction: String) {
            #expect(judge.judge(typo, selfUses: 1)?.suggestion == correction)
        }

        /// Words people use as tags that the dictionary lacks, one slip or an affix away from a word it has.
        @Test(arguments: ["rustacean", "actioned", "agentic", "bootstrapper", "uncompress", "subsetting", "epel", "gobin"])
        func coinedWordsAreNotFlagged(tag: String) {
            #expect(judge.judge(tag, selfUses: 1) == nil)
        }
    }
}
