import NotelintLoader
import NotelintSpelling

/// Misspelled and truncated tags, judged from the vocabulary, the other notes and a spelling dictionary.
struct TagSpellingRule: CollectionRule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let key = OptionKey("key", "tags", "The key holding the tag list.")
        static let vocabularyFiles = OptionKey("vocabulary-files", [String](), "Accepted tags, one a line (`#` comments).")
        static let replacementFiles = OptionKey("replacement-files", [String](), "Known mistakes, one a line: `wrong -> right`.")
        static let minUses = OptionKey("min-uses", 2, "A tag used by at least this many other notes is accepted.")
        static let dictionary = OptionKey("dictionary", true, "Check the words of tags with Hunspell.")
        static let languages = OptionKey("languages", ["en_US"], "Hunspell dictionaries to use.")
        static let dictionaryFolders = OptionKey("dictionary-folders", [String](), "Extra folders holding `<language>.aff`/`.dic`.")
        static let wordListFiles = OptionKey("word-list-files", [String](), "Personal word lists: words the dictionary should accept.")
        static let longLength = OptionKey("long-length", 8, "Tags of at least this many characters are long.")
        static let shortDistance = OptionKey("short-distance", 1, "Edits allowed for a near miss of a short tag.")
        static let longDistance = OptionKey("long-distance", 2, "Edits allowed for a near miss of a long tag.")
    }

    static let description = RuleDescription(
        id: "tag-spelling",
        summary: "A tag looks misspelled or cut off",
        rationale: """
            A tag typed `decision-making-calculu` starts a tag page of its own, and the note drops off the page \
            it belongs to. Evidence comes from three places: accepted tags and known mistakes in `Rules/` files, \
            the tags other notes use (a tag used by enough other notes is accepted), and a Hunspell dictionary \
            for the English words inside kebab-case tags; a tag only one other note uses counts when the \
            dictionary knows its words. A tag is reported when it is cut off from a known tag, or one typing slip \
            from it (a letter left out, doubled, swapped or replaced by a neighbouring key, a hyphen missing or \
            splitting a word), and some word of it is not a word. Words the dictionary knows with another ending \
            (`agentic`) and words cut at the front (`rustacean`) are left alone unless the collection says \
            otherwise. Proper nouns and product names (`openai`, `kubernetes`) go in the vocabulary file, or are \
            accepted once enough notes use them.
            """,
        defaultSeverity: .error,
        options: [
            Option.key.declaration,
            Option.vocabularyFiles.declaration,
            Option.replacementFiles.declaration,
            Option.minUses.declaration,
            Option.dictionary.declaration,
            Option.languages.declaration,
            Option.dictionaryFolders.declaration,
            Option.wordListFiles.declaration,
            Option.longLength.declaration,
            Option.shortDistance.declaration,
            Option.longDistance.declaration,
        ],
        triggeringExamples: [
            "---\ntags:\n- ↓decision-making-calculu\n- power\n---\n",
            "---\ntags: [↓strateg, war]\n---\n",
            // A hyphen splitting a word: joined, the halves are a dictionary word.
            "---\ntags: [↓compe-tition, war]\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntags: [decision-making-calculus, power, relations, strategy, war]\n---\n",
            "---\ntags: [朝鲜战争, llm, k8s]\n---\n",
            RuleExample("---\ntags: [decision-making-calculu]\n---\n", options: ["dictionary": .bool(false)]),
            // Coined words: `crustacean` cut at the front, `agent` + `ic`. Not slips without the collection's word.
            "---\ntags: [rustacean, agentic]\n---\n",
        ],
        corrections: [
            // A tag one slip from a listed tag: the vocabulary is the evidence, so the fix is safe.
            RuleCorrection("---\ntags: [kubernets, war]\n---\n", "---\ntags: [kubernetes, war]\n---\n",
                           options: ["vocabulary-files": .strings(["tags.txt"])]),
            RuleCorrection("---\ntags: [decision-making-calculu, war]\n---\n", "---\ntags: [decision-making-calculus, war]\n---\n",
                           applicability: .unsafe),
        ]
    )

    var corpusKey: String { key }

    let key: String
    let vocabularies: [TagVocabulary]
    let replacementLists: [TagReplacementList]
    let judgement: TagSpellingOptions
    let dictionary: SpellCheckerConfiguration?
    /// The dictionary, loaded on first need, its answers kept between runs when there is a cache.
    let spellChecker: RememberingSpellChecker?
    private let judges = JudgeCache()

    init(options: RuleOptions) {
        key = options[Option.key]
        vocabularies = options.fileTexts(Option.vocabularyFiles).map { TagVocabulary(parsing: $0.text, file: Self.shown($0.path)) }
        replacementLists = options.fileTexts(Option.replacementFiles).map { TagReplacementList(parsing: $0.text, file: Self.shown($0.path)) }
        judgement = TagSpellingOptions(
            minimumOtherNoteUses: options[Option.minUses], longLength: options[Option.longLength],
            shortDistance: options[Option.shortDistance], longDistance: options[Option.longDistance])
        if options[Option.dictionary] {
            let words = options.fileTexts(Option.wordListFiles).flatMap { PersonalWordList.words(in: $0.text) }
            dictionary = SpellCheckerConfiguration(
                languages: options[Option.languages], extraFolders: options[Option.dictionaryFolders], personalWords: words)
        } else {
            dictionary = nil
        }
        spellChecker = dictionary.map { RememberingSpellChecker(checker: LazySpellChecker.shared(for: $0)) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let list = TagList(context, key: key) else { return [] }
        let judge = judge(for: context.corpus ?? TagCorpus())
        let present = Set(list.tags.map(\.text))
        return list.tags.compactMap { node, text in
            guard let finding = judge.finding(for: text) else { return nil }
            let suggestion = finding.suggestion
            let applicability = Self.applicability(of: finding.evidence)
            // When the right tag is already listed, the wrong one goes instead of becoming a duplicate.
            let fix: Fix?
            if present.contains(suggestion) {
                fix = YAMLEdits.removeItem(node, from: list.sequence, in: context.source)
                    .map { Fix(edits: [$0], applicability: applicability, title: "remove `\(text)`: `\(suggestion)` is listed already") }
            } else {
                fix = YAMLEdits.replaceScalar(node, with: suggestion, inFlow: list.isFlow)
                    .map { Fix(edits: [$0], applicability: applicability, title: "replace with `\(suggestion)`") }
            }
            return Finding(
                range: node.range, message: Self.message(finding), suggestions: [suggestion], fix: fix, subject: "\(key)=\(text)")
        }
    }

    func reportableValues(among values: Set<String>?, in corpus: TagCorpus, workers: Int) -> Set<String>? {
        let judge = judge(for: corpus)
        // Every distinct tag once, on every core: the near-miss searches dominate, and they share nothing.
        let tags = values.map(Array.init) ?? Array(corpus.uses.keys)
        let reported = Parallel.map(tags, workers: workers) { judge.finding(for: $0) != nil }
        return Set(zip(tags, reported).lazy.filter(\.1).map(\.0))
    }

    private func judge(for corpus: TagCorpus) -> MemoizedJudge {
        judges.judge(for: corpus) { uses in
            TagSpellingJudge(
                index: TagIndex(vocabularies: vocabularies, replacementLists: replacementLists, corpusUses: uses),
                options: judgement, dictionary: spellChecker)
        }
    }

    static func message(_ finding: TagSpellingFinding) -> String {
        let what: String
        switch finding.reason {
        case .truncation: what = "tag `\(finding.tag)` looks cut off"
        case .nearMiss(let distance):
            if let slip = finding.slipDescription {
                what = "tag `\(finding.tag)` \(slip)"
            } else {
                what = "tag `\(finding.tag)` is \(distance == 1 ? "one edit" : "\(distance) edits") away from a known tag"
            }
        case .misspelledWord(let word) where word == finding.tag: what = "tag `\(finding.tag)` looks misspelled"
        case .misspelledWord(let word): what = "tag `\(finding.tag)` has a misspelled word `\(word)`"
        case .knownMistake: what = "tag `\(finding.tag)` is a known mistake"
        }
        return "\(what); did you mean `\(finding.suggestion)`? (\(evidenceText(finding.evidence)))"
    }

    static func evidenceText(_ evidence: TagEvidence) -> String {
        switch evidence {
        case .vocabulary(let file): "in \(file)"
        case .replacementList(let file): "listed in \(file)"
        case .corpus(let uses): "used in \(uses) note\(uses == 1 ? "" : "s")"
        case .corpusAndDictionary(let uses):
            "used in \(uses) note\(uses == 1 ? "" : "s"), its words in the spelling dictionary"
        case .dictionary: "suggested by the spelling dictionary"
        }
    }

    /// A fix resting on the vocabulary or on enough notes is safe; one the dictionary had a say in needs a glance.
    static func applicability(of evidence: TagEvidence) -> Applicability {
        switch evidence {
        case .vocabulary, .replacementList, .corpus: .safe
        case .corpusAndDictionary, .dictionary: .unsafe
        }
    }

    /// Files named relative to the current folder when they are inside it, as users wrote them.
    static func shown(_ path: String) -> String {
        PathText.shown(path)
    }
}

