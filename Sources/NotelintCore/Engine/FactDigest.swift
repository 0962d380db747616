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
        guard !facts.isEmpty else { return [] }
        // Most of a note's facts share a few kinds: each kind is hashed once.
        var kinds: [(String, UInt32)] = []
        return facts.map { fact in
            let kind: UInt32
            if let known = kinds.first(where: { $0.0 == fact.kind }) {
                kind = known.1
            } else {
                kind = Self.kind(fact.kind)
                kinds.append((fact.kind, kind))
            }
            let value = StableHash.of(fact.value)
            // Most texts are their value (a tag that is its own slug, a path): hashed once.
            let text = fact.text == fact.value ? UInt32(truncatingIfNeeded: value) : StableHash.short(fact.text)
            return FactDigest(group: group(kind: kind, value: value), text: text, kind: kind)
        }
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
