import NotelintText

/// The known tags and their evidence, indexed for the three questions tag-spelling asks:
/// is this tag known, which known tags does it cut short, and which known tags are a typo away.
///
/// Built once per run and shared by every thread. Exact lookups are hash lookups; prefix search is a binary
/// search in the folded tags sorted by scalar; near misses use a deletion-neighbourhood index that is only
/// built the first time a tag is not simply known.
///
/// An index can be `adjusted` by a few notes' tags (a note being typed, a note a fix changed): the adjusted index
/// shares the tables of this one and keeps only the entries those tags change, so that it costs what the change
/// costs, not what the collection costs, and answers exactly as an index built over the changed counts would.
public final class TagIndex: Sendable {
    /// The largest edit distance near-miss search can answer; larger requests are capped to it.
    public let maximumEditDistance: Int

    /// Every entry of the corpus counted whole: shared by the indexes adjusted from this one.
    private let known: KnownTagTable
    /// For each tag as written, the number of notes using it in the corpus counted whole.
    private let exactUses: [String: Int]
    private let replacementsByFoldedWrong: [String: TagReplacement]
    /// What the vocabularies and replacement lists say of each folded tag, before any note is counted: the start
    /// of an entry that an adjustment works out again.
    private let listed: [String: TagIndexBuilder.Draft]
    /// Notes added to (or, negative, taken from) `exactUses`, by tag as written; empty for an index counted whole.
    private let changes: [String: Int]
    /// Entries of `known` the changes alter, by id: the entry as it now is, or nil when no source names it any more.
    private let replaced: [Int: KnownTag?]
    /// Entries only the changes bring (tags no other note uses).
    private let added: KnownTagTable?

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
        listed = builder.drafts
        builder.addCorpus(uses: corpusUses)
        self.maximumEditDistance = max(0, maximumEditDistance)
        known = KnownTagTable(builder.build(), maximumEditDistance: self.maximumEditDistance)
        exactUses = corpusUses
        replacementsByFoldedWrong = builder.replacementsByFoldedWrong
        changes = [:]
        replaced = [:]
        added = nil
    }

    private init(adjusting base: TagIndex, changes: [String: Int], replaced: [Int: KnownTag?], added: KnownTagTable?) {
        maximumEditDistance = base.maximumEditDistance
        known = base.known
        exactUses = base.exactUses
        replacementsByFoldedWrong = base.replacementsByFoldedWrong
        listed = base.listed
        self.changes = changes
        self.replaced = replaced
        self.added = added
    }

    /// This index with the notes using each tag of `changes` (as written) changed by its value: +1 for a tag a
    /// note adds, -1 for one it drops. Only the entries of the changed tags are worked out again; the tables of
    /// this index are shared. Adjusting an adjusted index adds the changes up.
    public func adjusted(by changes: [String: Int]) -> TagIndex {
        var merged = self.changes
        for (tag, change) in changes where !tag.isEmpty && change != 0 {
            let total = merged[tag, default: 0] + change
            merged[tag] = total == 0 ? nil : total
        }
        var changedByFolded: [String: [String]] = [:]
        for tag in merged.keys { changedByFolded[TagText.folded(tag), default: []].append(tag) }
        var replaced: [Int: KnownTag?] = [:]
        var added: [(folded: String, known: KnownTag)] = []
        for (folded, tags) in changedByFolded {
            let id = known.idsByFolded[folded]
            // Every spelling counted in either corpus: those the whole count saw, and those the changes name.
            var spellings = id.map { known.entries[$0].spellings } ?? []
            for tag in tags where !spellings.contains(tag) { spellings.append(tag) }
            var draft = listed[folded] ?? TagIndexBuilder.Draft()
            for spelling in spellings {
                let uses = exactUses[spelling, default: 0] + merged[spelling, default: 0]
                if uses > 0 { draft.count(spelling, uses: uses) }
            }
            let entry = draft.spellings.isEmpty ? nil : draft.known(isKnownMistake: replacementsByFoldedWrong[folded] != nil)
            if let id {
                if entry != known.entries[id] { replaced[id] = .some(entry) }
            } else if let entry {
                added.append((folded, entry))
            }
        }
        return TagIndex(
            adjusting: self, changes: merged, replaced: replaced,
            added: added.isEmpty ? nil : KnownTagTable(added, maximumEditDistance: maximumEditDistance))
    }

    public var count: Int {
        known.entries.count - replaced.values.lazy.filter { $0 == nil }.count + (added?.entries.count ?? 0)
    }

    /// The entry for `tag` in any letter case.
    public func knownTag(_ tag: String) -> KnownTag? {
        let folded = TagText.folded(tag)
        if let id = known.idsByFolded[folded] { return entry(id) }
        return added.flatMap { added in added.idsByFolded[folded].map { added.entries[$0] } }
    }

    /// Notes using exactly this spelling.
    public func uses(of tag: String) -> Int {
        guard let change = changes[tag] else { return exactUses[tag] ?? 0 }
        return max(0, (exactUses[tag] ?? 0) + change)
    }

    /// The replacement list entry for `tag` in any letter case.
    public func replacement(for tag: String) -> TagReplacement? {
        replacementsByFoldedWrong[TagText.folded(tag)]
    }

    /// Trusted tags of which `prefix` is a strict prefix (ignoring case): the tags it may have been cut from.
    /// Most used first, then shortest, then alphabetical.
    public func knownTags(extending prefix: String, minimumUses: Int) -> [KnownTag] {
        let query = Array(TagText.folded(prefix).unicodeScalars)
        var found: [Found] = []
        for id in known.ids(extending: query) {
            guard let entry = entry(id), entry.isTrusted(minimumUses: minimumUses) else { continue }
            found.append(Found(known: entry, length: known.foldedScalars[id].count))
        }
        if let added {
            for id in added.ids(extending: query) where added.entries[id].isTrusted(minimumUses: minimumUses) {
                found.append(Found(known: added.entries[id], length: added.foldedScalars[id].count))
            }
        }
        return found.sorted(by: Found.preferredFirst).map(\.known)
    }

    /// Trusted tags other than `tag` within `distance` edits of it (ignoring case), nearest first,
    /// then most used, then shortest, then alphabetical.
    public func nearMisses(of tag: String, within distance: Int, minimumUses: Int) -> [TagNearMiss] {
        let limit = min(distance, maximumEditDistance)
        guard limit > 0 else { return [] }
        let query = Array(TagText.folded(tag).unicodeScalars)
        var found: [(found: Found, distance: Int)] = []
        for (id, edits) in known.ids(near: query, within: limit, where: { entry($0)?.isTrusted(minimumUses: minimumUses) == true }) {
            guard let entry = entry(id) else { continue }
            found.append((Found(known: entry, length: known.foldedScalars[id].count), edits))
        }
        if let added {
            for (id, edits) in added.ids(near: query, within: limit, where: { added.entries[$0].isTrusted(minimumUses: minimumUses) }) {
                found.append((Found(known: added.entries[id], length: added.foldedScalars[id].count), edits))
            }
        }
        return found.sorted { lhs, rhs in
            lhs.distance != rhs.distance ? lhs.distance < rhs.distance : Found.preferredFirst(lhs.found, rhs.found)
        }.map { TagNearMiss(known: $0.found.known, distance: $0.distance) }
    }

    /// Whether a trusted tag other than `tag` has `word` as one of its kebab-case words (ignoring case):
    /// evidence that the word is real even when the dictionary does not know it.
    public func isKnownWord(_ word: String, outside tag: String, minimumUses: Int) -> Bool {
        let excluded = TagText.folded(tag)
        let word = TagText.folded(word)
        let excludedID = known.idsByFolded[excluded]
        if (known.idsByWord[word] ?? []).contains(where: { id in
            id != excludedID && entry(id)?.isTrusted(minimumUses: minimumUses) == true
        }) {
            return true
        }
        guard let added else { return false }
        let excludedAddedID = added.idsByFolded[excluded]
        return (added.idsByWord[word] ?? []).contains { id in
            id != excludedAddedID && added.entries[id].isTrusted(minimumUses: minimumUses)
        }
    }

    /// Whether the near-miss index has been built; the first `nearMisses` calls scan, and it is built once they
    /// outnumber `nearMissScans`.
    public var hasBuiltNearMissIndex: Bool { known.nearMissIndex.isBuilt }
    public static var nearMissScans: Int { LazyDeletionIndex.scannedSearches }

    /// The entry `known` holds under `id`, as the changes leave it.
    private func entry(_ id: Int) -> KnownTag? {
        if let changed = replaced[id] { return changed }
        return known.entries[id]
    }

    /// A known tag found by a search, with the length of its folded form for ordering.
    private struct Found {
        let known: KnownTag
        let length: Int

        static func preferredFirst(_ left: Found, _ right: Found) -> Bool {
            if left.known.uses != right.known.uses { return left.known.uses > right.known.uses }
            if left.length != right.length { return left.length < right.length }
            return left.known.tag < right.known.tag
        }
    }
}

