/// Why a tag is believed to be right: what a suggestion rests on, strongest first.
public enum TagEvidence: Sendable, Hashable {
    /// Listed in a vocabulary file.
    case vocabulary(file: String)
    /// The right-hand side of a replacement list entry.
    case replacementList(file: String)
    /// Used by this many notes.
    case corpus(uses: Int)
    /// Used by this many notes, too few to be trusted alone, and made of words the spelling dictionary accepts while
    /// it rejects a word of the reported tag.
    case corpusAndDictionary(uses: Int)
    /// Corrected word by word with the spelling dictionary.
    case dictionary
}

/// A tag the index knows, with its evidence. Case spellings of one tag share an entry.
public struct KnownTag: Sendable, Hashable {
    /// The spelling to suggest: the vocabulary's, else the replacement list's, else the corpus's most used.
    public let tag: String
    /// Every spelling seen, in any source, sorted: more than one means the sources disagree only in case.
    public let spellings: [String]
    /// The first vocabulary file listing the tag.
    public let vocabularyFile: String?
    /// The first replacement list naming the tag as the right spelling.
    public let replacementFile: String?
    /// Notes using the tag, all case spellings together.
    public let uses: Int
    /// The left-hand side of a replacement: used, but known to be wrong.
    public let isKnownMistake: Bool

    public var evidence: TagEvidence {
        if let vocabularyFile { return .vocabulary(file: vocabularyFile) }
        if let replacementFile { return .replacementList(file: replacementFile) }
        return .corpus(uses: uses)
    }

    /// Good enough to suggest: listed as right, or used by enough notes and not a listed mistake.
    public func isTrusted(minimumUses: Int) -> Bool {
        if vocabularyFile != nil { return true }
        if isKnownMistake { return false }
        return replacementFile != nil || uses >= minimumUses
    }
}