/// One judge per corpus. The tag index over a corpus counted whole is built once, on first use, and shared by
/// every note; a corpus that changes one (the note being typed beside the others, a note whose tags a fix changed,
/// see `NoteFixer.Evidence`) gets that index adjusted by the change, which costs what the change costs. A few of
/// each are kept, most recently used first, each corpus with its judge so that its identity cannot be reused by
/// another corpus.
private final class JudgeCache: @unchecked Sendable {
    /// Whole corpora: a run's, an editor's collection; their indexes are the costly part.
    private static let wholeCapacity = 2
    /// Changes: their judges are small, and a change shared by many fixed notes is judged once.
    private static let changedCapacity = 16
    // @unchecked: the lists are only touched while `lock` is held.
    private let lock = SpellingLock()
    private var whole: [(corpus: TagCorpus, judge: MemoizedJudge)] = []
    private var changed: [(corpus: TagCorpus, judge: MemoizedJudge)] = []

    func judge(for corpus: TagCorpus, make: ([String: Int]) -> TagSpellingJudge) -> MemoizedJudge {
        guard let base = corpus.base else {
            return lock.withLock {
                Self.judge(for: corpus, in: &whole, capacity: Self.wholeCapacity) { MemoizedJudge(judge: make(corpus.uses), corpus: corpus) }
            }
        }
        let baseJudge = judge(for: base, make: make)
        return lock.withLock {
            Self.judge(for: corpus, in: &changed, capacity: Self.changedCapacity) {
                MemoizedJudge(judge: baseJudge.judge.adjusted(by: corpus.changes), corpus: corpus)
            }
        }
    }