/// Known tags, one entry per folded tag, with the tables the searches use.
private final class KnownTagTable: Sendable {
    let entries: [KnownTag]
    let foldedScalars: [[Unicode.Scalar]]
    let idsByFolded: [String: Int]
    /// Entry ids in the order of their folded scalars.
    let prefixOrder: [Int]
    /// Folded word → ids of the entries that contain it as a kebab-case word.
    let idsByWord: [String: [Int]]
    let nearMissIndex: LazyDeletionIndex

    init(_ built: [(folded: String, known: KnownTag)], maximumEditDistance: Int) {
        entries = built.map(\.known)
        foldedScalars = built.map { Array($0.folded.unicodeScalars) }
        idsByFolded = Dictionary(uniqueKeysWithValues: built.enumerated().map { ($1.folded, $0) })
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
        nearMissIndex = LazyDeletionIndex(strings: foldedScalars, maximumDeletions: maximumEditDistance)
    }

    /// Entries whose folded form `query` is a strict prefix of.
    func ids(extending query: [Unicode.Scalar]) -> [Int] {
        var position = lowerBound(of: query)
        var found: [Int] = []
        while position < prefixOrder.count {
            let id = prefixOrder[position]
            guard foldedScalars[id].starts(with: query) else { break }
            if foldedScalars[id].count > query.count { found.append(id) }
            position += 1
        }
        return found
    }

