/// A rule: one file declares its description, reads its options and checks one note at a time.
/// Rules never read files or write them; they see the positioned tree through `RuleContext`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Whether the rule needs the tags of every note (`RuleContext.corpus`) rather than one note alone.
    static var needsCorpus: Bool { get }
    /// The key whose list the corpus counts, for rules that need one.
    var corpusKey: String? { get }
    init(options: RuleOptions)
    func check(_ context: RuleContext) -> [Finding]
    /// For a rule that needs the corpus: every corpus value (tag) it would report in some note, worked out once
    /// a run (on `workers` threads). Only the notes carrying one of them are checked again with the corpus; the others are settled by
    /// a first pass without it, and their text need not be kept. `nil`: any note may be reported.
    func reportableValues(in corpus: TagCorpus, workers: Int) -> Set<String>?
}

extension Rule {
    public static var id: String { description.id }
    public static var needsCorpus: Bool { false }
    public var corpusKey: String? { nil }
    public func reportableValues(in corpus: TagCorpus, workers: Int) -> Set<String>? { nil }
}
