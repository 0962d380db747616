/// A spell checker loaded on first use, at most once: a run whose tags are all known never pays for
/// reading a dictionary. Safe to share between threads; concurrent first uses wait for one load.
///
/// A dictionary that cannot be loaded makes the checker accept every word and offer no suggestions,
/// so spelling falls back to vocabulary and corpus evidence; `loadError` says why, for one report.
public final class LazySpellChecker: WordSpellingDictionary, @unchecked Sendable {
    // @unchecked: `outcome` and `keptSuggestions` are only read and written while `lock` is held.
    private let lock = SpellingLock()
    private var outcome: Result<SpellChecker, SpellCheckerError>?
    private var keptSuggestions: [String: [String]] = [:]
    /// `DictionaryIdentity` of the files as they were just before the load.
    private var identityAtLoad: String?

    public let configuration: SpellCheckerConfiguration

    public init(configuration: SpellCheckerConfiguration = SpellCheckerConfiguration()) {
        self.configuration = configuration
    }

    /// One holder per distinct configuration for the whole process, so that rules created per run or per
    /// thread still share a single loaded dictionary.
    public static func shared(for configuration: SpellCheckerConfiguration) -> LazySpellChecker {
        SharedSpellCheckers.registry.holder(for: configuration)
    }

    /// Loads on the first call; later calls return the same checker or the same error.
    public func load() -> Result<SpellChecker, SpellCheckerError> {
        lock.withLock {
            if let outcome { return outcome }
            identityAtLoad = DictionaryIdentity.of(configuration)
            let loaded = Result { () throws(SpellCheckerError) in try SpellChecker(configuration: configuration) }
            outcome = loaded
            return loaded
        }
    }

    /// True once a load was attempted, whether or not it succeeded.
    public var hasAttemptedLoad: Bool { lock.withLock { outcome != nil } }

    /// True once a dictionary was actually loaded.
    public var isLoaded: Bool {
        lock.withLock {
            if case .success = outcome { return true }
            return false
        }
    }

    /// The identity (`DictionaryIdentity`) of the dictionary loaded, taken just before loading it; nil before a load
    /// or when it failed. A checker shared by a long-lived process keeps the dictionary it loaded even once the files
    /// change: its answers are those of this identity, not of the files' current one.
    public var loadedIdentity: String? {
        lock.withLock {
            if case .success = outcome { return identityAtLoad }
            return nil
        }
    }

    /// Why loading failed, once a load was attempted.
    public var loadError: SpellCheckerError? {
        lock.withLock {
            if case .failure(let error) = outcome { return error }
            return nil
        }
    }

    /// Loads the dictionary if that was not tried yet.
    public var isAvailable: Bool {
        if case .success = load() { return true }
        return false
    }

    public func isCorrect(_ word: String) -> Bool {
        guard case .success(let checker) = load() else { return true }
        return checker.isCorrect(word)
    }

    /// Hunspell's suggestions cost milliseconds a word: each word's are kept (up to `keptSuggestionsLimit` words),
    /// so that a word judged again against another corpus (each keystroke in an editor changes the corpus) is not
    /// asked again.
    public func suggestions(for word: String) -> [String] {
        guard case .success(let checker) = load() else { return [] }
        if let kept = lock.withLock({ keptSuggestions[word] }) { return kept }
        let suggestions = checker.suggestions(for: word)
        lock.withLock {
            if keptSuggestions.count >= Self.keptSuggestionsLimit { keptSuggestions.removeAll(keepingCapacity: true) }
            keptSuggestions[word] = suggestions
        }
        return suggestions
    }

    private static let keptSuggestionsLimit = 4096

    public func hasForm(inOtherCaseOf lowercased: String) -> Bool {
        guard case .success(let checker) = load() else { return false }
        return checker.hasForm(inOtherCaseOf: lowercased)
    }
}

/// The process-wide table behind `LazySpellChecker.shared(for:)`.
private final class SharedSpellCheckers: @unchecked Sendable {
    static let registry = SharedSpellCheckers()

    // @unchecked: `holders` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private var holders: [SpellCheckerConfiguration: LazySpellChecker] = [:]

    func holder(for configuration: SpellCheckerConfiguration) -> LazySpellChecker {
        lock.withLock {
            if let holder = holders[configuration] { return holder }
            let holder = LazySpellChecker(configuration: configuration)
            holders[configuration] = holder
            return holder
        }
    }
}
