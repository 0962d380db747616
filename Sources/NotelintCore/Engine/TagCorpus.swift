import NotelintLoader
import NotelintSpelling

/// Every tag used under the lint root with the number of notes that use it: evidence that a tag is real.
/// Immutable and shared by every note of a run, so rules can build an index over it once.
///
/// A corpus is either counted whole, or a few notes' change to one counted whole (`base`): the note an editor is
/// typing beside the others, a note whose tags a fix changed. A change keeps only its counts, so that rules can
/// adjust what they built over the base by the change instead of building it again over the whole collection.
public final class TagCorpus: @unchecked Sendable {
    /// The corpus counted whole that this one changes; nil when this one is counted whole.
    public let base: TagCorpus?
    /// Notes added to (or, negative, taken from) the base's count of each tag as written; empty when counted whole.
    public let changes: [String: Int]
    private let counted: [String: Int]
    // @unchecked: `adjustments` is only touched while `lock` is held; the rest never changes.
    private let lock = SpellingLock()
    private var adjustments: [[String]: TagCorpus] = [:]

    public init(uses: [String: Int] = [:]) {
        base = nil
        changes = [:]
        counted = uses
    }

    private init(base: TagCorpus, changes: [String: Int]) {
        self.base = base
        self.changes = changes
        counted = [:]
    }

    /// Every tag with the number of notes using it. For a change to a base, worked out each time it is asked (not
    /// kept: rules keep a few changed corpora, and each would hold a copy of the whole count).
    public var uses: [String: Int] {
        guard let base else { return counted }
        var uses = base.counted
        for (tag, change) in changes {
            let total = uses[tag, default: 0] + change
            uses[tag] = total > 0 ? total : nil
        }
        return uses
    }

    /// The notes using exactly this spelling; nil when none does.
    public func uses(of tag: String) -> Int? {
        guard let base else { return counted[tag] }
        guard let change = changes[tag] else { return base.counted[tag] }
        let total = base.counted[tag, default: 0] + change
        return total > 0 ? total : nil
    }

    /// This corpus with the tags of more notes counted (`counter`): the notes a run checks beside the others of
    /// their collection. Shares this corpus's counts.
    public func counting(_ counter: TagCounter) -> TagCorpus {
        var changes = self.changes
        for (tag, count) in counter.uses where count != 0 {
            let total = changes[tag, default: 0] + count
            changes[tag] = total == 0 ? nil : total
        }
        return TagCorpus(base: base ?? self, changes: changes)
    }

    /// This corpus with one note's tags `removing` replaced by `adding` (a fix changed them). The same change
    /// in many notes (`GitHub` → `github`) gives the same corpus object, so that rules indexing a corpus build
    /// their index once for it, not once a note.
    public func adjusted(removing: [String], adding: [String]) -> TagCorpus {
        let removed = removing.filter { !adding.contains($0) }.sorted()
        let added = adding.filter { !removing.contains($0) }.sorted()
        let key = removed + ["\u{0}"] + added
        if let known = lock.withLock({ adjustments[key] }) { return known }
        // The counts of the tags changed, each step as a whole count would take it (never below zero).
        var counts: [String: Int] = [:]
        for tag in removed {
            let left = (counts[tag] ?? uses(of: tag) ?? 0) - 1
            counts[tag] = max(0, left)
        }
        for tag in added { counts[tag] = (counts[tag] ?? uses(of: tag) ?? 0) + 1 }
        let root = base ?? self
        var changes = self.changes
        for (tag, count) in counts {
            let change = count - root.counted[tag, default: 0]
            changes[tag] = change == 0 ? nil : change
        }
        let corpus = TagCorpus(base: root, changes: changes)
        return lock.withLock {
            if let known = adjustments[key] { return known }
            adjustments[key] = corpus
            return corpus
        }
    }

    /// The distinct tags of one note, as written.
    public static func tags(of note: Note, key: String = "tags") -> [String] {
        guard let value = note.root?.dereferenced[key]?.dereferenced else { return [] }
        var seen: Set<String> = []
        var tags: [String] = []
        for item in value.items ?? [value] {
            guard let text = item.dereferenced.scalar?.text, !text.isEmpty, seen.insert(text).inserted else { continue }
            tags.append(text)
        }
        return tags
    }
}

/// Counts tags note by note, then freezes into a `TagCorpus`.
public struct TagCounter: Sendable {
    public private(set) var uses: [String: Int] = [:]

    public init() {}

    public mutating func add(_ tags: some Sequence<String>) {
        for tag in tags { uses[tag, default: 0] += 1 }
    }

    /// Adds another counter's counts.
    public mutating func add(counting other: TagCounter) {
        uses.merge(other.uses, uniquingKeysWith: +)
    }

    public func corpus() -> TagCorpus { TagCorpus(uses: uses) }
}
