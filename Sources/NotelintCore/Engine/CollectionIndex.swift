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

/// Every note's collection facts, grouped by kind and value. Built once a run from the first pass (and the
/// cache, for notes not read again); notes are numbered, and a note's facts lie together. Questions a rule asks
/// of every note (how many notes have this value? do they spell it alike?) are answered from the group without
/// walking it: twenty thousand notes with one title cost twenty thousand steps, not four hundred million.
public final class CollectionIndex: Sendable {
    /// One fact of one note.
    public struct Occurrence: Sendable {
        public let note: Int
        public let fact: CollectionFact
    }

    /// The facts of one kind and value.
    struct Group {
        /// The group's first fact; `next` leads through the others in note order.
        var head: Int32
        var tail: Int32
        var count: Int32
        /// Whether its facts are written in more than one way.
        var isMixed: Bool
    }

    /// Each note's path as reports name it (this index's own notes; a base's follow them).
    private let paths: [String]
    /// An index of other notes this one extends: its notes are numbered after this one's own, and every answer
    /// counts them too. An editor's server keeps the index of the notes not being edited and puts one of the
    /// edited note on top of it at each keystroke, instead of indexing the whole collection again.
    private let base: CollectionIndex?
    private let facts: Facts
    /// The next fact of the same group (-1 ends it).
    private let next: [Int32]
    private let groups: [Group]
    /// The first group with a value's hash, then the next group with the same hash. Hashes, not strings, key the
    /// table: 100,000 notes' values are not copied into it.
    private let heads: [UInt64: Int32]
    private let nextGroup: [Int32]
    /// For each fact, whether it shares its kind and value with another fact, and whether they are written alike.
    private let meetings: [Meeting.RawValue]
    /// For groups written in several ways: how many facts use each way, most used first.
    private let spellingTallies: [Int32: [(text: String, count: Int)]]

    /// Collects notes one at a time, so that a caller can let go of each note's facts as they are added.
    public struct Builder {
        var paths: [String] = []
        var noteFacts: [PackedFacts] = []
        var owners: [Int32] = []
        var starts: [Int32] = []
        let base: CollectionIndex?

        public init(base: CollectionIndex? = nil) {
            self.base = base
        }

        /// Room for this many more notes and facts, so that the tables are not copied as they grow.
        public mutating func reserve(notes: Int, facts count: Int) {
            paths.reserveCapacity(paths.count + notes)
            noteFacts.reserveCapacity(noteFacts.count + notes)
            starts.reserveCapacity(starts.count + notes + 1)
            owners.reserveCapacity(owners.count + count)
        }

        /// Adds the next note; returns its number.
        @discardableResult
        public mutating func add(path: String, facts: [CollectionFact]) -> Int {
            add(path: path, facts: PackedFacts(facts))
        }

        /// Adds the next note (its packed facts are kept, not copied); returns its number.
        @discardableResult
        public mutating func add(path: String, facts: PackedFacts) -> Int {
            paths.append(path)
            starts.append(Int32(owners.count))
            noteFacts.append(facts)
            owners.append(contentsOf: repeatElement(Int32(paths.count - 1), count: facts.count))
            return paths.count - 1
        }

        public consuming func build() -> CollectionIndex { CollectionIndex(self) }
    }

    public convenience init(notes: [(path: String, facts: [CollectionFact])]) {
        var builder = Builder()
        for note in notes { builder.add(path: note.path, facts: note.facts) }
        self.init(builder)
    }

    public convenience init(packedNotes notes: [(path: String, facts: PackedFacts)]) {
        var builder = Builder()
        for note in notes { builder.add(path: note.path, facts: note.facts) }
        self.init(builder)
    }

