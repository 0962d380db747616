import NotelintText

/// The known tags and their evidence, indexed for the three questions tag-spelling asks:
/// is this tag known, which known tags does it cut short, and which known tags are a typo away.
///
/// Built once per run and shared by every thread. Exact lookups are hash lookups; prefix search is a binary
/// search in the folded tags sorted by scalar; near misses use a deletion-neighbourhood index that is only
/// built the first time a tag is not simply known.
public final class TagIndex: Sendable {
    /// The largest edit distance near-miss search can answer; larger requests are capped to it.
    public let maximumEditDistance: Int

    private let entries: [KnownTag]
    private let foldedScalars: [[Unicode.Scalar]]
    private let idsByFolded: [String: Int]
    private let exactUses: [String: Int]
    private let replacementsByFoldedWrong: [String: TagReplacement]
    /// Entry ids in the order of their folded scalars.
    private let prefixOrder: [Int]
    /// Folded word → ids of the entries that contain it as a kebab-case word.
    private let idsByWord: [String: [Int]]
    private let nearMissIndex: LazyDeletionIndex

    /// - Parameters:
    ///   - corpusUses: for each tag as written, the number of notes using it.
    ///   - maximumEditDistance: the near-miss index grows with the square of this; 2 covers tag typos.
    public init(
        vocabularies: [TagVocabulary] = [], replacementLists: [TagReplacementList] = [],
        corpusUses: [String: Int] = [:], maximumEditDistance: Int = 2
    ) {
        var builder = TagIndexBuilder()
        vocabularies.forEach { builder.add($0) }
        replacementLists.forEach { builder.add($0) }
        builder.addCorpus(uses: corpusUses)
        let built = builder.build()

        entries = built.map(\.known)
        foldedScalars = built.map { Array($0.folded.unicodeScalars) }
        idsByFolded = Dictionary(uniqueKeysWithValues: built.enumerated().map { ($1.folded, $0) })
        exactUses = corpusUses
        replacementsByFoldedWrong = builder.replacementsByFoldedWrong
        prefixOrder = foldedScalars.indices.sorted { [foldedScalars] in
            foldedScalars[$0].lexicographicallyPrecedes(foldedScalars[$1]) { $0.value < $1.value }
        }
        var idsByWord: [String: [Int]] = [:]
        for (id, entry) in built.enumerated() {
            for word in TagText.words(of: entry.folded) where !word.isEmpty {
                // A word repeated in one tag (`cross-cross`) is listed once.
                let key = String(word)
                if idsByWord[key]?.last != id { idsByWord[key, default: []].append(id) }
            }
        }
        self.idsByWord = idsByWord
        self.maximumEditDistance = max(0, maximumEditDistance)
        nearMissIndex = LazyDeletionIndex(strings: foldedScalars, maximumDeletions: self.maximumEditDistance)
    }

    public var count: Int { entries.count }

    /// The entry for `tag` in any letter case.
    public func knownTag(_ tag: String) -> KnownTag? {
        idsByFolded[TagText.folded(tag)].map { entries[$0] }
    }

    /// Notes using exactly this spelling.
    public func uses(of tag: String) -> Int { exactUses[tag] ?? 0 }

    /// The replacement list entry for `tag` in any letter case.
    public func replacement(for tag: String) -> TagReplacement? {
        replacementsByFoldedWrong[TagText.folded(tag)]
    }

    /// Trusted tags of which `prefix` is a strict prefix (ignoring case): the tags it may have been cut from.
    /// Most used first, then shortest, then alphabetical.
    public func knownTags(extending prefix: String, minimumUses: Int) -> [KnownTag] {
        let query = Array(TagText.folded(prefix).unicodeScalars)
        var position = lowerBound(of: query)
        var found: [Int] = []
        while position < prefixOrder.count {
            let id = prefixOrder[position]
            guard foldedScalars[id].starts(with: query) else { break }
            if foldedScalars[id].count > query.count, entries[id].isTrusted(minimumUses: minimumUses) {
                found.append(id)
            }
            position += 1
        }
        return found.sorted(by: preferredFirst).map { entries[$0] }
    }

    /// Trusted tags other than `tag` within `distance` edits of it (ignoring case), nearest first,
    /// then most used, then shortest, then alphabetical.
    public func nearMisses(of tag: String, within distance: Int, minimumUses: Int) -> [TagNearMiss] {
        let limit = min(distance, maximumEditDistance)
        guard limit > 0 else { return [] }
        let query = Array(TagText.folded(tag).unicodeScalars)
        var found: [(id: Int, distance: Int)] = []
        for id in nearMissIndex.index.candidates(near: query, distance: limit) {
            guard entries[id].isTrusted(minimumUses: minimumUses),
                let edits = EditDistance.between(query, foldedScalars[id], metric: .optimalStringAlignment, limit: limit), edits > 0
            else { continue }
            found.append((id, edits))
        }
        return found.sorted { lhs, rhs in
            lhs.distance != rhs.distance ? lhs.distance < rhs.distance : preferredFirst(lhs.id, rhs.id)
        }.map { TagNearMiss(known: entries[$0.id], distance: $0.distance) }
    }

    /// Whether a trusted tag other than `tag` has `word` as one of its kebab-case words (ignoring case):
    /// evidence that the word is real even when the dictionary does not know it.
    public func isKnownWord(_ word: String, outside tag: String, minimumUses: Int) -> Bool {
        let excluded = idsByFolded[TagText.folded(tag)]
        return (idsByWord[TagText.folded(word)] ?? []).contains { id in
            id != excluded && entries[id].isTrusted(minimumUses: minimumUses)
        }
    }

    /// Whether the near-miss index has been built; it is built on the first `nearMisses` call.
    public var hasBuiltNearMissIndex: Bool { nearMissIndex.isBuilt }

    private func preferredFirst(_ lhs: Int, _ rhs: Int) -> Bool {
        let (left, right) = (entries[lhs], entries[rhs])
        if left.uses != right.uses { return left.uses > right.uses }
        if foldedScalars[lhs].count != foldedScalars[rhs].count {
            return foldedScalars[lhs].count < foldedScalars[rhs].count
        }
        return left.tag < right.tag
    }

    private func lowerBound(of query: [Unicode.Scalar]) -> Int {
        var low = 0
        var high = prefixOrder.count
        while low < high {
            let middle = (low + high) / 2
            if foldedScalars[prefixOrder[middle]].lexicographicallyPrecedes(query, by: { $0.value < $1.value }) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}

/// Builds the deletion index on first use, once, even when several threads ask at the same time.
private final class LazyDeletionIndex: @unchecked Sendable {
    // @unchecked: `built` is only read and written while `lock` is held, and is immutable once set.
    private let lock = SpellingLock()
    private var built: DeletionNeighbourhoodIndex?
    private let strings: [[Unicode.Scalar]]
    private let maximumDeletions: Int

    init(strings: [[Unicode.Scalar]], maximumDeletions: Int) {
        self.strings = strings
        self.maximumDeletions = maximumDeletions
    }

    var index: DeletionNeighbourhoodIndex {
        lock.withLock {
            if let built { return built }
            let index = DeletionNeighbourhoodIndex(strings: strings, maximumDeletions: maximumDeletions)
            built = index
            return index
        }
    }

    var isBuilt: Bool { lock.withLock { built != nil } }
}
