/// What the tag-spelling judge asks of a dictionary. `SpellChecker` answers with Hunspell;
/// tests can answer from a fixed word list.
public protocol WordSpellingDictionary: Sendable {
    func isCorrect(_ word: String) -> Bool
    /// Best first, as the dictionary ranks them. Slow with Hunspell (milliseconds a word): asked only to correct.
    func suggestions(for word: String) -> [String]
    /// True when the dictionary holds `lowercased` with capitals inside it (`JavaScript`, `GitHub`), which
    /// the lower-case, capitalised and all-capitals forms do not find.
    func hasForm(inOtherCaseOf lowercased: String) -> Bool
    /// True when the dictionary accepts `word` as written, in lower case, capitalised or in capitals (`paris`,
    /// `nato`), or holds it with other capitals (`javascript`): the question a tag's word is asked first.
    func acceptsInSomeCase(_ word: Substring) -> Bool
    /// False when the dictionary could not be had (no language configured, files missing): then it vouches for
    /// no word and rejects none, exactly as if tag spelling had no dictionary.
    var isAvailable: Bool { get }
}

extension WordSpellingDictionary {
    public var isAvailable: Bool { true }

    public func acceptsInSomeCase(_ word: Substring) -> Bool {
        let lowercased = word.lowercased()
        let capitalised = lowercased.prefix(1).uppercased() + lowercased.dropFirst()
        var tried: Set<String> = []
        for form in [String(word), lowercased, capitalised, word.uppercased()] where tried.insert(form).inserted {
            if isCorrect(form) { return true }
        }
        return hasForm(inOtherCaseOf: lowercased)
    }

    /// The slow way, for dictionaries that cannot list their words: a suggestion differing only in case.
    public func hasForm(inOtherCaseOf lowercased: String) -> Bool {
        suggestions(for: lowercased).contains { $0 != lowercased && $0.lowercased() == lowercased }
    }
}
