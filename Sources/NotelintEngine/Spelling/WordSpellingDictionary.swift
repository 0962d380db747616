/// What the tag-spelling judge asks of a dictionary. `SpellChecker` answers with Hunspell;
/// tests can answer from a fixed word list.
public protocol WordSpellingDictionary: Sendable {
    func isCorrect(_ word: String) -> Bool
    /// Best first, as the dictionary ranks them.
    func suggestions(for word: String) -> [String]
}
