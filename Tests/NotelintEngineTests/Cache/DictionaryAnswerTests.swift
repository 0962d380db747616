import Foundation
import Testing

@testable import NotelintCore
@testable import NotelintSpelling
@testable import NotelintText

/// A spelling dictionary's answers kept in the cache folder: a later run judges words met before without loading
/// Hunspell, a new or changed dictionary or word list starts afresh, a damaged file is ignored, and results are
/// the same with and without them.
@Suite("Dictionary answers kept between runs")
struct DictionaryAnswerTests {
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!
    static let words = ["war", "strategy", "power", "relations", "Korean", "JavaScript", "history"]
    /// Accepted as written, capitalised (`korean`), with inner capitals (`javascript`); one misspelled word.
    static let tags = ["war", "korean-war", "strategy", "javascript", "power-relations", "histroy-of-war"]

    /// A dictionary of its own (so that no other test's loaded checker is shared) and a cache folder.
    final class Setup {
        let folder: FixTestFolder

        init() throws {
            folder = try FixTestFolder()
            try FileManager.default.createDirectory(atPath: dictionaryFolder, withIntermediateDirectories: true)
            try writeDictionary(words: DictionaryAnswerTests.words)
        }

        /// Inside the notes' folder, where a `.lint.yml` may name it.
        var dictionaryFolder: String { folder.path + "/dictionaries" }

        func writeDictionary(words: [String]) throws {
            try folder.write("dictionaries/en_US.aff", Array("SET UTF-8\nTRY esiarntolcdugmphbyfvkw\n".utf8))
            try folder.write("dictionaries/en_US.dic", Array(("\(words.count)\n" + words.map { $0 + "\n" }.joined()).utf8))
        }

        var cacheDirectory: String { folder.path + "/.cache" }
        var storage: DictionaryAnswerFile { DictionaryAnswerFile(directory: cacheDirectory) }

        func configuration(personalWords: [String] = []) -> SpellCheckerConfiguration {
            SpellCheckerConfiguration(
                languages: ["en_US"], extraFolders: [dictionaryFolder], searchesStandardFolders: false,
                personalWords: personalWords)
        }

        /// A checker as a new process has it: nothing loaded, answers kept in the cache folder.
        func checker(personalWords: [String] = []) -> RememberingSpellChecker {
            let checker = RememberingSpellChecker(checker: LazySpellChecker(configuration: configuration(personalWords: personalWords)))
            checker.keep(in: storage)
            return checker
        }

