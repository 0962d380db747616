/// The thresholds of tag-spelling judgement.
public struct TagSpellingOptions: Sendable, Hashable {
    /// A tag used by at least this many notes besides the one being checked is accepted, and known tags
    /// need as many uses to be suggested.
    public var minimumOtherNoteUses: Int
    /// Tags of at least this many Unicode scalars are long: they get `longDistance`.
    public var longLength: Int
    /// Edits allowed for a near miss of a short tag.
    public var shortDistance: Int
    /// Edits allowed for a near miss of a long tag.
    public var longDistance: Int
    /// Shorter tags are too close to too many others for truncation or near-miss guesses (`ai`, `ui`, `ml`),
    /// and shorter words are not completed by the dictionary (`wra` is `war`, not `wrap`).
    public var minimumFuzzyLength: Int
    /// Shorter words are not given to the dictionary: at two letters nearly everything is an abbreviation.
    public var minimumCheckedWordLength: Int
    /// Shorter words are not corrected by the dictionary for one wrong letter: too many names are one letter
    /// from a dictionary word (`postgres`/`postures`, `rustlang`/`rustling`).
    public var minimumSubstitutionLength: Int
    /// Shorter tags are not taken for a known tag cut short (`sle` of `sleep` is; `ai` of `aid` is not).
    public var minimumTruncationLength: Int
    /// A tag of one word shorter than this is not corrected by the dictionary alone: with no other word to show
    /// it is English, a short unknown word is more often a name (`epel`, `gobin`, `clerc`) than a slip.
    public var minimumLoneWordCorrectionLength: Int

    public init(
        minimumOtherNoteUses: Int = 2, longLength: Int = 8, shortDistance: Int = 1, longDistance: Int = 2,
        minimumFuzzyLength: Int = 4, minimumCheckedWordLength: Int = 3, minimumSubstitutionLength: Int = 10,
        minimumTruncationLength: Int = 3, minimumLoneWordCorrectionLength: Int = 7
    ) {
        self.minimumOtherNoteUses = minimumOtherNoteUses
        self.longLength = longLength
        self.shortDistance = shortDistance
        self.longDistance = longDistance
        self.minimumFuzzyLength = minimumFuzzyLength
        self.minimumCheckedWordLength = minimumCheckedWordLength
        self.minimumSubstitutionLength = minimumSubstitutionLength
        self.minimumTruncationLength = minimumTruncationLength
        self.minimumLoneWordCorrectionLength = minimumLoneWordCorrectionLength
    }

    func distanceLimit(forLength length: Int) -> Int {
        length >= longLength ? longDistance : shortDistance
    }
}
