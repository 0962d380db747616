import NotelintLoader

/// Every tag used under the lint root with the number of notes that use it: evidence that a tag is real.
/// Immutable and shared by every note of a run, so rules can build an index over it once.
public final class TagCorpus: Sendable {
    public let uses: [String: Int]

    public init(uses: [String: Int] = [:]) {
        self.uses = uses
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

    public func corpus() -> TagCorpus { TagCorpus(uses: uses) }
}
