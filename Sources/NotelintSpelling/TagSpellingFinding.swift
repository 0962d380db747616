/// What tag-spelling has to say about one tag: a better spelling and what it rests on.
public struct TagSpellingFinding: Sendable, Hashable {
    /// The tag as written.
    public var tag: String
    /// The whole corrected tag.
    public var suggestion: String
    public var evidence: TagEvidence
    public var reason: TagSpellingReason

    public init(tag: String, suggestion: String, evidence: TagEvidence, reason: TagSpellingReason) {
        self.tag = tag
        self.suggestion = suggestion
        self.evidence = evidence
        self.reason = reason
    }
}

public enum TagSpellingReason: Sendable, Hashable {
    /// The tag is a known tag cut short inside its last word.
    case truncation
    /// The tag is this many edits from a known tag.
    case nearMiss(distance: Int)
    /// The dictionary rejects this word of the tag (the first one corrected, when several are).
    case misspelledWord(String)
    /// A replacement list names the tag as a mistake.
    case knownMistake
}
