import NotelintLoader
import NotelintSpelling

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A spelling dictionary's answers kept in the result cache's folder, one file per dictionary identity and
/// notelint build (`dictionary-<hash>.cache`), so that a commit hook meeting words it met before does not load
/// Hunspell. The folder's own safety holds: it was checked when the cache was opened, nothing is read through a
/// link, files are created afresh and renamed into place, and `notelint clean` removes them with the rest.
struct DictionaryAnswerFile: DictionaryAnswerStorage {
    let directory: String

    func fileName(for identity: String) -> String {
        var hash = ContentHash()
        hash.add(ToolInfo.version)
        hash.add(BuildIdentity.current)
        hash.add(identity)
        return ResultCache.fileName(in: directory, "dictionary-", hash.value, ".cache")
    }

    func read(identity: String, maximumBytes: Int) -> [UInt8]? {
        let boundary = ReadBoundary(rootPaths: [directory])
        guard case .success(let bytes) = NoteReader.readAll(path: fileName(for: identity), boundary: boundary, limit: maximumBytes)
        else { return nil }
        return bytes
    }

    func write(_ bytes: [UInt8], identity: String) {
        // Through the cache's own atomic writer: of two runs writing at once, the last rename wins and each reader
        // sees one whole file.
        ResultCache(directory: directory).writeWhole(bytes, to: fileName(for: identity))
    }
}

extension EffectiveConfiguration {
    /// The spell checkers of the active rules (tag spelling's). A cast to the one rule type that has one, among
    /// the rules that need the collection: cheap, unlike a cast to a protocol.
    var spellCheckers: [RememberingSpellChecker] {
        rules.lazy.filter(\.needsCorpus).compactMap { ($0.rule as? TagSpellingRule)?.spellChecker }
    }
}

extension Linter {
    /// The spell checkers of the run's configurations, each keeping its answers in `cache`'s folder.
    static func keepDictionaryAnswers(of configurations: some Sequence<EffectiveConfiguration>, in cache: ResultCache)
        -> [RememberingSpellChecker]
    {
        var seen: Set<ObjectIdentifier> = []
        var checkers: [RememberingSpellChecker] = []
        for configuration in configurations where seen.insert(ObjectIdentifier(configuration)).inserted {
            for checker in configuration.spellCheckers {
                checker.keep(in: DictionaryAnswerFile(directory: cache.directory))
                checkers.append(checker)
            }
        }
        return checkers
    }
}
