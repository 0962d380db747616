/// Why a spell checker could not be built. A value, not a crash: a linter without a dictionary still
/// checks tags against the vocabulary and the corpus, and reports this once.
public enum SpellCheckerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `<language>.aff` with its `<language>.dic` in any searched folder.
    case dictionaryNotFound(language: String, searchedFolders: [String])
    /// Hunspell refused the files (unreadable or malformed).
    case dictionaryNotLoaded(language: String, affixPath: String)
    /// The dictionary declares a character set other than UTF-8 or ISO8859-1.
    case unsupportedEncoding(language: String, encoding: String)
    /// A configuration with an empty language list.
    case noLanguages
    case personalWordListUnreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .dictionaryNotFound(let language, let folders):
            return "no Hunspell dictionary \(language).aff/\(language).dic in \(folders.joined(separator: ", "))"
        case .dictionaryNotLoaded(let language, let affixPath):
            return "Hunspell could not load the \(language) dictionary at \(affixPath)"
        case .unsupportedEncoding(let language, let encoding):
            return "the \(language) dictionary uses the character set \(encoding); only UTF-8 and ISO8859-1 are supported"
        case .noLanguages:
            return "no spelling languages configured"
        case .personalWordListUnreadable(let path, let reason):
            return "cannot read the personal word list \(path): \(reason)"
        }
    }
}
