/// Where a dictionary's answers are kept between runs (the result cache's folder): one file per dictionary identity.
public protocol DictionaryAnswerStorage: Sendable {
    /// The file kept for `identity`, nil when there is none or it cannot be read; at most `maximumBytes` are read.
    func read(identity: String, maximumBytes: Int) -> [UInt8]?
    /// Replaces the file kept for `identity`, atomically: a concurrent run reads the old file or the new one.
    /// Failing to write only costs a later run time.
    func write(_ bytes: [UInt8], identity: String)
}

/// A spell checker that remembers its dictionary's answers between runs, so that a tag of words met before is
/// judged without loading Hunspell (a tenth of a second): only a word never asked about loads it.
///
/// Every question tag spelling asks is kept with its answer (accepted in some letter case, correct as written,
/// held with inner capitals, suggestions), under the identity of the dictionary that answered (`DictionaryIdentity`:
/// the files' paths and stamps, the languages, the personal words), so that a new or changed dictionary starts
/// afresh. The answers of a dictionary that could not be loaded, or was loaded from files that have changed since,
/// are not kept. Without storage (`keep(in:)` not
/// called: no cache) it asks the checker every time, as before.
public final class RememberingSpellChecker: WordSpellingDictionary, @unchecked Sendable {
    // @unchecked: everything below `lock` is only touched while it is held.
    public let checker: LazySpellChecker
    private let lock = SpellingLock()
    private var storage: (any DictionaryAnswerStorage)?
    private var knownIdentity: String?
    /// Read on the first question once storage is given.
    private var kept: DictionaryAnswers?
    /// Answers this run had to ask the dictionary for.
    private var learned: [[UInt8]: [UInt8]] = [:]

    public init(checker: LazySpellChecker) {
        self.checker = checker
    }

    /// The largest answer file read or written.
    public static var maximumFileBytes: Int { DictionaryAnswers.maximumBytes }

    /// `DictionaryIdentity` of the checker's configuration, worked out once.
    public var identity: String { lock.withLock { identityHeld() } }

    /// Keeps answers in `storage` from now on (the first storage given stays).
    public func keep(in storage: any DictionaryAnswerStorage) {
        lock.withLock { if self.storage == nil { self.storage = storage } }
    }

    /// How many answers were read from storage (0 before the first question).
    public var keptAnswerCount: Int { lock.withLock { kept?.count ?? 0 } }

    /// Writes the kept answers with this run's new ones, when there are new ones.
    public func save() {
        let write: (storage: any DictionaryAnswerStorage, bytes: [UInt8], identity: String)? = lock.withLock {
            guard let storage, !learned.isEmpty else { return nil }
            let identity = identityHeld()
            guard let bytes = keptHeld().merged(with: learned, identity: identity) else { return nil }
            kept = DictionaryAnswers(decoding: bytes, identity: identity)
            learned = [:]
            return (storage, bytes, identity)
        }
        if let write { write.storage.write(write.bytes, identity: write.identity) }
    }

    /// True without loading when answers were kept for this dictionary: a run once loaded it from these very files.
    public var isAvailable: Bool {
        if lock.withLock({ !keptHeld().isEmpty }) { return true }
        return checker.isAvailable
    }

    public func acceptsInSomeCase(_ word: Substring) -> Bool {
        let text = String(word)
        if let answer = answer(.acceptsInSomeCase, text) { return DictionaryAnswers.decodeBool(answer) }
        let accepted = checker.acceptsInSomeCase(word)
        learn(.acceptsInSomeCase, text, DictionaryAnswers.encode(accepted))
        return accepted
    }

    public func isCorrect(_ word: String) -> Bool {
        if let answer = answer(.isCorrect, word) { return DictionaryAnswers.decodeBool(answer) }
        let correct = checker.isCorrect(word)
        learn(.isCorrect, word, DictionaryAnswers.encode(correct))
        return correct
    }

    public func hasForm(inOtherCaseOf lowercased: String) -> Bool {
        if let answer = answer(.hasFormInOtherCase, lowercased) { return DictionaryAnswers.decodeBool(answer) }
        let held = checker.hasForm(inOtherCaseOf: lowercased)
        learn(.hasFormInOtherCase, lowercased, DictionaryAnswers.encode(held))
        return held
    }

    public func suggestions(for word: String) -> [String] {
        if let answer = answer(.suggestions, word) { return DictionaryAnswers.decodeSuggestions(answer) }
        let suggestions = checker.suggestions(for: word)
        if let encoded = DictionaryAnswers.encode(suggestions) { learn(.suggestions, word, encoded) }
        return suggestions
    }

    private func answer(_ question: DictionaryAnswers.Question, _ word: String) -> ArraySlice<UInt8>? {
        guard let key = DictionaryAnswers.key(question, word) else { return nil }
        return lock.withLock {
            if let learned = learned[key] { return learned[...] }
            return keptHeld().answer(for: key)
        }
    }

    private func learn(_ question: DictionaryAnswers.Question, _ word: String, _ answer: [UInt8]) {
        // A checker that could not load accepts everything: that is no answer of a dictionary. One loaded from files
        // that have changed since answers for what they were, not for what this identity names.
        guard let loaded = checker.loadedIdentity, let key = DictionaryAnswers.key(question, word) else { return }
        lock.withLock {
            guard storage != nil, loaded == identityHeld() else { return }
            learned[key] = answer
        }
    }

    private func identityHeld() -> String {
        if let knownIdentity { return knownIdentity }
        let identity = DictionaryIdentity.of(checker.configuration)
        knownIdentity = identity
        return identity
    }

    private func keptHeld() -> DictionaryAnswers {
        if let kept { return kept }
        guard let storage else { return .empty }
        let identity = identityHeld()
        let read = storage.read(identity: identity, maximumBytes: DictionaryAnswers.maximumBytes)
            .flatMap { DictionaryAnswers(decoding: $0, identity: identity) } ?? .empty
        kept = read
        return read
    }
}
