/// Everything that decides which words a spell checker accepts. Hashable, so that equal configurations
/// share one loaded checker (see `LazySpellChecker.shared(for:)`).
public struct SpellCheckerConfiguration: Sendable, Hashable {
    /// Hunspell language codes such as `en_US` or `en_GB`. A word is correct when any language accepts it.
    public var languages: [String]
    public var locator: HunspellDictionaryLocator
    /// Added to every language's dictionary when it is loaded.
    public var personalWords: [String]

    public init(
        languages: [String] = ["en_US"], extraFolders: [String] = [], searchesStandardFolders: Bool = true,
        personalWords: [String] = []
    ) {
        self.languages = languages
        self.locator = HunspellDictionaryLocator(
            extraFolders: extraFolders, searchesStandardFolders: searchesStandardFolders)
        self.personalWords = personalWords
    }
}
