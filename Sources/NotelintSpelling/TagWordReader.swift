/// Reads one tag word by word, against the known tags' words and the dictionary.
///
/// The dictionary is the weakest evidence: it does not know product names, abbreviations or new words
/// (`kubernetes`, `llm`, `devops`, `golang`), and its suggestions for them are nonsense (`rubbernecks`, `ll`,
/// `develops`, `gobang`). To keep such false alarms rare, a word is left alone when any of these hold:
/// - it is shorter than `minimumCheckedWordLength`, or has a digit or other non-letter (`k8s`, `web3`, `c++`);
/// - it is Latin and has no vowel (`llm`, `nlp`, `css`): read as an abbreviation;
/// - a trusted tag other than this one has it as a word (`llm` in a known `llm-agents`);
/// - the dictionary accepts it as written, in lower case, capitalised or in capitals (`paris`, `nato`),
///   or holds it with other capitals (`JavaScript` for `javascript`, `GitHub` for `github`);
/// - it splits into two dictionary words (`open ai` for `openai`): a compound. Not when the tag is the start
///   of a known tag: `governan` of `governance` is cut off, whatever `govern an` spells.
///
/// These are cheap questions. Hunspell's suggestions cost milliseconds a word, so they are asked only when a
/// correction is looked for, and then the first suggestion being a split also counts as a compound.
///
/// And a correction is offered only when the word is its cut-off start (`calculu` → `calculus`), or when
/// Hunspell's best single-word guess is one common slip away: a left-out letter (`stratgy`), two swapped
/// letters (`histroy`), or in a long word one wrong letter (`neurosciense`). An unknown word one *extra* or
/// *different* letter away from a dictionary word is more often a name than a typo (`nodejs`/`nodes`,
/// `frontend`/`fronted`, `numpy`/`bumpy`), and so is a word whose best guess is further off (`backend`, whose
/// best guess is `backed`, not the later `backbend`). Corrections are single lowercase words; without one
/// there is no finding.
struct TagWordReader {
    private enum Verdict {
        /// Nothing speaks against the word.
        case plausible
        /// The dictionary rejects the word.
        case rejected
        /// No dictionary, and no known tag uses the word.
        case unknown
    }

    let index: TagIndex
    let options: TagSpellingOptions
    let dictionary: (any WordSpellingDictionary)?
    let tag: String
    let words: [Substring]
    private let script: TagScript

    init(
        tag: String, script: TagScript, index: TagIndex, options: TagSpellingOptions,
        dictionary: (any WordSpellingDictionary)?
    ) {
        self.tag = tag
        self.script = script
        self.index = index
        self.options = options
        self.dictionary = script == .latin ? dictionary : nil
        self.words = TagText.words(of: tag)
    }

    /// True when no word has evidence against it: then a near or longer known tag is a different tag,
    /// not the intended spelling (`game` next to `games`, `war` next to `warfare`).
    /// - Parameters:
    ///   - compoundsCount: whether a word that splits into two dictionary words is plausible (not for a tag that is
    ///     the start of a known tag, or one slip from it).
    ///   - affixesCount: whether a dictionary word with a common prefix or suffix added is plausible (`actioned`,
    ///     `agentic`, `uncompress`): not when a trusted known tag is one slip away.
    ///   - abbreviationsCount: whether a word without a vowel is read as an abbreviation (`llm`): not when a known
    ///     tag is one slip away (`brnd` beside a trusted `brand`).
    func isEveryWordPlausible(compoundsCount: Bool = true, affixesCount: Bool = true, abbreviationsCount: Bool = true) -> Bool {
        words.allSatisfy { word in
            switch verdict(on: word, abbreviationsCount: abbreviationsCount) {
            case .plausible: true
            case .rejected:
                (compoundsCount && isCompound(word.lowercased())) || (affixesCount && isAffixed(word.lowercased()))
            case .unknown: false
            }
        }
    }

    /// Whether a dictionary can be asked (one is configured and could be loaded).
    var hasDictionary: Bool { dictionary?.isAvailable ?? false }

