/// Decides whether a tag is misspelled and what it should be, from the strongest evidence down:
///
/// 1. vocabulary → accepted;
/// 2. replacement list → its correction (even for a mistake many notes repeat: the list is the decision);
/// 3. a replacement list's correction, or a different letter case of a known tag → nothing to say
///    (another rule owns case);
/// 4. used by `minimumOtherNoteUses` other notes → accepted;
/// 5. cut short inside its last word from a trusted tag → that tag (`decision-making-calculu`);
/// 6. within the near-miss distance of a trusted tag → that tag;
/// 7. misspelled words the dictionary can correct → the tag with them corrected.
///
/// Steps 5 and 6 only apply when some word of the tag is implausible (see `TagWordReader`): a tag of real
/// words that is near a known tag is usually a different tag. Han, kana, Hangul and similar scripts stop
/// after step 4; the dictionary only sees Latin-script tags.
///
/// Pure: the only effect is asking the dictionary, which may load it the first time.
public struct TagSpellingJudge: Sendable {
    public let index: TagIndex
    public let options: TagSpellingOptions
    public let dictionary: (any WordSpellingDictionary)?

    public init(
        index: TagIndex, options: TagSpellingOptions = TagSpellingOptions(),
        dictionary: (any WordSpellingDictionary)? = nil
    ) {
        self.index = index
        self.options = options
        self.dictionary = dictionary
    }

    /// - Parameter selfUses: how many of the corpus's uses of `tag` are the checked note's own (1 when the
    ///   corpus includes that note): a tag must not vouch for itself.
    /// - Returns: nil when the tag is accepted or nothing useful can be suggested.
    public func judge(_ tag: String, selfUses: Int) -> TagSpellingFinding? {
        guard !tag.isEmpty else { return nil }
        let known = index.knownTag(tag)
        if known?.vocabularyFile != nil { return nil }
        if let replacement = index.replacement(for: tag) {
            guard replacement.right != tag else { return nil }
            return TagSpellingFinding(
                tag: tag, suggestion: replacement.right, evidence: .replacementList(file: replacement.file),
                reason: .knownMistake)
        }
        if let known {
            if known.spellings.contains(where: { $0 != tag }) || known.replacementFile != nil { return nil }
            if index.uses(of: tag) - selfUses >= options.minimumOtherNoteUses { return nil }
        }

        let script = TagScript(of: tag)
        guard script != .dense else { return nil }
        let reader = TagWordReader(
            tag: tag, script: script, index: index, options: options, dictionary: dictionary)
        if let finding = knownTagFinding(for: tag, reader: reader) { return finding }
        guard let (suggestion, word) = reader.dictionaryCorrection() else { return nil }
        return TagSpellingFinding(
            tag: tag, suggestion: suggestion, evidence: .dictionary, reason: .misspelledWord(word))
    }

    private func knownTagFinding(for tag: String, reader: TagWordReader) -> TagSpellingFinding? {
        let length = tag.unicodeScalars.count
        guard length >= options.minimumFuzzyLength else { return nil }
        let candidate: TagSpellingFinding
        if let truncated = truncationTarget(of: tag) {
            candidate = TagSpellingFinding(
                tag: tag, suggestion: truncated.tag, evidence: truncated.evidence, reason: .truncation)
        } else if let near = index.nearMisses(
            of: tag, within: options.distanceLimit(forLength: length), minimumUses: options.minimumOtherNoteUses
        ).first {
            candidate = TagSpellingFinding(
                tag: tag, suggestion: near.known.tag, evidence: near.known.evidence,
                reason: .nearMiss(distance: near.distance))
        } else {
            return nil
        }
        // Asked last: it may load the dictionary, and only matters when there is something to suggest.
        guard !reader.isEveryWordPlausible(compoundsCount: candidate.reason != .truncation) else { return nil }
        return candidate
    }

    /// A known tag this one was cut from inside its last word: `calculu` of `calculus`, but not `china`
    /// of `china-analysis`, which is a complete tag of its own.
    private func truncationTarget(of tag: String) -> KnownTag? {
        guard tag.unicodeScalars.last != TagText.wordSeparator else { return nil }
        let length = TagText.folded(tag).unicodeScalars.count
        return index.knownTags(extending: tag, minimumUses: options.minimumOtherNoteUses).first { known in
            !TagText.folded(known.tag).unicodeScalars.dropFirst(length).contains(TagText.wordSeparator)
        }
    }
}