        func answerFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []).filter { $0.hasPrefix("dictionary-") }.sorted()
        }
    }

    /// Each tag's finding (suggestion) or nil, judged with `checker` alone (no vocabulary, no other notes).
    static func verdicts(_ tags: [String], with checker: RememberingSpellChecker) -> [String?] {
        let judge = TagSpellingJudge(index: TagIndex(vocabularies: [], replacementLists: [], corpusUses: [:]), dictionary: checker)
        return tags.map { judge.judge($0, selfUses: 0)?.suggestion }
    }

    @Test func aSecondRunJudgesWordsMetBeforeWithoutLoadingTheDictionary() throws {
        let setup = try Setup()
        let first = setup.checker()
        let verdicts = Self.verdicts(Self.tags, with: first)
        #expect(first.checker.isLoaded)
        #expect(verdicts.prefix(5).allSatisfy { $0 == nil })
        #expect(verdicts.last == "history-of-war")
        #expect(setup.answerFiles().isEmpty)
        first.save()
        #expect(setup.answerFiles().count == 1)

        let second = setup.checker()
        #expect(Self.verdicts(Self.tags, with: second) == verdicts)
        #expect(!second.checker.hasAttemptedLoad)
        #expect(second.keptAnswerCount > 0)
        // Nothing new was learned: the file is not written again.
        let path = setup.cacheDirectory + "/" + setup.answerFiles()[0]
        let written = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        let marked = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: marked], ofItemAtPath: path)
        second.save()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date == marked)
        #expect(written != marked)

        // A word never met loads it.
        let third = setup.checker()
        #expect(Self.verdicts(["war", "relations-history"], with: third) == [nil, nil])
        #expect(third.checker.isLoaded)
    }

    @Test func withoutStorageNothingIsKept() throws {
        let setup = try Setup()
        let checker = RememberingSpellChecker(checker: LazySpellChecker(configuration: setup.configuration()))
        _ = Self.verdicts(Self.tags, with: checker)
        checker.save()
        #expect(setup.answerFiles().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.cacheDirectory))
    }

    @Test func aChangedDictionaryFileStartsAfresh() throws {
        let setup = try Setup()
        let first = setup.checker()
        _ = Self.verdicts(Self.tags, with: first)
        first.save()
        // Another word: the `.dic` file's size and time change.
        try setup.writeDictionary(words: Self.words + ["histroy"])
        let second = setup.checker()
        #expect(second.identity != first.identity)
        #expect(Self.verdicts(["histroy-of-war"], with: second) == [nil])
        #expect(second.checker.isLoaded)
        #expect(second.keptAnswerCount == 0)
    }

    @Test func aDictionaryFileTouchedWithTheSameSizeStartsAfresh() throws {
        let setup = try Setup()
        let first = setup.checker()
        _ = Self.verdicts(Self.tags, with: first)
        first.save()
        let dic = setup.dictionaryFolder + "/en_US.dic"
        let size = try FileManager.default.attributesOfItem(atPath: dic)[.size] as! Int
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000)], ofItemAtPath: dic)
        #expect(try FileManager.default.attributesOfItem(atPath: dic)[.size] as! Int == size)
        let second = setup.checker()
        #expect(second.identity != first.identity)
        _ = Self.verdicts(["war"], with: second)
        #expect(second.checker.isLoaded)
    }

    @Test func otherPersonalWordsStartAfresh() throws {
        let setup = try Setup()
        let first = setup.checker()
        #expect(Self.verdicts(["histroy-of-war"], with: first) == ["history-of-war"])
        first.save()
        let second = setup.checker(personalWords: ["histroy"])
        #expect(second.identity != first.identity)
        #expect(Self.verdicts(["histroy-of-war"], with: second) == [nil])
        #expect(second.checker.isLoaded)
        second.save()
        #expect(setup.answerFiles().count == 2)
    }

    @Test(arguments: ["cut short", "altered", "foreign", "empty"])
    func aDamagedFileIsIgnoredAndRebuilt(damage: String) throws {
        let setup = try Setup()
        let first = setup.checker()
        let verdicts = Self.verdicts(Self.tags, with: first)
        first.save()
        let path = setup.cacheDirectory + "/" + setup.answerFiles()[0]
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "cut short": bytes.removeLast(20)
        // `war` accepted becomes `war` rejected: the checksum no longer holds.
        case "altered": bytes[bytes.lastIndex(of: 0x31)!] = 0x30
        case "foreign": bytes = Array("notelint dictionary answers 1\n3\nabc".utf8) + Array(repeating: 0, count: 8)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let second = setup.checker()
        #expect(Self.verdicts(Self.tags, with: second) == verdicts)
        #expect(second.keptAnswerCount == 0)
        #expect(second.checker.isLoaded)
        second.save()
        let third = setup.checker()
        #expect(Self.verdicts(Self.tags, with: third) == verdicts)
        #expect(!third.checker.hasAttemptedLoad)
    }

    @Test func theAnswerTableFindsEveryRecordAndNothingElse() throws {
        var learned: [[UInt8]: [UInt8]] = [:]
        for word in ["a", "ab", "abc", "b", "zebra", "朝鲜", "Éclair"] {
            learned[DictionaryAnswers.key(.isCorrect, word)!] = DictionaryAnswers.encode(word.count > 1)
        }
        learned[DictionaryAnswers.key(.suggestions, "histroy")!] = DictionaryAnswers.encode(["history", "his troy"])!
        let bytes = try #require(DictionaryAnswers.empty.merged(with: learned, identity: "x"))
        let table = try #require(DictionaryAnswers(decoding: bytes, identity: "x"))
        #expect(DictionaryAnswers(decoding: bytes, identity: "y") == nil)
        #expect(table.count == 8)
        for (key, answer) in learned { #expect(table.answer(for: key).map(Array.init) == answer) }
        #expect(table.answer(for: DictionaryAnswers.key(.isCorrect, "abcd")!) == nil)
        #expect(table.answer(for: DictionaryAnswers.key(.acceptsInSomeCase, "a")!) == nil)
        #expect(DictionaryAnswers.decodeSuggestions(table.answer(for: DictionaryAnswers.key(.suggestions, "histroy")!)!) == ["history", "his troy"])
        #expect(DictionaryAnswers.encode(["a\u{1F}b"]) == nil)
        #expect(DictionaryAnswers.key(.isCorrect, "a\u{0}b") == nil)
    }

    /// A link planted under the answer file's name leads nowhere: not read through, and replaced, not written through.
    @Test func aLinkPlantedForTheAnswerFileIsNeitherReadNorWrittenThrough() throws {
        let setup = try Setup()
        let first = setup.checker()
        let verdicts = Self.verdicts(Self.tags, with: first)
        first.save()
        let path = setup.cacheDirectory + "/" + setup.answerFiles()[0]
        let outside = setup.folder.path + "/outside.cache"
        try FileManager.default.moveItem(atPath: path, toPath: outside)
        let before = try Data(contentsOf: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
        let second = setup.checker()
        #expect(Self.verdicts(Self.tags, with: second) == verdicts)
        #expect(second.keptAnswerCount == 0)
        #expect(second.checker.isLoaded)
        second.save()
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside)) == before)
        let entry = try FileManager.default.attributesOfItem(atPath: path)
        #expect(entry[.type] as? FileAttributeType == .typeRegular)
    }

    // MARK: - Through the linter

    /// Lints `paths`, its results cached in `cache` (or not).
    static func lint(_ paths: [String], cache: ResultCache?) throws -> LintReport {
        try Linter().lint(LintRequest(paths: paths, today: today, jobs: 2, cache: cache))
    }

    static func summary(_ report: LintReport) -> [String] {
        report.diagnostics.map { "\($0.path):\($0.range.start) \($0.ruleID) \($0.message) \($0.suggestions)" }
    }

    /// The seed note and the tag-spelling fixtures, with the system's dictionary: the same findings without a cache,
    /// with a cold one, and re-judged with the answers kept (result files removed, answer files left).
    @Test func resultsAreTheSameWithAndWithoutKeptAnswers() throws {
        let folder = try FixTestFolder()
        let paths = [RepositoryPaths.shared("seed/korean-war-origins.md"), RepositoryPaths.inRepository("Fixtures/bad/tag-spelling")]
        let cache = ResultCache(directory: folder.path + "/.cache")
        let uncached = try Self.lint(paths, cache: nil)
        #expect(uncached.diagnostics.contains { $0.ruleID == "tag-spelling" })
        let cold = try Self.lint(paths, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
        #expect(files.contains { $0.hasPrefix("dictionary-") })
        for name in files where name.hasSuffix(".cache") && !name.hasPrefix("dictionary-") {
            try FileManager.default.removeItem(atPath: cache.directory + "/" + name)
        }
        let rejudged = try Self.lint(paths, cache: cache)
        #expect(rejudged.filesReusedFromCache == 0)
        #expect(Self.summary(cold) == Self.summary(uncached))
        #expect(Self.summary(rejudged) == Self.summary(uncached))
    }

    /// The note's results depend on the dictionary: a changed dictionary file means they are not reused.
    @Test func cachedResultsAreKeyedByTheDictionary() throws {
        let setup = try Setup()
        try setup.folder.write(".lint.yml", """
            rules:
              tag-spelling: {dictionary-folders: [dictionaries]}
            """)
        try setup.folder.write("a.md", "---\ntitle: A\ntags: [korean-war, histroy-of-war]\n---\n")
        let cache = ResultCache(directory: setup.cacheDirectory, clock: { Int(Date().timeIntervalSince1970) + 3600 })
        let first = try Self.lint([setup.folder.path], cache: cache)
        #expect(first.diagnostics.contains { $0.ruleID == "tag-spelling" })
        #expect(setup.answerFiles().count == 1)
        #expect(try Self.lint([setup.folder.path], cache: cache).filesReusedFromCache == 1)
        try setup.writeDictionary(words: Self.words + ["histroy"])
        // This process keeps the dictionary it loaded (a new run is a new process): only the results' key is checked,
        // and that no answers of the old dictionary are kept under the new one's identity.
        let after = try Self.lint([setup.folder.path], cache: cache)
        #expect(after.filesReusedFromCache == 0)
        #expect(setup.answerFiles().count == 1)
    }

    /// A buffer's run (an editor's) uses the answers kept but writes none, as it writes no results.
    @Test func aBufferRunReadsAnswersButWritesNone() throws {
        let setup = try Setup()
        try setup.folder.write(".lint.yml", """
            rules:
              tag-spelling: {dictionary-folders: [dictionaries]}
            """)
        let note = try setup.folder.write("a.md", "---\ntitle: A\ntags: [korean-war, histroy-of-war]\n---\n")
        let cache = ResultCache(directory: setup.cacheDirectory)
        let buffer = Array("---\ntitle: A\ntags: [korean-war, power-relations]\n---\n".utf8)
        _ = try Linter().lint(LintRequest(paths: [note], today: Self.today, contents: [note: buffer], cache: cache))
        #expect(setup.answerFiles().isEmpty)
        _ = try Self.lint([setup.folder.path], cache: cache)
        let kept = setup.answerFiles()
        #expect(kept.count == 1)
        let path = setup.cacheDirectory + "/" + kept[0]
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try Linter().lint(LintRequest(paths: [note], today: Self.today, contents: [note: buffer], cache: cache))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// The command line: a run with the cache writes an answer file beside the results, `--no-cache` writes nothing,
    /// `notelint clean` removes it all.
    @Test func theCommandLineKeepsAnswersOnlyWithTheCache() throws {
        let setup = try Setup()
        try setup.folder.write(".lint.yml", """
            rules:
              tag-spelling: {dictionary-folders: [dictionaries]}
            """)
        try setup.folder.write("a.md", "---\ntitle: A\ntags: [korean-war, power]\n---\n")
        let uncached = try CommandRunner.notelint(["lint", "--no-cache", "a.md"], in: setup.folder.path)
        #expect(uncached.status != 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.folder.path).sorted() == [".lint.yml", "a.md", "dictionaries"])
        let cached = try CommandRunner.notelint(["lint", "a.md"], in: setup.folder.path)
        #expect(cached.status != 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: setup.folder.path + "/.notelint-cache")
        #expect(files.filter { $0.hasPrefix("dictionary-") && $0.hasSuffix(".cache") }.count == 1)
        #expect(try CommandRunner.notelint(["clean"], in: setup.folder.path).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.folder.path).sorted() == [".lint.yml", "a.md", "dictionaries"])
    }

    /// `notelint clean` removes the answer files with the rest of the folder.
    @Test func cleaningRemovesTheAnswers() throws {
        let setup = try Setup()
        let checker = setup.checker()
        _ = Self.verdicts(Self.tags, with: checker)
        checker.save()
        #expect(setup.answerFiles().count == 1)
        #expect(ResultCache.remove(directory: setup.cacheDirectory))
        #expect(!FileManager.default.fileExists(atPath: setup.cacheDirectory))
    }
}
