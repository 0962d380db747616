/// Hunspell behind a lock: safe to share between the threads that lint notes in parallel.
///
/// Loading a dictionary takes about a tenth of a second, so build one per process
/// (`LazySpellChecker` does that only when a tag actually needs a dictionary).
public final class SpellChecker: WordSpellingDictionary, @unchecked Sendable {
    // @unchecked: the Hunspell handles are only touched while `lock` is held.
    private let lock = SpellingLock()
    private let dictionaries: [HunspellDictionary]
    /// Read from the dictionary files on first need.
    private var innerCapitals: Set<String>?

    public let configuration: SpellCheckerConfiguration

    /// The files loaded, one per language, in the configured order.
    public var dictionaryFiles: [HunspellDictionaryFiles] { dictionaries.map(\.files) }

    public init(configuration: SpellCheckerConfiguration = SpellCheckerConfiguration()) throws(SpellCheckerError) {
        guard !configuration.languages.isEmpty else { throw .noLanguages }
        var dictionaries: [HunspellDictionary] = []
        for language in configuration.languages {
            let files = try configuration.locator.locate(language).get()
            let dictionary = try HunspellDictionary(files: files)
            for word in configuration.personalWords { dictionary.add(word) }
            dictionaries.append(dictionary)
        }
        self.dictionaries = dictionaries
        self.configuration = configuration
    }

    public convenience init(
        languages: [String] = ["en_US"], extraFolders: [String] = [], personalWords: [String] = []
    ) throws(SpellCheckerError) {
        try self.init(
            configuration: SpellCheckerConfiguration(
                languages: languages, extraFolders: extraFolders, personalWords: personalWords))
    }

    public func isCorrect(_ word: String) -> Bool {
        lock.withLock { dictionaries.contains { $0.isCorrect(word) } }
    }

    /// Every language's suggestions, first language first, without repeats. Empty for a correct word.
    public func suggestions(for word: String) -> [String] {
        lock.withLock {
            if dictionaries.contains(where: { $0.isCorrect(word) }) { return [] }
            var seen: Set<String> = []
            return dictionaries.flatMap { $0.suggestions(for: word) }.filter { seen.insert($0).inserted }
        }
    }

    public func hasForm(inOtherCaseOf lowercased: String) -> Bool {
        lock.withLock {
            if innerCapitals == nil {
                var words = Set(dictionaries.flatMap { $0.wordsWithInnerCapitals() })
                for word in configuration.personalWords where word.unicodeScalars.dropFirst().contains(where: \.properties.isUppercase) {
                    words.insert(word.lowercased())
                }
                innerCapitals = words
            }
            return innerCapitals!.contains(lowercased)
        }
    }

    /// Accepts `word` from now on, in every language, for the life of this checker.
    public func add(_ word: String) {
        lock.withLock { for dictionary in dictionaries { dictionary.add(word) } }
    }
}