    /// The tag with every correctable misspelled word corrected, and the first such word.
    ///
    /// Two neighbouring words that make one dictionary word when joined, one of them rejected, are a word split by
    /// a hyphen (`compe-tition`). A tag of one word, with no other word to show it is English, is corrected only
    /// when it is long (`minimumLoneWordCorrectionLength`): short unknown words are mostly names (`epel`, `gobin`).
    /// - Parameter rejected: `rejectedWords()`, when the caller has it already.
    func dictionaryCorrection(rejected: [Bool]? = nil) -> (suggestion: String, firstWord: String)? {
        guard let dictionary, dictionary.isAvailable else { return nil }
        // Each word's verdict once: joining asks about neighbours, and verdicts cost dictionary lookups.
        let isRejected = rejected ?? rejectedWords()
        var corrected: [String] = []
        var firstWord: String?
        var position = 0
        while position < words.count {
            let word = words[position]
            if position + 1 < words.count, isRejected[position] || isRejected[position + 1],
                let joined = joinedWord(word, words[position + 1])
            {
                corrected.append(joined)
                firstWord = firstWord ?? "\(word)-\(words[position + 1])"
                position += 2
                continue
            }
            position += 1
            corrected.append(String(word))
            guard isRejected[position - 1] else { continue }
            let lowercased = word.lowercased()
            if words.count == 1, lowercased.unicodeScalars.count < options.minimumLoneWordCorrectionLength { continue }
            let suggestions = dictionary.suggestions(for: lowercased)
            if suggestions.contains(where: { $0.lowercased() == lowercased }) { continue }
            guard let correction = correction(of: lowercased, from: suggestions, isAffixed: isAffixed(lowercased))
            else { continue }
            corrected[corrected.count - 1] = correction
            firstWord = firstWord ?? String(word)
        }
        guard let firstWord else { return nil }
        return (corrected.joined(separator: "-"), firstWord)
    }

    /// For each word, whether the dictionary rejects it (as written and in its other cases), short words, words
    /// with digits and abbreviations aside.
    func rejectedWords() -> [Bool] {
        words.map { word in
            if case .rejected = verdict(on: word, abbreviationsCount: true) { true } else { false }
        }
    }

    /// `compe` and `tition` as `competition` (one of them rejected): the joined word, when the dictionary accepts it.
    private func joinedWord(_ first: Substring, _ second: Substring) -> String? {
        guard let dictionary, !first.isEmpty, !second.isEmpty else { return nil }
        let joined = (first + second).lowercased()
        guard joined.unicodeScalars.count >= options.minimumFuzzyLength, dictionary.isCorrect(joined) else { return nil }
        return joined
    }

    private func verdict(on word: Substring, abbreviationsCount: Bool) -> Verdict {
        if word.isEmpty { return .unknown }
        if isExempt(word, abbreviationsCount: abbreviationsCount) || index.isKnownWord(String(word), outside: tag, minimumUses: options.minimumOtherNoteUses) {
            return .plausible
        }
        guard let dictionary, dictionary.isAvailable else { return .unknown }
        return dictionary.acceptsInSomeCase(word) ? .plausible : .rejected
    }

    /// Two dictionary words of two letters or more, run together: `openai`, `devtools`.
    private func isCompound(_ word: String) -> Bool {
        guard let dictionary, dictionary.isAvailable else { return false }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4 else { return false }
        for cut in 2...(scalars.count - 2) {
            let head = String(String.UnicodeScalarView(scalars[..<cut]))
            let tail = String(String.UnicodeScalarView(scalars[cut...]))
            if dictionary.isCorrect(head) && dictionary.isCorrect(tail) { return true }
        }
        return false
    }

    /// Endings and beginnings English adds to a word to make another: a word made of a dictionary word and one of
    /// these is the writer's own derivation, not a slip (`actioned`, `agentic`, `bootstrapper`, `uncompress`).
    private static let suffixes = [
        "s", "es", "d", "ed", "r", "er", "ers", "ing", "ings", "ic", "al", "ly", "ness", "able", "ful", "less",
        "ize", "ise", "ism", "ist", "ish", "ity",
    ]
    private static let prefixes = ["un", "re", "pre", "co", "de", "dis", "non", "sub", "over", "under", "auto", "multi", "micro", "inter"]