    private static func judge(
        for corpus: TagCorpus, in cached: inout [(corpus: TagCorpus, judge: MemoizedJudge)], capacity: Int,
        make: () -> MemoizedJudge
    ) -> MemoizedJudge {
        if let index = cached.firstIndex(where: { $0.corpus === corpus }) {
            let entry = cached.remove(at: index)
            cached.insert(entry, at: 0)
            return entry.judge
        }
        let judge = make()
        cached.insert((corpus, judge), at: 0)
        if cached.count > capacity { cached.removeLast() }
        return judge
    }
}

/// A judge's verdicts remembered by tag: with the corpus fixed, a tag's verdict is the same in every note, and
/// the dictionary's suggestions it may need cost milliseconds.
private final class MemoizedJudge: @unchecked Sendable {
    // @unchecked: `verdicts` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private var verdicts: [String: TagSpellingFinding?] = [:]
    let judge: TagSpellingJudge
    private let corpus: TagCorpus

    init(judge: TagSpellingJudge, corpus: TagCorpus) {
        self.judge = judge
        self.corpus = corpus
    }

    /// The finding for one use of `tag` in a note of the corpus.
    func finding(for tag: String) -> TagSpellingFinding? {
        if let known = lock.withLock({ verdicts[tag] }) { return known }
        // Judged outside the lock: two threads may judge the same tag once each, never wait on each other.
        var finding = judge.judge(tag, selfUses: 1)
        // Two tags used equally often are two tags, not a typo of each other: the suggestion must be the more used.
        if case .corpus(let suggestionUses)? = finding?.evidence, suggestionUses <= corpus.uses(of: tag) ?? 1 { finding = nil }
        lock.withLock { verdicts[tag] = .some(finding) }
        return finding
    }
}
