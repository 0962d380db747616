import NotelintText

/// A collection fact as the index keeps it for every note: hashes of its kind, of the value lookups compare and of
/// the text as written, 16 bytes, no strings. The index groups notes by them; the texts and positions a finding
/// needs are read again from the few notes it names (`CollectionIndex`'s second look). Stable across processes,
/// so the cache keeps them too.
public struct FactDigest: Sendable, Hashable {
    /// `StableHash` of the fact's value.
    public var value: UInt64
    /// The short hash of the text as written: tells the spellings of one value apart.
    public var text: UInt32
    /// The short hash of the fact's kind.
    public var kind: UInt32

    public init(value: UInt64, text: UInt32, kind: UInt32) {
        self.value = value
        self.text = text
        self.kind = kind
    }

    public init(_ fact: CollectionFact) {
        value = StableHash.of(fact.value)
        // Most texts are their value (a tag that is its own slug, a path): hashed once.
        text = fact.text == fact.value ? UInt32(truncatingIfNeeded: value) : StableHash.short(fact.text)
        kind = Self.kind(fact.kind)
    }

    /// The digests of a note's facts, in order.
    public static func of(_ facts: [CollectionFact]) -> [FactDigest] {
        guard !facts.isEmpty else { return [] }
        // Most of a note's facts share a few kinds: each kind is hashed once.
        var kinds: [(String, UInt32)] = []
        return facts.map { fact in
            var digest = FactDigest(value: StableHash.of(fact.value), text: 0, kind: 0)
            digest.text = fact.text == fact.value ? UInt32(truncatingIfNeeded: digest.value) : StableHash.short(fact.text)
            if let known = kinds.first(where: { $0.0 == fact.kind }) {
                digest.kind = known.1
            } else {
                digest.kind = kind(fact.kind)
                kinds.append((fact.kind, digest.kind))
            }
            return digest
        }
    }

    /// The short hash of a kind.
    public static func kind(_ kind: String) -> UInt32 {
        StableHash.short(kind)
    }

    /// The short hash of a text as the digests keep it.
    public static func text(_ text: String) -> UInt32 {
        StableHash.short(text)
    }

    /// What the index groups by: the kind and the value.
    public var group: UInt64 { Self.group(kind: kind, value: value) }

    public static func group(kind: UInt32, value: UInt64) -> UInt64 {
        StableHash.combine(value, UInt64(kind))
    }

    public static func group(kind: String, value: String) -> UInt64 {
        group(kind: Self.kind(kind), value: StableHash.of(value))
    }
}
