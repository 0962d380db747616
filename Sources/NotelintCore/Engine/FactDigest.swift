import NotelintText

/// A collection fact as the index keeps it for every note: hashes of its kind, of the value lookups compare and of
/// the text as written, 16 bytes, no strings. The index groups notes by them; the texts and positions a finding
/// needs are read again from the few notes it names (`CollectionIndex`'s second look). Stable across processes,
/// so the cache keeps them too.
public struct FactDigest: Sendable, Hashable {
    /// What the index groups by: `StableHash` of the fact's value, told apart by its kind (`group(kind:value:)`).
    public var group: UInt64
    /// The short hash of the text as written: tells the spellings of one value apart.
    public var text: UInt32
    /// The short hash of the fact's kind.
    public var kind: UInt32

    public init(group: UInt64, text: UInt32, kind: UInt32) {
        self.group = group
        self.text = text
        self.kind = kind
    }

    public init(_ fact: CollectionFact) {
        self = Self.of([fact])[0]
    }

    /// The digests of a note's facts, in order.
    public static func of(_ facts: [CollectionFact]) -> [FactDigest] {
        var digests: [FactDigest] = []
        digests.reserveCapacity(facts.count)
        // A rule's facts come together and mostly share a kind: a kind is hashed when it changes.
        var lastKind = ""
        var kind: UInt32 = 0
        for (index, fact) in facts.enumerated() {
            if index == 0 || fact.kind != lastKind {
                lastKind = fact.kind
                kind = Self.kind(fact.kind)
            }
            digests.append(FactDigest(kind: kind, value: fact.value, text: fact.text))
        }
        return digests
    }

    /// The digest of a fact of the kind hashed so, by its value and its text as written.
    init(kind: UInt32, value: String, text: String) {
        self.init(kind: kind, value: value, hash: StableHash.of(value), text: text)
    }

    /// The same, with the value's `StableHash` worked out already.
    init(kind: UInt32, value: String, hash: UInt64, text: String) {
        // Most texts are their value (a tag that is its own slug, a path): hashed once.
        let textHash = text == value ? UInt32(truncatingIfNeeded: hash) : StableHash.short(text)
        self.init(group: Self.group(kind: kind, value: hash), text: textHash, kind: kind)
    }

    /// `StableHash` of the fact's value: its group without its kind.
    public var value: UInt64 { group ^ Self.mask(kind) }

    /// The short hash of a kind.
    public static func kind(_ kind: String) -> UInt32 {
        StableHash.short(kind)
    }

    /// The short hash of a text as the digests keep it.
    public static func text(_ text: String) -> UInt32 {
        StableHash.short(text)
    }

    /// The group of a kind and a value: the value's hash with a mask made from the kind, so that the value can be
    /// had back from the group (a reference is looked up among names by its value).
    public static func group(kind: UInt32, value: UInt64) -> UInt64 {
        value ^ mask(kind)
    }

    public static func group(kind: String, value: String) -> UInt64 {
        group(kind: Self.kind(kind), value: StableHash.of(value))
    }

    private static func mask(_ kind: UInt32) -> UInt64 {
        StableHash.combine(UInt64(kind), 0x5851_F42D_4C95_7F2D)
    }
}

/// The digests of many notes' facts, kept field by field: 14 bytes a fact (the kind as the number of one of the
/// few kinds met), where an array of digests would take 16 and an array a note its header and allocation too.
struct DigestTable: Sendable {
    private(set) var groups: [UInt64] = []
    private var texts: [UInt32] = []
    private var kindCodes: [UInt16] = []
    /// The kinds met, each once; a fact keeps its kind's place here.
    private var kinds: [UInt32] = []

    var count: Int { groups.count }

    mutating func reserve(_ more: Int) {
        groups.reserveCapacity(groups.count + more)
        texts.reserveCapacity(texts.count + more)
        kindCodes.reserveCapacity(kindCodes.count + more)
    }

    /// Appends a note's digests, field by field; a note's facts come rule by rule, so a kind's code is looked up
    /// when the kind changes. (No room is asked for a note's codes: an array given room for exactly a few more
    /// copies itself whole each time, where appending grows it by doubling.)
    mutating func append(contentsOf digests: some Collection<FactDigest>) {
        groups.append(contentsOf: digests.lazy.map(\.group))
        texts.append(contentsOf: digests.lazy.map(\.text))
        var last: (kind: UInt32, code: UInt16)?
        for digest in digests {
            let code = last?.kind == digest.kind ? last!.code : code(of: digest.kind)
            last = (digest.kind, code)
            kindCodes.append(code)
        }
    }

    /// The kind's place in `kinds`, where it is added the first time it is met.
    private mutating func code(of kind: UInt32) -> UInt16 {
        if let code = kinds.firstIndex(of: kind) { return UInt16(code) }
        // More kinds than a code can number (no configuration comes near): the last code stands for them, and such
        // a fact is read as that kind. Never reached by the rules of this package.
        guard kinds.count <= Int(UInt16.max) else { return UInt16.max }
        kinds.append(kind)
        return UInt16(kinds.count - 1)
    }

    subscript(number: Int) -> FactDigest {
        FactDigest(group: groups[number], text: texts[number], kind: kinds[Int(kindCodes[number])])
    }

    func text(_ number: Int) -> UInt32 { texts[number] }

    /// The code the facts of a kind carry in this table, nil when none has that kind.
    func code(ofKind kind: UInt32) -> UInt16? {
        kinds.firstIndex(of: kind).map { UInt16($0) }
    }

    func kindCode(_ number: Int) -> UInt16 { kindCodes[number] }
}

/// The digests of one note's facts, in order, as a collection over the index's table (nothing is copied).
public struct DigestList: RandomAccessCollection, Sendable {
    let table: DigestTable
    let range: Range<Int>

    public var startIndex: Int { 0 }
    public var endIndex: Int { range.count }
    public subscript(position: Int) -> FactDigest { table[range.lowerBound + position] }
}
