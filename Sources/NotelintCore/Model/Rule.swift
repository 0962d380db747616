/// A rule: one file declares its description, reads its options and checks one note at a time.
/// Rules never read files or write them; they see the positioned tree through `RuleContext`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Whether the rule needs the collection's evidence: `CollectionRule` and `IndexedCollectionRule` say so. A
    /// requirement, answered when the program is compiled: asked of a type at run time (`is any CollectionRule.Type`),
    /// the first answer costs a search of every conformance in the program, on every start.
    static var needsCorpus: Bool { get }
    init(options: RuleOptions)
    func check(_ context: RuleContext) -> [Finding]
}

/// A rule that weighs a note against the whole collection (`RuleContext.corpus`: the tags every note uses), not
/// one note alone. The run gathers the collection's evidence only when an active rule is one of these.
public protocol CollectionRule: Rule {
    /// The key whose lists the collection's evidence counts.
    var corpusKey: String { get }
    /// Every value (tag) the rule would report in some note, worked out once a run (on `workers` threads). Only
    /// the notes carrying one of them are checked again with the collection; the others are settled by a first
    /// pass without it, and their text need not be kept. `nil`: any note may be reported. `values`: only these
    /// are asked about (the tags of the notes checked), nil: every value of the corpus.
    func reportableValues(among values: Set<String>?, in corpus: TagCorpus, workers: Int) -> Set<String>?
}

/// A rule that weighs a note against what every other note contributed to the collection index (titles, slugs,
/// the names notes answer to, references): `RuleContext.collection`. The first pass takes each note's facts
/// (kept in the cache for unchanged notes); only the notes whose facts the rule may report are read again.
public protocol IndexedCollectionRule: Rule {
    /// What the note contributes to the index, put in `sink` (whole, or as digests in the first pass). `check`
    /// works them out again from the same context, so that a fixed version is judged by what it says now.
    func facts(of context: RuleContext, into sink: inout FactSink)
    /// Whether a finding is possible for the note numbered `note` of `index`: the others are settled by the first
    /// pass, unread. Asked of every note: it reads back only the facts it needs.
    func mayReport(note: Int, in index: CollectionIndex) -> Bool
    /// The kinds (their hashes) of facts meant to be one note's only: a finding on such a fact names the other
    /// notes with it, at their facts' places. A note whose fact of such a kind meets an earlier note's in the first
    /// pass keeps its facts whole for those findings, so that the other note's finding does not read it again.
    var uniqueKinds: [UInt32] { get }
}

extension Rule {
    public static var id: String { description.id }
    public static var needsCorpus: Bool { false }
}

extension CollectionRule {
    public static var needsCorpus: Bool { true }
}

extension IndexedCollectionRule {
    public static var needsCorpus: Bool { true }
    public var uniqueKinds: [UInt32] { [] }

    /// The note's facts, whole.
    public func facts(of context: RuleContext) -> [CollectionFact] {
        var sink = FactSink.keepingFacts
        facts(of: context, into: &sink)
        return sink.facts
    }
}