    /// Entries passing `accept` other than `query` within `limit` edits of it, with their distance. `accept` is
    /// asked first: it is cheaper than the distance.
    func ids(
        near query: [Unicode.Scalar], within limit: Int, where accept: (Int) -> Bool
    ) -> [(id: Int, distance: Int)] {
        var found: [(id: Int, distance: Int)] = []
        func consider(_ id: Int) {
            guard accept(id), let edits = EditDistance.between(query, foldedScalars[id], metric: .optimalStringAlignment, limit: limit),
                edits > 0
            else { return }
            found.append((id, edits))
        }
        if let index = nearMissIndex.indexOnceWorthBuilding() {
            for id in index.candidates(near: query, distance: limit) { consider(id) }
        } else {
            // A few searches (a commit hook's one note) cost less as a scan than the index would to build; the
            // tags found are the same, and their order is set by the caller.
            for id in foldedScalars.indices where abs(foldedScalars[id].count - query.count) <= limit { consider(id) }
        }
        return found
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

    /// Searches answered by a scan before the index is built: building it costs about as much as this many scans
    /// of a collection's few thousand tags, and a run judging one note's tags never needs it.
    static let scannedSearches = 16
    private var searches = 0

    /// The index, built at the first search past `scannedSearches`; nil before it: the caller scans.
    func indexOnceWorthBuilding() -> DeletionNeighbourhoodIndex? {
        lock.withLock {
            if let built { return built }
            searches += 1
            guard searches > Self.scannedSearches else { return nil }
            let index = DeletionNeighbourhoodIndex(strings: strings, maximumDeletions: maximumDeletions)
            built = index
            return index
        }
    }

    var isBuilt: Bool { lock.withLock { built != nil } }
}
