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

extension TagSpellingFinding {
    /// What one typing slip turned the suggestion into the tag, in words (`has a letter typed twice`), when the tag
    /// is one slip from it; nil otherwise.
    public var slipDescription: String? {
        guard case .nearMiss(distance: 1) = reason,
            let slip = TypingSlip(
                typed: Array(TagText.folded(tag).unicodeScalars), intended: Array(TagText.folded(suggestion).unicodeScalars))
        else { return nil }
        switch slip.kind {
        case .omission: return slip.isHyphen ? "is missing a hyphen" : "is missing a letter"
        case .insertion:
            if slip.isHyphen { return "has a hyphen splitting a word" }
            return slip.isDoubling ? "has a letter typed twice" : "has a letter too many"
        case .transposition: return "has two letters swapped"
        case .substitution: return "has a wrong letter"
        }
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
