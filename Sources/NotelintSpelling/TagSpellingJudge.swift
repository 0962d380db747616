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

    /// This judge with its index adjusted by a few notes' changed tags (see `TagIndex.adjusted(by:)`).
    public func adjusted(by changes: [String: Int]) -> TagSpellingJudge {
        TagSpellingJudge(index: index.adjusted(by: changes), options: options, dictionary: dictionary)
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
        let length = tag.unicodeScalars.count
        if let finding = trustedTagFinding(for: tag, length: length, reader: reader) { return finding }
        // The words the dictionary rejects, asked once for the two kinds of evidence that need them.
        guard reader.hasDictionary else { return nil }
        let rejected = reader.rejectedWords()
        guard rejected.contains(true) else { return nil }
        if let finding = rareTagFinding(for: tag, length: length, reader: reader) { return finding }
        guard let (suggestion, word) = reader.dictionaryCorrection(rejected: rejected) else { return nil }
        return TagSpellingFinding(
            tag: tag, suggestion: suggestion, evidence: .dictionary, reason: .misspelledWord(word))
    }

    /// A trusted known tag (listed, or used by enough notes) this one is cut from or one slip from.
    private func trustedTagFinding(for tag: String, length: Int, reader: TagWordReader) -> TagSpellingFinding? {
        guard length >= options.minimumTruncationLength else { return nil }
        let trusted = options.minimumOtherNoteUses
        // Plausibility is asked after a candidate is found: it may load the dictionary, and only matters when there is
        // one. A hyphen too many or too few beside a trusted tag is that tag, whatever its halves spell (`ro-utes`).
        let trustedNeighbours = neighbours(of: tag, length: length, minimumUses: trusted)
        if let candidate = candidate(for: tag, among: trustedNeighbours, where: { _ in true }),
            candidate.isHyphenSlip
                || !reader.isEveryWordPlausible(
                    compoundsCount: candidate.compoundsCount, affixesCount: false,
                    abbreviationsCount: !candidate.isSingleSlip)
        {
            return candidate.finding(for: tag, evidence: candidate.known.evidence)
        }
        return nil
    }

    /// A tag too few notes use to be trusted alone, made of dictionary words, that this one is cut from or one slip
    /// from. Asked only when the dictionary rejects a word of this tag.
    private func rareTagFinding(for tag: String, length: Int, reader: TagWordReader) -> TagSpellingFinding? {
        let trusted = options.minimumOtherNoteUses
        guard length >= options.minimumTruncationLength, trusted > 1 else { return nil }
        // A tag too few notes use to be trusted alone, whose words the dictionary accepts, one slip from this tag
        // that has a word the dictionary rejects: the two sources together are evidence (`quanttum-computing` beside
        // one `quantum-computing`). Weaker than a trusted tag: one slip or a cut, and a short one-word tag cut short
        // only when the dictionary offers the longer word too.
        let isLoneShortWord = reader.words.count == 1 && length < options.minimumLoneWordCorrectionLength
        let ownUses = index.uses(of: tag)
        guard
            let candidate = candidate(for: tag, among: neighbours(of: tag, length: length, minimumUses: 1), where: { known in
                !known.isTrusted(minimumUses: trusted) && !known.isKnownMistake && known.uses >= ownUses
                    && isMadeOfDictionaryWords(known.tag)
            }),
            candidate.isSingleSlip || candidate.reason == .truncation,
            !reader.isEveryWordPlausible(
                compoundsCount: candidate.compoundsCount, affixesCount: false, abbreviationsCount: true)
        else { return nil }
        // A short word cut from a word the dictionary itself offers for it (`justic`: `justice`); not one it does not
        // (`goog` beside one `google`, `observ` beside one `observability`).
        if candidate.reason == .truncation, isLoneShortWord {
            let offered = dictionary?.suggestions(for: TagText.folded(tag)) ?? []
            guard offered.contains(where: { TagText.folded($0) == TagText.folded(candidate.known.tag) }) else { return nil }
        }
        return candidate.finding(for: tag, evidence: .corpusAndDictionary(uses: candidate.known.uses))
    }

    /// The known tags a tag may have been cut from, and those near it, in preference order.
    private struct Neighbours {
        let extending: [KnownTag]
        let near: [TagNearMiss]
    }

    /// Known tags used by at least `minimumUses` notes (or listed) near `tag`: the near-miss search is the costly
    /// part of judging a tag, so it is asked for the weaker evidence only once the cheap questions leave a doubt.
    private func neighbours(of tag: String, length: Int, minimumUses: Int) -> Neighbours {
        Neighbours(
            extending: truncationTargets(of: tag, minimumUses: minimumUses),
            near: length >= options.minimumFuzzyLength
                ? index.nearMisses(of: tag, within: options.distanceLimit(forLength: length), minimumUses: minimumUses)
                : [])
    }

    /// A known tag this one may be a slip of, and how its words are to be read.
    private struct Candidate {
        let known: KnownTag
        let reason: TagSpellingReason
        /// Whether a word splitting into two dictionary words makes the tag plausible: not when the tag is the
        /// start of a known tag, or one slip from a known tag of dictionary words (`comppetition` is
        /// `comp petition`, and still a slip).
        let compoundsCount: Bool

        var isSingleSlip: Bool { reason == .nearMiss(distance: 1) }
        /// One slip, and that slip a hyphen: `labormarket`, `compe-tition`.
        var isHyphenSlip = false

        func finding(for tag: String, evidence: TagEvidence) -> TagSpellingFinding {
            TagSpellingFinding(tag: tag, suggestion: known.tag, evidence: evidence, reason: reason)
        }
    }

    /// The first of `neighbours` passing `accept` that `tag` was cut from, else the nearest one it is a typing
    /// slip of.
    private func candidate(
        for tag: String, among neighbours: Neighbours, where accept: (KnownTag) -> Bool
    ) -> Candidate? {
        if let truncated = neighbours.extending.first(where: accept) {
            return Candidate(known: truncated, reason: .truncation, compoundsCount: false)
        }
        let typed = Array(TagText.folded(tag).unicodeScalars)
        for near in neighbours.near where accept(near.known) {
            let intended = Array(TagText.folded(near.known.tag).unicodeScalars)
            guard near.distance == 1 else {
                // Letters added after a whole known tag make another form of it (`opentelemetryio`).
                if typed.starts(with: intended) { continue }
                return Candidate(known: near.known, reason: .nearMiss(distance: near.distance), compoundsCount: true)
            }
            // One edit: only the slips fingers make (`kanal` is not a slip of `canal`), and a letter added at the
            // end only when it doubles the last one (`healthz` and `opentelemetrys` are other forms).
            guard let slip = TypingSlip(typed: typed, intended: intended), slip.isKeyboardSlip,
                !typed.starts(with: intended) || slip.isDoubling
            else { continue }
            // Two dictionary words run together excuse a left-out, swapped or wrong letter when the known tag is a
            // name too (`openai` beside `openapi`), not when it is made of dictionary words (`diplomacu` is
            // `diploma cu`, and still `diplomacy`), nor a doubled letter (`comppetition`) or a hyphen (`labormarket`).
            let compoundsCount = !slip.isDoubling && !slip.isHyphen && !isMadeOfDictionaryWords(near.known.tag)
            return Candidate(
                known: near.known, reason: .nearMiss(distance: 1), compoundsCount: compoundsCount,
                isHyphenSlip: slip.isHyphen)
        }
        return nil
    }

    /// Known tags this one was cut from inside its last word: `calculu` of `calculus`, but not `china` of
    /// `china-analysis`, which is a complete tag of its own. Most used first.
    private func truncationTargets(of tag: String, minimumUses: Int) -> [KnownTag] {
        guard tag.unicodeScalars.last != TagText.wordSeparator else { return [] }
        let length = TagText.folded(tag).unicodeScalars.count
        return index.knownTags(extending: tag, minimumUses: minimumUses).filter { known in
            !TagText.folded(known.tag).unicodeScalars.dropFirst(length).contains(TagText.wordSeparator)
        }
    }

    /// Every word of `tag` is one the dictionary accepts (or one too short or too technical to ask about).
    private func isMadeOfDictionaryWords(_ tag: String) -> Bool {
        TagWordReader(tag: tag, script: TagScript(of: tag), index: index, options: options, dictionary: dictionary)
            .isEveryWordPlausible(compoundsCount: false, affixesCount: false)
    }
}
