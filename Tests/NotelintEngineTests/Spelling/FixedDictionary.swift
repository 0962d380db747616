@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintSpelling

/// A dictionary with a fixed word list and fixed suggestions, counting how often it is asked.
final class FixedDictionary: WordSpellingDictionary, @unchecked Sendable {
    private let words: Set<String>
    private let suggestionsByWord: [String: [String]]
    // @unchecked: `lookups` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private var lookups = 0

    init(words: Set<String>, suggestions: [String: [String]] = [:]) {
        self.words = words
        self.suggestionsByWord = suggestions
    }

    var lookupCount: Int { lock.withLock { lookups } }

    func isCorrect(_ word: String) -> Bool {
        lock.withLock { lookups += 1 }
        return words.contains(word)
    }

    func suggestions(for word: String) -> [String] {
        lock.withLock { lookups += 1 }
        return suggestionsByWord[word] ?? []
    }
}