    /// A dictionary word (of four letters or more) with one of `suffixes` or `prefixes` added; for a suffix, also
    /// with a final `e` dropped (`customizer`) or a final consonant doubled (`bootstrapper`).
    private func isAffixed(_ word: String) -> Bool {
        guard let dictionary, dictionary.isAvailable else { return false }
        let length = word.count
        for suffix in Self.suffixes where word.hasSuffix(suffix) && length - suffix.count >= 4 {
            let stem = String(word.dropLast(suffix.count))
            if isDictionaryWord(stem) || isDictionaryWord(stem + "e") { return true }
            if let last = stem.last, stem.dropLast().last == last, isDictionaryWord(String(stem.dropLast())) { return true }
        }
        for prefix in Self.prefixes where word.hasPrefix(prefix) && length - prefix.count >= 4 {
            if isDictionaryWord(String(word.dropFirst(prefix.count))) { return true }
        }
        return false
    }

    private func isDictionaryWord(_ lowercased: String) -> Bool {
        guard let dictionary else { return false }
        return dictionary.isCorrect(lowercased) || dictionary.isCorrect(lowercased.prefix(1).uppercased() + lowercased.dropFirst())
    }

    private func isExempt(_ word: Substring, abbreviationsCount: Bool) -> Bool {
        let scalars = word.unicodeScalars
        if scalars.count < options.minimumCheckedWordLength { return true }
        if !scalars.allSatisfy(\.properties.isAlphabetic) { return true }
        return abbreviationsCount && script == .latin && !word.lowercased().contains(where: Self.isVowel)
    }

    /// A completion anywhere in the list wins (`calculu`: `calculus` over Hunspell's first, `calculi`), even over a
    /// first suggestion that splits the word (`readi`: `reading`, not `read i`).
    /// Otherwise Hunspell's best single-word guess must be one common slip away: when its best guess is not,
    /// the word is more likely a name than a typo of any of the words it lists.
    ///
    /// A word that is a dictionary word with an affix added (`isAffixed`) is only corrected for a doubled letter
    /// (`paintting`, which is also `paint` + `ing`).
    private func correction(of word: String, from suggestions: [String], isAffixed: Bool) -> String? {
        let typed = Array(word.unicodeScalars)
        let candidates = suggestions.lazy.map { Array($0.unicodeScalars) }.filter { intended in
            intended.count > 0 && intended.allSatisfy(\.properties.isLowercase) && !typed.starts(with: intended)
        }
        if !isAffixed, typed.count >= options.minimumFuzzyLength,
            let completion = candidates.first(where: { $0.starts(with: typed) })
        {
            return String(String.UnicodeScalarView(completion))
        }
        if let first = suggestions.first, Self.isSplit(of: word, first) { return nil }
        guard let best = candidates.first, let slip = TypingSlip(typed: typed, intended: best) else { return nil }
        let isSlip: Bool
        switch isAffixed ? nil : slip.kind {
        case nil: isSlip = slip.kind == .insertion && slip.isDoubling
        // A left-out first letter is another word more often than a slip (`rustacean`, `uber`): only the
        // collection's evidence can say otherwise.
        case .omission?: isSlip = !slip.isFrontOmission
        case .transposition?: isSlip = true
        case .insertion?: isSlip = slip.isDoubling
        case .substitution?: isSlip = typed.count >= options.minimumSubstitutionLength
        }
        return isSlip ? String(String.UnicodeScalarView(best)) : nil
    }

    private static func isSplit(of word: String, _ suggestion: String) -> Bool {
        suggestion.contains { $0 == " " || $0 == "-" } && suggestion.filter { $0 != " " && $0 != "-" } == word
    }

    /// `y` counts (`gym`, `rhythm`), and so does any accented letter.
    private static func isVowel(_ character: Character) -> Bool {
        "aeiouy".contains(character) || !character.isASCII
    }
}