    private init(_ builder: consuming Builder) {
        let paths = builder.paths
        let noteFacts = builder.noteFacts
        let owners = builder.owners
        var starts = builder.starts
        starts.append(Int32(owners.count))
        let facts = Facts(noteFacts: noteFacts, owners: owners, starts: starts)
        // Not sized to the facts: tags repeat, and a table with room for every fact would be several times the
        // groups it ends up holding.
        var heads: [UInt64: Int32] = [:]
        var groups: [Group] = []
        var nextGroup: [Int32] = []
        var next = [Int32](repeating: -1, count: facts.count)
        for index in 0..<facts.count {
            // Grouped by the hash the first pass packed with the fact: a fact is read back only when its hash
            // meets another's (tags, duplicates), to be compared for certain.
            let hash = facts.hash(index)
            var candidate = heads[hash] ?? -1
            while candidate >= 0 {
                let head = Int(groups[Int(candidate)].head)
                if facts.hasSameKindAndValueBytes(index, as: head) { break }
                let first = facts[head]
                let fact = facts[index]
                if first.value == fact.value && first.kind == fact.kind { break }
                candidate = nextGroup[Int(candidate)]
            }
            if candidate >= 0 {
                let group = Int(candidate)
                let head = Int(groups[group].head)
                next[Int(groups[group].tail)] = Int32(index)
                groups[group].tail = Int32(index)
                groups[group].count += 1
                if !groups[group].isMixed && !facts.hasSameTextBytes(index, as: head) && facts[head].text != facts[index].text {
                    groups[group].isMixed = true
                }
            } else {
                nextGroup.append(heads[hash] ?? -1)
                heads[hash] = Int32(groups.count)
                groups.append(Group(head: Int32(index), tail: Int32(index), count: 1, isMixed: false))
            }
        }
        // Which facts meet others, and which are written in several ways: a question of values in common is then
        // settled for the other facts without reading them back.
        var meetings = [Meeting.RawValue](repeating: 0, count: facts.count)
        for group in groups where group.count > 1 {
            let meeting: Meeting = group.isMixed ? [.shared, .mixed] : .shared
            var index = group.head
            while index >= 0 {
                meetings[Int(index)] = meeting.rawValue
                index = next[Int(index)]
            }
        }
        var tallies: [Int32: [(text: String, count: Int)]] = [:]
        for (number, group) in groups.enumerated() where group.isMixed {
            var counts: [String: Int] = [:]
            var index = group.head
            while index >= 0 {
                counts[facts[Int(index)].text, default: 0] += 1
                index = next[Int(index)]
            }
            tallies[Int32(number)] = counts.map { ($0.key, $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        }
        self.paths = paths
        self.base = builder.base
        self.facts = facts
        self.next = next
        self.groups = groups
        self.heads = heads
        self.nextGroup = nextGroup
        self.meetings = meetings
        spellingTallies = tallies
    }

    public var noteCount: Int { paths.count + (base?.noteCount ?? 0) }

    /// The path of a note as reports name it.
    public func path(ofNote note: Int) -> String {
        note < paths.count ? paths[note] : base!.path(ofNote: note - paths.count)
    }

    /// `note` as the base numbers it, when it is one of the base's.
    private func baseNote(_ note: Int?) -> Int? {
        note.map { $0 - paths.count }
    }

    /// Every note's facts, numbered across notes (a note's together). Each note's packed facts are the ones the
    /// first pass made, kept as they are rather than copied into one table.
    private struct Facts {
        let noteFacts: [PackedFacts]
        /// The note each fact belongs to.
        let owners: [Int32]
        /// The number of each note's first fact (one more entry than notes).
        let starts: [Int32]

        var count: Int { owners.count }

        subscript(number: Int) -> CollectionFact {
            let note = Int(owners[number])
            return noteFacts[note][number - Int(starts[note])]
        }

        func hasSameKindAndValueBytes(_ number: Int, as other: Int) -> Bool {
            let (note, otherNote) = (Int(owners[number]), Int(owners[other]))
            return noteFacts[note].hasSameKindAndValueBytes(
                number - Int(starts[note]), as: other - Int(starts[otherNote]), of: noteFacts[otherNote])
        }

        func hasSameTextBytes(_ number: Int, as other: Int) -> Bool {
            let (note, otherNote) = (Int(owners[number]), Int(owners[other]))
            return noteFacts[note].hasSameTextBytes(number - Int(starts[note]), as: other - Int(starts[otherNote]), of: noteFacts[otherNote])
        }

        func hash(_ number: Int) -> UInt64 {
            let note = Int(owners[number])
            return noteFacts[note].hash(at: number - Int(starts[note]))
        }
    }

    private func group(kind: String, value: String) -> Int? {
        var candidate = heads[PackedFacts.hash(kind: kind, value: value)] ?? -1
        while candidate >= 0 {
            let first = facts[Int(groups[Int(candidate)].head)]
            if first.value == value && first.kind == kind { return Int(candidate) }
            candidate = nextGroup[Int(candidate)]
        }
        return nil
    }

    /// The facts of this kind and value, in note order: all of them, or the first `limit` of notes other than `except`.
    public func occurrences(
        kind: String, value: String, except: Int? = nil, limit: Int = .max, where matches: (CollectionFact) -> Bool = { _ in true }
    ) -> [Occurrence] {
        var found: [Occurrence] = []
        if let group = group(kind: kind, value: value) {
            var index = groups[group].head
            while index >= 0 && found.count < limit {
                let owner = Int(facts.owners[Int(index)])
                if owner != except && matches(facts[Int(index)]) { found.append(Occurrence(note: owner, fact: facts[Int(index)])) }
                index = next[Int(index)]
            }
        }
        if let base, found.count < limit {
            let offset = paths.count
            found += base.occurrences(kind: kind, value: value, except: baseNote(except), limit: limit - found.count, where: matches)
                .map { Occurrence(note: $0.note + offset, fact: $0.fact) }
        }
        return found
    }

    /// How many facts have this kind and value.
    public func count(kind: String, value: String) -> Int {
        (group(kind: kind, value: value).map { Int(groups[$0].count) } ?? 0) + (base?.count(kind: kind, value: value) ?? 0)
    }

    /// Whether a note other than `note` has a fact of this kind and value (at most two steps).
    public func hasOther(kind: String, value: String, than note: Int?) -> Bool {
        if let group = group(kind: kind, value: value) {
            let head = groups[group].head
            if groups[group].count > 1 || Int(facts.owners[Int(head)]) != note { return true }
        }
        return base?.hasOther(kind: kind, value: value, than: baseNote(note)) ?? false
    }

    /// Whether some note has a fact of this kind and value.
    public func contains(kind: String, value: String) -> Bool {
        group(kind: kind, value: value) != nil || base?.contains(kind: kind, value: value) == true
    }

    /// The ways the facts of this kind and value are written, with how many facts use each, most used first
    /// (ties in byte order of the text).
    public func spellings(kind: String, value: String) -> [(text: String, count: Int)] {
        let own = ownSpellings(kind: kind, value: value)
        guard let base else { return own }
        let below = base.spellings(kind: kind, value: value)
        if own.isEmpty { return below }
        if below.isEmpty { return own }
        var counts: [String: Int] = [:]
        for spelling in own + below { counts[spelling.text, default: 0] += spelling.count }
        return counts.map { ($0.key, $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
    }

    private func ownSpellings(kind: String, value: String) -> [(text: String, count: Int)] {
        guard let group = group(kind: kind, value: value) else { return [] }
        if let tally = spellingTallies[Int32(group)] { return tally }
        return [(facts[Int(groups[group].head)].text, Int(groups[group].count))]
    }

    /// The facts of one note.
    public func facts(ofNote note: Int) -> ArraySlice<CollectionFact> {
        note < paths.count ? facts.noteFacts[note].facts[...] : base!.facts(ofNote: note - paths.count)
    }

    /// The facts of one kind of one note (the others are not read back).
    public func facts(ofNote note: Int, kind: String) -> [CollectionFact] {
        note < paths.count ? facts.noteFacts[note].facts(ofKind: kind) : base!.facts(ofNote: note - paths.count, kind: kind)
    }

    /// How a fact stands among the others of its kind and value.
    public struct Meeting: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Another fact has its kind and value.
        public static let shared = Meeting(rawValue: 1)
        /// And they are not all written alike.
        public static let mixed = Meeting(rawValue: 2)
    }

    /// The facts of one note that stand so among the others (all of them over a base, whose facts are not weighed
    /// here): questions of values in common are settled for the others without reading them back.
    /// With `kinds`, only facts that may be of one of them are read back (the others are passed over when their
    /// kind alone settles it); the caller still looks at each fact's kind.
    public func facts(ofNote note: Int, meeting: Meeting, kinds: Set<String>? = nil) -> [CollectionFact] {
        guard base == nil else { return Array(facts(ofNote: note)) }
        let first = Int(facts.starts[note])
        let packed = facts.noteFacts[note]
        return (0..<packed.count).compactMap { number in
            guard Meeting(rawValue: meetings[first + number]).isSuperset(of: meeting) else { return nil }
            if let kinds, !packed.mayBe(number, ofKind: kinds) { return nil }
            return packed[number]
        }
    }

    /// A related location in another note.
    public func location(_ occurrence: Occurrence, message: String) -> RelatedLocation {
        RelatedLocation(path: path(ofNote: occurrence.note), range: occurrence.fact.range, message: message)
    }

    /// At most this many other notes are named as related locations of one finding; its message gives the count.
    public static let relatedLimit = 10
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

    /// Occurrences in other notes than this one, the first `limit`.
    public func others(kind: String, value: String, limit: Int = CollectionIndex.relatedLimit) -> [CollectionIndex.Occurrence] {
        index.occurrences(kind: kind, value: value, except: note, limit: limit)
    }

    /// How many facts of other notes than this one have this kind and value.
    public func otherCount(kind: String, value: String) -> Int {
        let all = index.count(kind: kind, value: value)
        guard let note else { return all }
        let own = index.facts(ofNote: note).lazy.filter { $0.kind == kind && $0.value == value }.count
        return all - own
    }
}
