import NotelintLoader
import NotelintSpelling

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
/// cache, for notes not read again). For every note it holds only the facts' digests (`FactDigest`, 14 bytes a
/// fact), sorted once by kind and value: questions a rule asks of every note (how many notes have this value?
/// do they spell it alike?) are answered from the hashes. A fact's text and position are read again from its
/// note (`FactReader`) only when a finding names it, for the few notes whose hashes meet; a note read so is
/// kept for the rest of the run. At 100,000 notes that is a few megabytes where texts and positions for every
/// note took seventy.
public final class CollectionIndex: Sendable {
    /// One fact of one note.
    public struct Occurrence: Sendable {
        public let note: Int
        public let fact: CollectionFact
    }

    /// Reads the facts of the note numbered so in the index again (nil when it cannot be read).
    public typealias FactReader = @Sendable (_ note: Int) -> [CollectionFact]?

    /// Each note's path as reports name it (this index's own notes; a base's follow them).
    private let paths: [String]
    /// An index of other notes this one extends: its notes are numbered after this one's own, and every answer
    /// counts them too. An editor's server keeps the index of the notes not being edited and puts one of the
    /// edited note on top of it at each keystroke, instead of indexing the whole collection again.
    private let base: CollectionIndex?
    /// Every note's digests in one table, field by field, a note's together: facts are numbered across notes. A
    /// run's first pass feeds each note's digests as the note is done (`DigestFeed`): no note's own array outlives it.
    private let digests: DigestTable
    /// The number of each note's first fact (one more entry than notes).
    private let starts: [Int32]
    /// Every fact's number, sorted by kind and value, then by number: the facts of a kind and value lie
    /// together, in note order, and are found by a binary search.
    private let order: [Int32]
    /// Where each bucket of groups (their top `bucketBits` bits) starts in `order`, and one more entry: a search
    /// for a group starts inside its bucket, a few facts wide, instead of across the whole index.
    private let buckets: [Int32]
    private let bucketBits: Int
    /// For each fact, whether it shares its kind and value with another fact, and whether they are written alike.
    private let meetings: [Meeting.RawValue]
    /// For each kind and value written in several ways (by its first place in `order`): how many facts use each
    /// way, most used first.
    private let tallies: [Int32: [Spelling]]
    private let details: Details

    /// One way a value is written: its text's hash, how many facts write it so, and the first of them.
    public struct Spelling: Sendable {
        public let text: UInt32
        public let count: Int
        let first: Int32
    }

    /// Collects notes one at a time.
    public struct Builder {
        var paths: [String] = []
        var digests = DigestTable()
        var starts: [Int32] = []
        var known: [Int: [CollectionFact]] = [:]
        /// Set any time before `build()`: a first pass feeds the notes before the run knows the rest.
        var base: CollectionIndex?
        var reader: FactReader?

        /// `reader` reads a note's facts again, by its number; notes added with their facts need none.
        public init(base: CollectionIndex? = nil, reader: FactReader? = nil) {
            self.base = base
            self.reader = reader
        }

        /// Room for this many more notes and facts, so that the tables are not copied as they grow.
        public mutating func reserve(notes: Int, facts count: Int) {
            paths.reserveCapacity(paths.count + notes)
            starts.reserveCapacity(starts.count + notes + 1)
            digests.reserve(count)
        }

        /// Adds the next note with its facts, which the index keeps (nothing is read again); returns its number.
        @discardableResult
        public mutating func add(path: String, facts: [CollectionFact]) -> Int {
            let number = add(path: path, digests: FactDigest.of(facts))
            if !facts.isEmpty { known[number] = facts }
            return number
        }

        /// Adds the next note by its digests; its facts are read again only if a finding needs them.
        @discardableResult
        public mutating func add(path: String, digests: some Collection<FactDigest>) -> Int {
            paths.append(path)
            starts.append(Int32(self.digests.count))
            self.digests.append(contentsOf: digests)
            return paths.count - 1
        }

        /// Appends the digests of the note numbered so, as added, to `list`.
        func appendDigests(ofNote number: Int, to list: inout [FactDigest]) {
            let end = number + 1 < starts.count ? Int(starts[number + 1]) : digests.count
            for fact in Int(starts[number])..<end { list.append(digests[fact]) }
        }

        public consuming func build() -> CollectionIndex { CollectionIndex(self) }
    }

