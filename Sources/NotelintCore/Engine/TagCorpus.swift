import NotelintLoader
import NotelintSpelling

/// Every tag used under the lint root with the number of notes that use it: evidence that a tag is real.
/// Immutable and shared by every note of a run, so rules can build an index over it once.
public final class TagCorpus: @unchecked Sendable {
    public let uses: [String: Int]
    // @unchecked: `adjustments` is only touched while `lock` is held; `uses` never changes.
    private let lock = SpellingLock()
    private var adjustments: [[String]: TagCorpus] = [:]

    public init(uses: [String: Int] = [:]) {
        self.uses = uses
    }

    /// This corpus with one note's tags `removing` replaced by `adding` (a fix changed them). The same change
    /// in many notes (`GitHub` → `github`) gives the same corpus object, so that rules indexing a corpus build
    /// their index once for it, not once a note.
    public func adjusted(removing: [String], adding: [String]) -> TagCorpus {
        let removed = removing.filter { !adding.contains($0) }.sorted()
        let added = adding.filter { !removing.contains($0) }.sorted()
        let key = removed + ["\u{0}"] + added
        if let known = lock.withLock({ adjustments[key] }) { return known }
        var counts = uses
        for tag in removed {
            let left = counts[tag, default: 0] - 1
            counts[tag] = left > 0 ? left : nil
        }
        for tag in added { counts[tag, default: 0] += 1 }
        let corpus = TagCorpus(uses: counts)
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

    public mutating func add(_ tags: [String]) {
        for tag in tags { uses[tag, default: 0] += 1 }
    }

    /// Adds another counter's counts.
    public mutating func add(counting other: TagCounter) {
        uses.merge(other.uses, uniquingKeysWith: +)
    }

    public func corpus() -> TagCorpus { TagCorpus(uses: uses) }
}
