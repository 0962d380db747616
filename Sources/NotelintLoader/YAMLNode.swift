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
public final class YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode], CollectionStyle)
        case mapping([YAMLPair], CollectionStyle)
        /// `target` is `nil` when the anchor was never defined (reported as a load problem).
        case alias(name: String, target: YAMLNode?)
    }

    public let content: Content
    /// From the first byte of the node (its anchor or tag if any, else the value) to just after its last byte.
    public let range: SourceRange
    /// The explicit tag, resolved by libyaml (`!!str` becomes `tag:yaml.org,2002:str`).
    public let tag: String?
    public let anchor: String?

    public init(content: Content, range: SourceRange, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
        self.anchor = anchor
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items, _) = content { return items }
        return nil
    }

    /// Follows aliases to the node they stand for (at most a bounded number of hops).
    public var dereferenced: YAMLNode {
        var node = self
        var hops = 0
        while case .alias(_, let target?) = node.content, hops < 64 {
            node = target
            hops += 1
        }
        return node
    }

    /// The pair whose key is the scalar `key`, if any (the first one when keys repeat).
    public func pair(forKey key: String) -> YAMLPair? {
        pairs?.first { $0.key.scalar?.text == key }
    }

    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }
}

public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text when it is a scalar.
    public var name: String? { key.scalar?.text }

    /// `<<` merge keys are recorded as written, never applied.
    public var isMergeKey: Bool {
        key.scalar.map { $0.style == .plain && $0.text == "<<" } ?? false
    }
}
