import NotelintSpelling

/// What a long-lived front end (an editor's language server) keeps between runs over the same collection, so that
/// checking one buffer again does not redo the collection's work: the compiled configurations, the tags of every
/// other note, the corpus built from them (with the indexes rules built over it) and the values the collection's
/// rules report in it. It is only right while nothing on disk changes: the front end drops it and makes a new one
/// when a configuration, schema, word list or note changes.
public final class CollectionMemo: @unchecked Sendable {
    // @unchecked: every field is touched only while `lock` is held.
    private let lock = SpellingLock()
    private var keptResolver: ConfigurationResolver?
    private var otherNotes: [[String]: Any] = [:]
    private var lastCorpus: TagCorpus?
    /// The base of the corpus when no other note is gathered (`--config`): one object, so that rules index it once.
    private let noOtherNotes = TagCorpus()
    private var reportable: [ObjectIdentifier: Set<String>?] = [:]

    public init() {}

    /// The corpus of the last run: every tag of the collection with the number of notes using it.
    public var corpus: TagCorpus? { lock.withLock { lastCorpus } }

    /// One resolver for every run, so that each configuration is read and compiled once: the first run's.
    var resolver: ConfigurationResolver? { lock.withLock { keptResolver } }

    func keep(_ resolver: ConfigurationResolver) {
        lock.withLock { if keptResolver == nil { keptResolver = resolver } }
    }

    /// What a run checking `linted` (absolute paths) gathered from the collection's other notes (their tags, and
    /// whatever else the collection's rules need of them), gathered once.
    func otherNotes<Gathered>(around linted: [String], _ gather: () -> Gathered) -> Gathered {
        let key = linted.sorted()
        if let known = lock.withLock({ otherNotes[key] }) as? Gathered { return known }
        let gathered = gather()
        lock.withLock { otherNotes[key] = gathered }
        return gathered
    }

    /// The corpus of a run: `others` (the collection's other notes, gathered once) with the tags of the notes
    /// checked counted in as a change, so that rules adjust what they built over `others` instead of building it
    /// again each time those notes' tags change. The same corpus object as the last run's when the counts are
    /// the same, so that rules' verdicts on it are reused.
    func corpus(counting checked: TagCounter, besides others: TagCorpus?) -> TagCorpus {
        lock.withLock {
            let others = others ?? noOtherNotes
            if let lastCorpus, lastCorpus.base === others, lastCorpus.changes == checked.uses { return lastCorpus }
            let corpus = others.counting(checked)
            lastCorpus = corpus
            reportable = [:]
            return corpus
        }
    }

    /// The values a configuration's collection rules report in the last corpus, worked out once for it. For a run
    /// of one note (a buffer) none: judging every tag of the collection to spare one note its second check would
    /// cost far more than the check, each time the note's own tags change the corpus.
    func reportableValues(
        of configurations: [EffectiveConfiguration], in corpus: TagCorpus, _ compute: ([EffectiveConfiguration]) -> [ObjectIdentifier: Set<String>?]
    ) -> [ObjectIdentifier: Set<String>?] {
        if configurations.count == 1 { return [ObjectIdentifier(configurations[0]): Set<String>?.none] }
        return lock.withLock {
            guard corpus === lastCorpus else { return compute(configurations) }
            let missing = configurations.filter { $0.needsCorpus && reportable[ObjectIdentifier($0)] == nil }
            if !missing.isEmpty { reportable.merge(compute(missing)) { _, new in new } }
            return reportable
        }
    }
}
