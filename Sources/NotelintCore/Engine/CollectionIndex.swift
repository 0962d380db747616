import NotelintLoader

/// One thing a collection rule takes from a note in the first pass: a value it will weigh against the other
/// notes' (a title, a tag's slug, a name the note answers to, a reference it makes), where it stands, and
/// nothing else of the note. Cached with the note's result, so unchanged notes are never read again for it.
public struct CollectionFact: Sendable, Hashable {
    /// The rule's own name for the kind of fact (`duplicate-value.value`, `broken-reference.name`…): facts of
    /// different kinds never meet in a lookup.
    public var kind: String
    /// The front matter key it was read from (or what it names, such as `file` for a note's file name).
    public var key: String
    /// What lookups compare: the value normalised as the rule wants (folded, slugged, scoped).
    public var value: String
    /// The value as written, for messages and fixes.
    public var text: String
    /// Where the value stands (the value node's range, kept small).
    public var line: Int32
    public var column: Int32
    public var offset: Int32
    public var endLine: Int32
    public var endColumn: Int32
    public var endOffset: Int32

    public init(kind: String, key: String, value: String, text: String, range: SourceRange) {
        self.kind = kind
        self.key = key
        self.value = value
        self.text = text
        line = Int32(clamping: range.start.line)
        column = Int32(clamping: range.start.column)
        offset = Int32(clamping: range.start.offset)
        endLine = Int32(clamping: range.end.line)
        endColumn = Int32(clamping: range.end.column)
        endOffset = Int32(clamping: range.end.offset)
    }

    public init(kind: String, key: String, value: String, text: String, line: Int32, column: Int32, offset: Int32,
                endLine: Int32, endColumn: Int32, endOffset: Int32) {
        self.kind = kind
        self.key = key
        self.value = value
        self.text = text
        self.line = line
        self.column = column
        self.offset = offset
        self.endLine = endLine
        self.endColumn = endColumn
        self.endOffset = endOffset
    }

    public var range: SourceRange {
        SourceRange(
            start: SourcePosition(line: Int(line), column: Int(column), offset: Int(offset)),
            end: SourcePosition(line: Int(endLine), column: Int(endColumn), offset: Int(endOffset)))
    }
}

/// Every note's collection facts, looked up by kind and value. Built once a run from the first pass (and the
/// cache, for notes not read again); notes are numbered, and a note's facts lie together.
public final class CollectionIndex: Sendable {
    /// One fact of one note.
    public struct Occurrence: Sendable {
        public let note: Int
        public let fact: CollectionFact
    }

    /// Each note's path as reports name it.
    public let paths: [String]
    private let facts: [CollectionFact]
    /// The note each fact belongs to.
    private let owners: [Int32]
    /// Where each note's facts start in `facts` (one more entry than notes).
    private let starts: [Int32]
    /// The first fact with a value's hash, then the next one with the same hash (-1 ends a chain). Hashes, not
    /// strings, key the table: 100,000 notes' values are not copied into it.
    private let heads: [Int: Int32]
    private let next: [Int32]

    public init(notes: [(path: String, facts: [CollectionFact])]) {
        var paths: [String] = []
        var facts: [CollectionFact] = []
        var owners: [Int32] = []
        var starts: [Int32] = []
        paths.reserveCapacity(notes.count)
        starts.reserveCapacity(notes.count + 1)
        for (number, note) in notes.enumerated() {
            paths.append(note.path)
            starts.append(Int32(facts.count))
            facts.append(contentsOf: note.facts)
            owners.append(contentsOf: repeatElement(Int32(number), count: note.facts.count))
        }
        starts.append(Int32(facts.count))
        var heads: [Int: Int32] = [:]
        heads.reserveCapacity(facts.count)
        var next = [Int32](repeating: -1, count: facts.count)
        // Backwards, so that each chain runs in note order.
        for index in facts.indices.reversed() {
            let hash = Self.hash(facts[index].kind, facts[index].value)
            if let head = heads[hash] { next[index] = head }
            heads[hash] = Int32(index)
        }
        self.paths = paths
        self.facts = facts
        self.owners = owners
        self.starts = starts
        self.heads = heads
        self.next = next
    }

    public var noteCount: Int { paths.count }

    /// Every fact of this kind and value, in note order.
    public func occurrences(kind: String, value: String) -> [Occurrence] {
        var found: [Occurrence] = []
        var index = heads[Self.hash(kind, value)] ?? -1
        while index >= 0 {
            let fact = facts[Int(index)]
            if fact.value == value && fact.kind == kind { found.append(Occurrence(note: Int(owners[Int(index)]), fact: fact)) }
            index = next[Int(index)]
        }
        return found
    }

    /// Whether some note has a fact of this kind and value.
    public func contains(kind: String, value: String) -> Bool {
        var index = heads[Self.hash(kind, value)] ?? -1
        while index >= 0 {
            let fact = facts[Int(index)]
            if fact.value == value && fact.kind == kind { return true }
            index = next[Int(index)]
        }
        return false
    }

    /// The facts of one note.
    public func facts(ofNote note: Int) -> ArraySlice<CollectionFact> {
        facts[Int(starts[note])..<Int(starts[note + 1])]
    }

    /// Every fact of a kind, with its note (a scan: for the rare search that no exact value can answer).
    public func all(kind: String) -> [Occurrence] {
        facts.indices.compactMap { facts[$0].kind == kind ? Occurrence(note: Int(owners[$0]), fact: facts[$0]) : nil }
    }

    /// A related location in another note.
    public func location(_ occurrence: Occurrence, message: String) -> RelatedLocation {
        RelatedLocation(path: paths[occurrence.note], range: occurrence.fact.range, message: message)
    }

    private static func hash(_ kind: String, _ value: String) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(value)
        return hasher.finalize()
    }
}

/// What a collection rule sees of the collection while it checks one note: the index, and which of its notes
/// this one is (nil for a note the index does not hold, such as a fixed version being checked again).
public struct CollectionView: Sendable {
    public let index: CollectionIndex
    public let note: Int?

    public init(index: CollectionIndex, note: Int?) {
        self.index = index
        self.note = note
    }

    /// Occurrences in other notes than this one.
    public func others(kind: String, value: String) -> [CollectionIndex.Occurrence] {
        index.occurrences(kind: kind, value: value).filter { $0.note != note }
    }
}
