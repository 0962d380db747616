/// Merges vocabularies, replacement lists and corpus counts into one entry per case-folded tag.
struct TagIndexBuilder {
    /// What the sources say of one folded tag so far.
    struct Draft {
        /// Usually one spelling, so an array beats a set.
        var spellings: [String] = []
        var vocabularySpelling: String?
        var vocabularyFile: String?
        var replacementSpelling: String?
        var replacementFile: String?
        var mostUsedSpelling: String?
        var mostUsedSpellingUses = 0
        var uses = 0

        mutating func note(_ spelling: String) {
            if !spellings.contains(spelling) { spellings.append(spelling) }
        }

        /// `uses` notes use `spelling`. The outcome does not depend on the order spellings are counted in.
        mutating func count(_ spelling: String, uses count: Int) {
            note(spelling)
            uses += count
            // Ties go to the alphabetically first spelling, so the choice does not depend on hash order.
            if count > mostUsedSpellingUses || (count == mostUsedSpellingUses && spelling < (mostUsedSpelling ?? spelling)) {
                mostUsedSpelling = spelling
                mostUsedSpellingUses = count
            }
        }

        func known(isKnownMistake: Bool) -> KnownTag {
            KnownTag(
                tag: vocabularySpelling ?? replacementSpelling ?? mostUsedSpelling ?? spellings[0],
                spellings: spellings.sorted(), vocabularyFile: vocabularyFile, replacementFile: replacementFile,
                uses: uses, isKnownMistake: isKnownMistake)
        }
    }

    /// By folded tag.
    private(set) var drafts: [String: Draft] = [:]
    private(set) var replacementsByFoldedWrong: [String: TagReplacement] = [:]

    mutating func add(_ vocabulary: TagVocabulary) {
        for tag in vocabulary.tags where !tag.isEmpty {
            update(tag) { draft in
                if draft.vocabularyFile == nil {
                    draft.vocabularyFile = vocabulary.file
                    draft.vocabularySpelling = tag
                }
            }
        }
    }

    /// The first list to name a mistake decides its correction.
    mutating func add(_ list: TagReplacementList) {
        for replacement in list.replacements where !replacement.right.isEmpty {
            let folded = TagText.folded(replacement.wrong)
            if replacementsByFoldedWrong[folded] == nil { replacementsByFoldedWrong[folded] = replacement }
            update(replacement.right) { draft in
                if draft.replacementFile == nil {
                    draft.replacementFile = list.file
                    draft.replacementSpelling = replacement.right
                }
            }
        }
    }

    mutating func addCorpus(uses: [String: Int]) {
        for (tag, count) in uses where count > 0 && !tag.isEmpty {
            update(tag) { $0.count(tag, uses: count) }
        }
    }

    func build() -> [(folded: String, known: KnownTag)] {
        drafts.map { folded, draft in
            (folded, draft.known(isKnownMistake: replacementsByFoldedWrong[folded] != nil))
        }
    }

    private mutating func update(_ tag: String, _ change: (inout Draft) -> Void) {
        let folded = TagText.folded(tag)
        change(&drafts[folded, default: Draft()])
        drafts[folded]?.note(tag)
    }
}
