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
    /// - Parameter compoundsCount: whether a word that splits into two dictionary words is plausible (not for a
    ///   tag that is the start of a known tag).
    func isEveryWordPlausible(compoundsCount: Bool = true) -> Bool {
        words.allSatisfy { word in
            switch verdict(on: word) {
            case .plausible: true
            case .rejected: compoundsCount && isCompound(word.lowercased())
            case .unknown: false
            }
        }
    }

    /// The tag with every correctable misspelled word corrected, and the first such word.
    func dictionaryCorrection() -> (suggestion: String, firstWord: String)? {
        var corrected = words.map(String.init)
        var firstWord: String?
        for (position, word) in words.enumerated() {
            guard case .rejected = verdict(on: word), let dictionary else { continue }
            let lowercased = word.lowercased()
            let suggestions = dictionary.suggestions(for: lowercased)
            if suggestions.contains(where: { $0.lowercased() == lowercased }) { continue }
            if let best = suggestions.first, Self.isSplit(of: lowercased, best) { continue }
            guard let correction = correction(of: lowercased, from: suggestions) else { continue }
            corrected[position] = correction
            firstWord = firstWord ?? String(word)
        }
        guard let firstWord else { return nil }
        return (corrected.joined(separator: "-"), firstWord)
    }

    private func verdict(on word: Substring) -> Verdict {
        if word.isEmpty { return .unknown }
        if isExempt(word) || index.isKnownWord(String(word), outside: tag, minimumUses: options.minimumOtherNoteUses) {
            return .plausible
        }
        guard let dictionary, dictionary.isAvailable else { return .unknown }
        let lowercased = word.lowercased()
        let capitalised = lowercased.prefix(1).uppercased() + lowercased.dropFirst()
        var tried: Set<String> = []
        for form in [String(word), lowercased, capitalised, word.uppercased()] where tried.insert(form).inserted {
            if dictionary.isCorrect(form) { return .plausible }
        }
        if dictionary.hasForm(inOtherCaseOf: lowercased) { return .plausible }
        return .rejected
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

    private func isExempt(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        if scalars.count < options.minimumCheckedWordLength { return true }
        if !scalars.allSatisfy(\.properties.isAlphabetic) { return true }
        return script == .latin && !word.lowercased().contains(where: Self.isVowel)
    }

    /// A completion anywhere in the list wins (`calculu`: `calculus` over Hunspell's first, `calculi`).
    /// Otherwise Hunspell's best single-word guess must be one common slip away: when its best guess is not,
    /// the word is more likely a name than a typo of any of the words it lists.
    private func correction(of word: String, from suggestions: [String]) -> String? {
        let typed = Array(word.unicodeScalars)
        let candidates = suggestions.lazy.map { Array($0.unicodeScalars) }.filter { intended in
            intended.count > 0 && intended.allSatisfy(\.properties.isLowercase) && !typed.starts(with: intended)
        }
        if typed.count >= options.minimumFuzzyLength, let completion = candidates.first(where: { $0.starts(with: typed) }) {
            return String(String.UnicodeScalarView(completion))
        }
        guard let best = candidates.first else { return nil }
        switch TypingSlip(typed: typed, intended: best) {
        case .omission?, .transposition?:
            return String(String.UnicodeScalarView(best))
        case .substitution? where typed.count >= options.minimumSubstitutionLength:
            return String(String.UnicodeScalarView(best))
        default:
            return nil
        }
    }

    private static func isSplit(of word: String, _ suggestion: String) -> Bool {
        suggestion.contains { $0 == " " || $0 == "-" } && suggestion.filter { $0 != " " && $0 != "-" } == word
    }

    /// `y` counts (`gym`, `rhythm`), and so does any accented letter.
    private static func isVowel(_ character: Character) -> Bool {
        "aeiouy".contains(character) || !character.isASCII
    }
}
