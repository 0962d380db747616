import Dispatch
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintSpelling

/// Whether the system has the en_US dictionary the package's providers install.
let hasEnglishDictionary: Bool = {
    if case .success = HunspellDictionaryLocator().locate("en_US") { return true }
    return false
}()

extension SpellingTests {
    @Suite("Hunspell spell checker")
    struct SpellCheckerTests {
        @Test func spellsAndSuggestsWithAFolderDictionary() throws {
            let folder = TemporaryDictionaryFolder()
            folder.writeDictionary(language: "xx_TEST", words: ["apple", "banana", "cherry"])
            let checker = try SpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx-TEST"], extraFolders: [folder.path], searchesStandardFolders: false))
            #expect(checker.dictionaryFiles.map(\.affixPath) == [folder.path + "/xx_TEST.aff"])
            #expect(checker.isCorrect("banana"))
            #expect(!checker.isCorrect("bananna"))
            #expect(checker.suggestions(for: "bananna").first == "banana")
            #expect(checker.suggestions(for: "banana").isEmpty)
        }

        @Test func personalWordsAreAccepted() throws {
            let folder = TemporaryDictionaryFolder()
            folder.writeDictionary(language: "xx_TEST", words: ["apple"])
            let checker = try SpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx_TEST"], extraFolders: [folder.path], searchesStandardFolders: false,
                    personalWords: PersonalWordList.words(in: "# tools\nkubernetes\n")))
            #expect(checker.isCorrect("kubernetes"))
            #expect(!checker.isCorrect("zettelkasten"))
            checker.add("zettelkasten")
            #expect(checker.isCorrect("zettelkasten"))
        }

        @Test func aLatin1DictionaryIsConvertedBothWays() throws {
            let folder = TemporaryDictionaryFolder()
            folder.writeDictionary(
                language: "xx_LATIN", affix: Array("SET ISO8859-1\nTRY aefcé\n".utf8),
                words: [[0x63, 0x61, 0x66, 0xE9]])  // "café" in ISO8859-1
            let checker = try SpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx_LATIN"], extraFolders: [folder.path], searchesStandardFolders: false))
            #expect(checker.isCorrect("café"))
            #expect(checker.suggestions(for: "cafe").contains("café"))
            #expect(!checker.isCorrect("中文"))
            #expect(checker.suggestions(for: "中文").isEmpty)
        }

        @Test func aMissingDictionaryIsAnErrorValue() {
            let folder = TemporaryDictionaryFolder()
            let configuration = SpellCheckerConfiguration(
                languages: ["xx_NONE"], extraFolders: [folder.path], searchesStandardFolders: false)
            #expect(throws: SpellCheckerError.dictionaryNotFound(language: "xx_NONE", searchedFolders: [folder.path])) {
                try SpellChecker(configuration: configuration)
            }
            #expect(throws: SpellCheckerError.noLanguages) {
                try SpellChecker(configuration: SpellCheckerConfiguration(languages: []))
            }
        }

        @Test func standardFoldersIncludeDistributionAndMacFolders() {
            let folders = HunspellDictionaryLocator.standardFolders
            #expect(folders.contains("/usr/share/hunspell"))
            #expect(folders.contains("/usr/share/myspell/dicts"))
            #expect(folders.contains("/opt/homebrew/share/hunspell"))
            #expect(folders.contains("/Library/Spelling"))
            let locator = HunspellDictionaryLocator(extraFolders: ["/my/dictionaries"])
            #expect(locator.searchedFolders.first == "/my/dictionaries")
        }

        @Test(.enabled(if: hasEnglishDictionary)) func englishDictionaryCompletesCalculu() throws {
            let checker = try SpellChecker()
            #expect(!checker.isCorrect("calculu"))
            // Hunspell ranks `calculi` first; the judge's preference for completions picks `calculus`.
            #expect(checker.suggestions(for: "calculu").prefix(2) == ["calculi", "calculus"])
            for word in ["power", "relations", "strategy", "war", "analysis", "geopolitics", "decision", "making"] {
                #expect(checker.isCorrect(word), "\(word)")
            }
        }

        @Test(.enabled(if: hasEnglishDictionary)) func isSafeToShareBetweenThreads() throws {
            let checker = try SpellChecker()
            let words = ["calculu", "stratgy", "power", "histroy", "relatoins", "war"]
            let expected = words.map { checker.suggestions(for: $0) }
            let results = ResultSlots(count: 48)
            DispatchQueue.concurrentPerform(iterations: 48) { iteration in
                let word = words[iteration % words.count]
                results.store(checker.isCorrect(word) ? [] : checker.suggestions(for: word), at: iteration)
            }
            for iteration in 0..<48 {
                #expect(results.value(at: iteration) == expected[iteration % words.count])
            }
        }
    }

    @Suite("Lazily loaded spell checker")
    struct LazySpellCheckerTests {
        @Test func loadsOnFirstUseOnly() throws {
            let folder = TemporaryDictionaryFolder()
            folder.writeDictionary(language: "xx_TEST", words: ["apple"])
            let lazy = LazySpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx_TEST"], extraFolders: [folder.path], searchesStandardFolders: false))
            #expect(!lazy.hasAttemptedLoad)
            #expect(lazy.isCorrect("apple"))
            #expect(lazy.hasAttemptedLoad)
            #expect(lazy.isLoaded)
            #expect(lazy.loadError == nil)
            let first = try lazy.load().get()
            let second = try lazy.load().get()
            #expect(first === second)
        }

        @Test func aMissingDictionaryAcceptsEveryWordAndKeepsTheError() {
            let lazy = LazySpellChecker(
                configuration: SpellCheckerConfiguration(languages: ["xx_NONE"], searchesStandardFolders: false))
            #expect(lazy.isCorrect("anythng"))
            #expect(lazy.suggestions(for: "anythng").isEmpty)
            #expect(lazy.hasAttemptedLoad)
            #expect(!lazy.isLoaded)
            #expect(lazy.loadError == .dictionaryNotFound(language: "xx_NONE", searchedFolders: []))
        }

        @Test func equalConfigurationsShareOneHolder() {
            let configuration = SpellCheckerConfiguration(languages: ["xx_SHARED"], searchesStandardFolders: false)
            #expect(LazySpellChecker.shared(for: configuration) === LazySpellChecker.shared(for: configuration))
            let other = SpellCheckerConfiguration(languages: ["xx_OTHER"], searchesStandardFolders: false)
            #expect(LazySpellChecker.shared(for: configuration) !== LazySpellChecker.shared(for: other))
        }

        @Test func wordsWithInnerCapitalsAreFoundInTheDictionaryFile() throws {
            let folder = TemporaryDictionaryFolder()
            folder.writeDictionary(language: "xx_CAPS", words: ["JavaScript/M", "GitHub", "Paris", "war/S", "NATO"])
            let checker = try SpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx_CAPS"], extraFolders: [folder.path], searchesStandardFolders: false,
                    personalWords: ["OpenAI"]))
            #expect(checker.hasForm(inOtherCaseOf: "javascript"))
            #expect(checker.hasForm(inOtherCaseOf: "github"))
            #expect(checker.hasForm(inOtherCaseOf: "openai"))
            // Capitalised and all-capitals words are found by spelling those forms; a word not listed is not found.
            #expect(!checker.hasForm(inOtherCaseOf: "paris"))
            #expect(!checker.hasForm(inOtherCaseOf: "typescript"))
        }

        @Test func innerCapitalsAreReadFromLatin1Dictionaries() throws {
            let folder = TemporaryDictionaryFolder()
            // "DuBoÎs" in ISO 8859-1: Î is 0xCE.
            folder.writeDictionary(
                language: "xx_LATIN", affix: Array("SET ISO8859-1\n".utf8), words: [[0x44, 0x75, 0x42, 0x6F, 0xCE, 0x73]])
            let checker = try SpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx_LATIN"], extraFolders: [folder.path], searchesStandardFolders: false))
            #expect(checker.hasForm(inOtherCaseOf: "duboîs"))
        }

        @Test func aCutOffTagIsNotExcusedAsTwoWords() throws {
            // Hunspell reads `governan` as `govern an`; as the start of a known tag it is still cut off.
            let judge = TagSpellingJudge(
                index: TagIndex(corpusUses: ["governance": 40, "governan": 1, "openapi": 30, "openai": 1]),
                dictionary: LazySpellChecker.shared(for: SpellCheckerConfiguration()))
            #expect(judge.judge("governan", selfUses: 1)?.suggestion == "governance")
            // Not a cut: one edit from `openapi`, and `open` + `ai` are words, so a name more likely than a typo.
            #expect(judge.judge("openai", selfUses: 1) == nil)
        }

        @Test func judgingKnownTagsNeverLoadsTheDictionary() {
            let folder = TemporaryDictionaryFolder()
            folder.writeDictionary(language: "xx_TEST", words: ["decision", "making", "calculus"])
            let lazy = LazySpellChecker(
                configuration: SpellCheckerConfiguration(
                    languages: ["xx_TEST"], extraFolders: [folder.path], searchesStandardFolders: false))
            let judge = TagSpellingJudge(
                index: TagIndex(
                    vocabularies: [TagVocabulary(file: "tags.txt", tags: ["openai"])],
                    corpusUses: ["power": 4, "war": 3]),
                dictionary: lazy)
            for tag in ["openai", "power", "war", "战争"] { #expect(judge.judge(tag, selfUses: 1) == nil) }
            #expect(!lazy.hasAttemptedLoad)
            #expect(judge.judge("decision-making-calculu", selfUses: 1)?.suggestion == "decision-making-calculus")
            #expect(lazy.isLoaded)
        }
    }
}

/// One slot per concurrent iteration, each written by one thread and read after all finished.
private final class ResultSlots: @unchecked Sendable {
    // @unchecked: slots are guarded by `lock`.
    private let lock = SpellingLock()
    private var slots: [[String]?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: [String], at index: Int) { lock.withLock { slots[index] = value } }

    func value(at index: Int) -> [String]? { lock.withLock { slots[index] } }
}
