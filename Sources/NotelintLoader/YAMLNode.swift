/// How a scalar was written in the source.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted = "single-quoted", doubleQuoted = "double-quoted", literal, folded
}

/// Block (`key: value` on lines) or flow (`[a, b]`, `{a: b}`).
public enum CollectionStyle: String, Sendable, Hashable {
    case block, flow
}

/// The type a scalar has under the YAML 1.2 core schema (or its explicit tag).
public enum ScalarType: String, Sendable, Hashable {
    case null, bool, int, float, string
}

/// A scalar's value after resolution.
public enum ResolvedValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    public var type: ScalarType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .string: .string
        }
    }
}

public struct YAMLScalar: Sendable, Hashable {
    /// The value as written, after YAML's own unquoting and folding.
    public var text: String
    public var style: ScalarStyle
    /// Under the YAML 1.2 core schema, or the explicit tag.
    public var resolved: ResolvedValue
    /// Set when a YAML 1.1 parser (PyYAML, older Jekyll) would read a plain scalar as another type:
    /// `yes`, `on`, `0755`, `1:30`, `2024-11-24`…
    public var yaml11Type: YAML11Type?

    public init(text: String, style: ScalarStyle, resolved: ResolvedValue, yaml11Type: YAML11Type?) {
        self.text = text
        self.style = style
        self.resolved = resolved
        self.yaml11Type = yaml11Type
    }
}

/// What YAML 1.1 would make of a plain scalar when that differs from YAML 1.2.
public enum YAML11Type: String, Sendable, Hashable {
    case bool, int, float, timestamp, string, merge, value
}

/// A node of the front matter's YAML tree. Nodes are immutable once built; aliases point at the anchored
/// node instead of copying it, so a "billion laughs" document stays linear in size.
///
/// `@unchecked Sendable`: the one mutation, emptying `storage`, happens only while the node is being released,
/// when no other reference to it exists.
public final class YAMLNode: @unchecked Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode], CollectionStyle)
        case mapping([YAMLPair], CollectionStyle)
        /// `target` is `nil` when the anchor was never defined (reported as a load problem).
        case alias(name: String, target: YAMLNode?)
    }

    @inlinable public var content: Content { storage }
    /// Read everywhere, written only while the node is released and no one else can read it: the dynamic
    /// exclusivity check every access to a class's `var` would otherwise pay buys nothing here.
    @exclusivity(unchecked) @usableFromInline private(set) var storage: Content
    /// From the first byte of the node (its anchor or tag if any, else the value) to just after its last byte.
    public let range: SourceRange
    /// The explicit tag, resolved by libyaml (`!!str` becomes `tag:yaml.org,2002:str`).
    public let tag: String?
    public let anchor: String?

    /// Collection levels below this node, aliases followed: at most the loader's depth limit as written, but chained
    /// aliases can make it hundreds of thousands. Set once, so that releasing an ordinary tree costs nothing extra.
    private let height: Int

    public init(content: Content, range: SourceRange, tag: String? = nil, anchor: String? = nil) {
        self.storage = content
        self.range = range
        self.tag = tag
        self.anchor = anchor
        switch content {
        case .scalar, .alias(_, nil): height = 0
        case .sequence(let items, _): height = 1 + items.reduce(0) { max($0, $1.height) }
        case .mapping(let pairs, _): height = 1 + pairs.reduce(0) { max($0, $1.key.height, $1.value.height) }
        case .alias(_, let target?): height = target.height
        }
    }

    /// The default release of a node takes one nested call per level; up to the loader's own nesting limit that
    /// is harmless.
    private static let recursiveReleaseHeight = LoadLimits.default.maxDepth

    /// Releases trees too deep for the default release (only aliases build them) with a loop, so that a small file
    /// standing for a tree hundreds of thousands of levels deep cannot overflow the stack.
    deinit {
        guard height > Self.recursiveReleaseHeight else { return }
        var pending: [YAMLNode] = []
        takeDeepChildren(into: &pending)
        while var node = pending.popLast() {
            // A node held elsewhere too is left to its last holder; one held only here gives up its deep children
            // first, so that releasing it recurses no further than the shallow ones allow.
            if isKnownUniquelyReferenced(&node) { node.takeDeepChildren(into: &pending) }
        }
    }

    /// Moves the children too deep for the default release into `pending`, and empties this node (releasing the
    /// shallow children the default way).
    private func takeDeepChildren(into pending: inout [YAMLNode]) {
        func take(_ node: YAMLNode) {
            if node.height > Self.recursiveReleaseHeight { pending.append(node) }
        }
        switch storage {
        case .scalar, .alias(_, nil): return
        case .sequence(let items, _): items.forEach(take)
        case .mapping(let pairs, _):
            for pair in pairs {
                take(pair.key)
                take(pair.value)
            }
        case .alias(_, let target?): take(target)
        }
        storage = .sequence([], .flow)
    }

    // The accessors rules read in every note are inlinable: called across the module boundary, each returned its
    // value retained for the caller to release, and a scalar whole where a rule wanted its text.
    @inlinable public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = storage { return scalar }
        return nil
    }

    @inlinable public var pairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = storage { return pairs }
        return nil
    }

    @inlinable public var items: [YAMLNode]? {
        if case .sequence(let items, _) = storage { return items }
        return nil
    }

    /// Follows aliases to the node they stand for (at most a bounded number of hops).
    @inlinable public var dereferenced: YAMLNode {
        // Nearly every node is no alias: settled where it is read.
        guard case .alias = storage else { return self }
        return aliasTarget
    }

    @usableFromInline var aliasTarget: YAMLNode {
        var node = self
        var hops = 0
        while case .alias(_, let target?) = node.storage, hops < 64 {
            node = target
            hops += 1
        }
        return node
    }

    /// The pair whose key is the scalar `key`, if any (the first one when keys repeat).
    public func pair(forKey key: String) -> YAMLPair? {
        guard case .mapping(let pairs, _) = storage else { return nil }
        for pair in pairs where pair.name == key { return pair }
        return nil
    }

    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }
}

public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode
    /// The key's text when it is a scalar. Kept, not read from the key each time: rules and schemas look keys up
    /// by name thousands of times a note, and reading it copied the key's whole scalar.
    public let name: String?

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
        name = key.scalar?.text
    }

    /// `<<` merge keys are recorded as written, never applied.
    public var isMergeKey: Bool {
        key.scalar.map { $0.style == .plain && $0.text == "<<" } ?? false
    }
}