    public convenience init(notes: [(path: String, facts: [CollectionFact])]) {
        var builder = Builder()
        for note in notes { builder.add(path: note.path, facts: note.facts) }
        self.init(builder)
    }

    private init(_ builder: consuming Builder) {
        let digests = builder.digests
        var starts = builder.starts
        let count = digests.count
        starts.append(Int32(count))
        // Sorted by group, then by number: each group's facts together and in note order. Facts are first dealt
        // into buckets by their group's top 16 bits, in number order (a counting sort), then each bucket of more
        // than one fact is sorted: groups are hashes, spread evenly, so most buckets hold a fact or two.
        let groups = digests.groups
        let bucketBits = Self.bucketBits(count)
        let (order, buckets) = Self.sorted(groups, bucketBits: bucketBits)
        var meetings = [Meeting.RawValue](repeating: 0, count: count)
        var tallies: [Int32: [Spelling]] = [:]
        let text = { (index: Int) -> UInt32 in digests.text(Int(order[index])) }
        var start = 0
        while start < count {
            let group = groups[Int(order[start])]
            var end = start + 1
            while end < count && groups[Int(order[end])] == group { end += 1 }
            if end - start > 1 {
                let firstText = text(start)
                let isMixed = (start + 1..<end).contains { text($0) != firstText }
                let meeting: Meeting = isMixed ? [.shared, .mixed] : .shared
                for index in start..<end { meetings[Int(order[index])] = meeting.rawValue }
                if isMixed {
                    var counts: [UInt32: (count: Int, first: Int32)] = [:]
                    for index in start..<end {
                        let spelling = text(index)
                        if let known = counts[spelling] {
                            counts[spelling] = (known.count + 1, known.first)
                        } else {
                            counts[spelling] = (1, order[index])
                        }
                    }
                    tallies[Int32(start)] = counts.map { Spelling(text: $0.key, count: $0.value.count, first: $0.value.first) }
                        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }
                }
            }
            start = end
        }
        paths = builder.paths
        base = builder.base
        self.digests = digests
        self.starts = starts
        self.order = order
        self.buckets = buckets
        self.bucketBits = bucketBits
        self.meetings = meetings
        self.tallies = tallies
        details = Details(known: builder.known, reader: builder.reader)
    }

    /// About one bucket a fact, up to 2^16 buckets (a quarter of a megabyte of starts): an index of one note, an
    /// editor's keystroke, gets a handful.
    private static func bucketBits(_ count: Int) -> Int {
        min(16, max(1, Int.bitWidth - count.leadingZeroBitCount))
    }

    /// The numbers of `groups`, in order of group and then number, and where each bucket starts in that order.
    private static func sorted(_ groups: [UInt64], bucketBits: Int) -> (order: [Int32], buckets: [Int32]) {
        let bucketCount = 1 << bucketBits
        let shift = UInt64(64 - bucketBits)
        var starts = [Int32](repeating: 0, count: bucketCount + 1)
        for group in groups { starts[Int(group >> shift) + 1] += 1 }
        for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        var order = [Int32](repeating: 0, count: groups.count)
        var next = starts
        for (number, group) in groups.enumerated() {
            let bucket = Int(group >> shift)
            order[Int(next[bucket])] = Int32(number)
            next[bucket] += 1
        }
        groups.withUnsafeBufferPointer { groups in
            for bucket in 0..<bucketCount where starts[bucket + 1] - starts[bucket] > 1 {
                order[Int(starts[bucket])..<Int(starts[bucket + 1])].sort {
                    groups[Int($0)] != groups[Int($1)] ? groups[Int($0)] < groups[Int($1)] : $0 < $1
                }
            }
        }
        return (order, starts)
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

    private func digest(_ number: Int32) -> FactDigest {
        digests[Int(number)]
    }

    private func owner(_ number: Int32) -> Int { Self.owner(number, starts) }

    /// The note a fact belongs to: the last note starting at or before it (notes without facts start where the
    /// next note does).
    private static func owner(_ number: Int32, _ starts: [Int32]) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] > number { high = middle } else { low = middle + 1 }
        }
        return low - 1
    }

    /// Where the facts of a kind and value lie in `order` (empty when none).
    private func group(_ key: UInt64) -> Range<Int> {
        let bucket = Int(key >> UInt64(64 - bucketBits))
        let end = Int(buckets[bucket + 1])
        let start = firstPlace(from: Int(buckets[bucket]), to: end) { $0 >= key }
        guard start < end, digest(order[start]).group == key else { return start..<start }
        // A group may hold every note (one tag on all of them): its end is searched for too, not walked to.
        return start..<firstPlace(from: start, to: end) { $0 > key }
    }

    /// The first place in `order` from `start` to `end` whose group satisfies `isPast` (which turns true once, and
    /// stays).
    private func firstPlace(from start: Int, to end: Int, where isPast: (UInt64) -> Bool) -> Int {
        var low = start
        var high = end
        while low < high {
            let middle = (low + high) / 2
            if isPast(digest(order[middle]).group) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The fact numbered so, read again from its note.
    private func fact(_ number: Int32) -> CollectionFact {
        let note = owner(number)
        return details.facts(of: note, expecting: digests(ofNote: note))[Int(number) - Int(starts[note])]
    }

    /// The facts of this kind and value, in note order: all of them, or the first `limit` of notes other than
    /// `except`, of those that `matches`. `unlike`: only facts written otherwise (told apart by their hashes first,
    /// so that the notes writing it so are not read again).
    public func occurrences(
        kind: String, value: String, except: Int? = nil, limit: Int = .max, unlike: String? = nil,
        where matches: (CollectionFact) -> Bool = { _ in true }
    ) -> [Occurrence] {
        occurrences(
            group: FactDigest.group(kind: kind, value: value), except: except, limit: limit, unlike: unlike.map(FactDigest.text),
            where: { fact in unlike.map { fact.text != $0 } ?? true && matches(fact) })
    }

    private func occurrences(
        group key: UInt64, except: Int?, limit: Int, unlike: UInt32?, where matches: (CollectionFact) -> Bool
    ) -> [Occurrence] {
        var found: [Occurrence] = []
        for index in group(key) where found.count < limit {
            let number = order[index]
            let owner = owner(number)
            if owner == except { continue }
            if let unlike, digest(number).text == unlike { continue }
            let fact = fact(number)
            if matches(fact) { found.append(Occurrence(note: owner, fact: fact)) }
        }
        if let base, found.count < limit {
            let offset = paths.count
            found += base.occurrences(group: key, except: baseNote(except), limit: limit - found.count, unlike: unlike, where: matches)
                .map { Occurrence(note: $0.note + offset, fact: $0.fact) }
        }
        return found
    }

    /// How many facts have this kind and value.
    public func count(kind: String, value: String) -> Int {
        count(group: FactDigest.group(kind: kind, value: value))
    }

    private func count(group key: UInt64) -> Int {
        group(key).count + (base?.count(group: key) ?? 0)
    }

    /// Whether a note other than `note` has a fact of this kind and value (at most two steps).
    public func hasOther(kind: String, value: String, than note: Int?) -> Bool {
        hasOther(group: FactDigest.group(kind: kind, value: value), than: note)
    }

    /// Whether a note other than `note` has a fact of the digest's kind and value.
    public func hasOther(_ digest: FactDigest, than note: Int?) -> Bool {
        hasOther(group: digest.group, than: note)
    }

    private func hasOther(group key: UInt64, than note: Int?) -> Bool {
        let found = group(key)
        if found.count > 1 || found.count == 1 && owner(order[found.lowerBound]) != note { return true }
        return base?.hasOther(group: key, than: baseNote(note)) ?? false
    }

    /// Whether some note has a fact of this kind and value.
    public func contains(kind: String, value: String) -> Bool {
        count(group: FactDigest.group(kind: kind, value: value)) > 0
    }

    /// The notes with a fact of this kind (its digest's hash) and value (its hash), in note order.
    public func notes(kind: UInt32, value: UInt64) -> [Int] {
        let key = FactDigest.group(kind: kind, value: value)
        var found = group(key).map { owner(order[$0]) }
        if let base { found += base.notes(kind: kind, value: value).map { $0 + paths.count } }
        return found
    }

    /// The ways the facts of this kind and value are written, with how many facts use each, most used first
    /// (ties in byte order of the text). The texts are read again from one note each.
    public func spellings(kind: String, value: String) -> [(text: String, count: Int)] {
        let own = ownSpellings(group: FactDigest.group(kind: kind, value: value))
        guard let base else { return own }
        let below = base.spellings(kind: kind, value: value)
        if own.isEmpty { return below }
        if below.isEmpty { return own }
        var counts: [String: Int] = [:]
        for spelling in own + below { counts[spelling.text, default: 0] += spelling.count }
        return counts.map { ($0.key, $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
    }

    private func ownSpellings(group key: UInt64) -> [(text: String, count: Int)] {
        let found = group(key)
        guard !found.isEmpty else { return [] }
        guard let tally = tallies[Int32(found.lowerBound)] else { return [(fact(order[found.lowerBound]).text, found.count)] }
        return tally.map { (fact($0.first).text, $0.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
    }

    /// The ways the facts of the digest's kind and value are written, by their texts' hashes, most used first;
    /// one entry when they are all written alike. Nothing is read again.
    public func spellingTally(of digest: FactDigest) -> [Spelling] {
        let key = digest.group
        let found = group(key)
        var own: [Spelling] = []
        if !found.isEmpty {
            own = tallies[Int32(found.lowerBound)]
                ?? [Spelling(text: self.digest(order[found.lowerBound]).text, count: found.count, first: order[found.lowerBound])]
        }
        guard let base else { return own }
        let below = base.spellingTally(of: digest)
        if own.isEmpty { return below }
        if below.isEmpty { return own }
        var counts: [UInt32: Int] = [:]
        for spelling in own + below { counts[spelling.text, default: 0] += spelling.count }
        return counts.map { Spelling(text: $0.key, count: $0.value, first: -1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
    }

    /// This index with the facts of some of its own notes replaced (a fix changed them); the others are not read.
    public func replacing(_ replaced: [Int: [CollectionFact]]) -> CollectionIndex {
        var builder = Builder(base: base, reader: details.reader)
        builder.reserve(notes: paths.count, facts: digests.count)
        for note in paths.indices {
            if let facts = replaced[note] {
                builder.add(path: paths[note], facts: facts)
            } else {
                builder.add(path: paths[note], digests: digests(ofNote: note))
            }
        }
        return builder.build()
    }

    /// The facts of one of this index's own notes, read by someone else: kept, so that the note is not read again
    /// for them, when they are still the facts the index holds.
    public func offer(_ facts: [CollectionFact], ofNote note: Int) {
        offer(ofNote: note) { facts }
    }

    /// The same, with the facts worked out only when the index does not hold them already (a note whose facts
    /// the first pass kept).
    public func offer(ofNote note: Int, _ facts: () -> [CollectionFact]) {
        guard note < paths.count, !details.holds(note) else { return }
        details.offer(facts(), of: note, expecting: digests(ofNote: note))
    }

    /// The digests of one note's facts, in order.
    public func digests(ofNote note: Int) -> DigestList {
        note < paths.count
            ? DigestList(table: digests, range: Int(starts[note])..<Int(starts[note + 1])) : base!.digests(ofNote: note - paths.count)
    }

    /// Every fact of one kind (its digest's hash), note by note in order: the note, the fact's place among the
    /// note's facts, and the short hash of its text. One walk over the table, for a pass over the whole collection.
    public func forEachFact(ofKind kind: UInt32, _ body: (_ note: Int, _ position: Int, _ text: UInt32) -> Void) {
        if let code = digests.code(ofKind: kind) {
            var note = 0
            for number in 0..<digests.count where digests.kindCode(number) == code {
                // Notes are in the table's order: the owner of a fact is found by moving on, not by a search.
                while Int(starts[note + 1]) <= number { note += 1 }
                body(note, number - Int(starts[note]), digests.text(number))
            }
        }
        base?.forEachFact(ofKind: kind) { note, position, text in body(note + paths.count, position, text) }
    }

    /// Whether the note has a fact of this kind (its digest's hash): the kind's code compared fact by fact, no
    /// digest made.
    public func hasFact(ofKind kind: UInt32, note: Int) -> Bool {
        guard note < paths.count else { return base!.hasFact(ofKind: kind, note: note - paths.count) }
        guard let code = digests.code(ofKind: kind) else { return false }
        return (Int(starts[note])..<Int(starts[note + 1])).contains { digests.kindCode($0) == code }
    }

    /// The facts of one note, read again from it (or kept, for a note added with its facts).
    public func facts(ofNote note: Int) -> [CollectionFact] {
        note < paths.count ? details.facts(of: note, expecting: digests(ofNote: note)) : base!.facts(ofNote: note - paths.count)
    }

    /// The facts of one kind of one note, read again from it.
    public func facts(ofNote note: Int, kind: String) -> [CollectionFact] {
        let code = FactDigest.kind(kind)
        guard digests(ofNote: note).contains(where: { $0.kind == code }) else { return [] }
        return facts(ofNote: note).filter { $0.kind == kind }
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

    /// Whether some fact of the note standing so among the others (every fact over a base, whose facts are not
    /// weighed here) satisfies `test`. The facts that do not stand so are passed over without being read.
    public func containsFact(ofNote note: Int, meeting: Meeting = [], where test: (FactDigest) -> Bool) -> Bool {
        guard base == nil, note < paths.count else { return digests(ofNote: note).contains(where: test) }
        for number in Int(starts[note])..<Int(starts[note + 1]) where meetings[number] & meeting.rawValue == meeting.rawValue {
            if test(digests[number]) { return true }
        }
        return false
    }

    /// How the fact at `position` of a note stands among the others; over a base, whose facts are not weighed
    /// here, every way (questions of values in common must then be asked of the index).
    public func meeting(ofNote note: Int, at position: Int) -> Meeting {
        guard base == nil, note < paths.count else { return [.shared, .mixed] }
        return Meeting(rawValue: meetings[Int(starts[note]) + position])
    }

    /// A related location in another note.
    public func location(_ occurrence: Occurrence, message: String) -> RelatedLocation {
        RelatedLocation(path: path(ofNote: occurrence.note), range: occurrence.fact.range, message: message)
    }

    /// A table a rule derives from the whole index (a rule's `name` for it), made by `make` the first time it is
    /// asked for and kept with the index: it lives as long as the index, and no other index can be taken for it.
    public func derived<Value: Sendable>(_ name: String, _ make: (CollectionIndex) -> Value) -> Value {
        details.table(name) { make(self) }
    }

    /// At most this many other notes are named as related locations of one finding; its message gives the count.
    public static let relatedLimit = 10

    /// The facts of the notes read again, kept for the run; and of the notes added with their facts.
    private final class Details: @unchecked Sendable {
        // @unchecked: `known` is only touched while `lock` is held, `tables` while `tablesLock` is.
        private let lock = SpellingLock()
        private var known: [Int: [CollectionFact]]
        let reader: FactReader?

        init(known: [Int: [CollectionFact]], reader: FactReader?) {
            self.known = known
            self.reader = reader
        }

        /// Tables rules derive from the whole index, by name (`derived`), under a lock of their own: making one
        /// reads facts again, under `lock`.
        private let tablesLock = SpellingLock()
        private var tables: [String: any Sendable] = [:]

        func table<Value: Sendable>(_ name: String, _ make: () -> Value) -> Value {
            tablesLock.withLock {
                if let table = tables[name] as? Value { return table }
                let table = make()
                tables[name] = table
                return table
            }
        }

        func holds(_ note: Int) -> Bool {
            lock.withLock { known[note] != nil }
        }

        func offer(_ facts: [CollectionFact], of note: Int, expecting digests: DigestList) {
            guard !digests.isEmpty, FactDigest.of(facts).elementsEqual(digests) else { return }
            lock.withLock { if known[note] == nil { known[note] = facts } }
        }

        /// The note's facts. A note that cannot be read again, or that changed since its digests were made, gives
        /// facts that name only its place: a finding then still names the note, never a text it no longer has.
        func facts(of note: Int, expecting digests: DigestList) -> [CollectionFact] {
            guard !digests.isEmpty else { return [] }
            if let facts = lock.withLock({ known[note] }) { return facts }
            var facts = reader?(note) ?? []
            if !FactDigest.of(facts).elementsEqual(digests) {
                let start = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))
                facts = digests.map { _ in CollectionFact(kind: "", key: "", value: "", text: "", range: start) }
            }
            lock.withLock { known[note] = facts }
            return facts
        }
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

    /// Occurrences in other notes than this one, the first `limit`.
    public func others(kind: String, value: String, limit: Int = CollectionIndex.relatedLimit) -> [CollectionIndex.Occurrence] {
        index.occurrences(kind: kind, value: value, except: note, limit: limit)
    }

    /// How many facts of other notes than this one have this kind and value.
    public func otherCount(kind: String, value: String) -> Int {
        let all = index.count(kind: kind, value: value)
        guard let note else { return all }
        let group = FactDigest.group(kind: kind, value: value)
        return all - index.digests(ofNote: note).lazy.filter { $0.group == group }.count
    }
}
