import NotelintLoader
import NotelintText

/// The kind of a collection fact: the rule's name for it (`duplicate-value.title`…) and the hash digests keep of
/// it, worked out once rather than for every fact.
public struct FactKind: Sendable, Hashable {
    public let name: String
    public let hash: UInt32

    public init(_ name: String) {
        self.name = name
        hash = FactDigest.kind(name)
    }
}

/// Where an indexed collection rule puts the facts it finds in a note. A check keeps them whole, with texts and
/// positions; the first pass keeps only their digests, each hashed as the rule finds it: at 100,000 notes and a
/// dozen facts a note, a whole fact made only to be hashed and let go was a million strings retained for nothing.
public struct FactSink {
    public private(set) var facts: [CollectionFact] = []
    public private(set) var digests: [FactDigest] = []
    private let keepsFacts: Bool

    private init(keepsFacts: Bool) {
        self.keepsFacts = keepsFacts
    }

    /// A sink that keeps every fact whole.
    public static var keepingFacts: FactSink { FactSink(keepsFacts: true) }

    /// A sink that keeps only the facts' digests (`FactDigest.of` of the facts it is given, in order).
    public static var digesting: FactSink { FactSink(keepsFacts: false) }

    /// Room for this many more facts.
    public mutating func reserve(_ more: Int) {
        if keepsFacts { facts.reserveCapacity(facts.count + more) } else { digests.reserveCapacity(digests.count + more) }
    }

    /// One fact: `value` is what lookups compare, `text` the value as written (often the same string).
    public mutating func add(_ kind: FactKind, key: String, value: String, text: String, range: SourceRange) {
        add(kind, key: key, value: value, hash: nil, text: text, range: range)
    }

    /// One fact whose value's and text's `StableHash`es the rule worked out from the text's bytes (`hashes`): the
    /// value itself is made only for a sink that keeps facts whole.
    public mutating func add(
        _ kind: FactKind, key: String, value: @autoclosure () -> String, hashes: (value: UInt64, text: UInt64), text: String,
        range: SourceRange
    ) {
        if keepsFacts {
            facts.append(CollectionFact(kind: kind.name, key: key, value: value(), text: text, range: range))
        } else {
            digests.append(FactDigest(
                group: FactDigest.group(kind: kind.hash, value: hashes.value), text: UInt32(truncatingIfNeeded: hashes.text), kind: kind.hash))
        }
    }

    /// One fact whose value's `StableHash` the rule has already worked out (`hash`), to tell the values of a list
    /// apart: it is not worked out again.
    public mutating func add(_ kind: FactKind, key: String, value: String, hash: UInt64?, text: String, range: SourceRange) {
        if keepsFacts {
            facts.append(CollectionFact(kind: kind.name, key: key, value: value, text: text, range: range))
        } else {
            digests.append(FactDigest(kind: kind.hash, value: value, hash: hash ?? StableHash.of(value), text: text))
        }
    }
}
