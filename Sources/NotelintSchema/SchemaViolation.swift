import NotelintLoader

/// One step from the document root to an instance node.
public enum InstancePathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let name): name
        case .index(let index): "[\(index)]"
        }
    }

    /// A path as people write it: `author.name`, `tags[2]`; empty for the root.
    public static func text(of path: [InstancePathComponent]) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let name):
                if !text.isEmpty { text += "." }
                text += name
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

/// A place where an instance breaks its schema.
public struct SchemaViolation: Sendable {
    /// The failing keyword (`required`, `type`, `enum`…); `false` for a `false` schema met on its own, `limit`
    /// when validation stopped because the document was too costly to check.
    public var keyword: String
    /// The node at fault: for `required`, the object missing the key; nil when the document itself is absent.
    public var instance: YAMLNode?
    public var instancePath: [InstancePathComponent]
    /// For `additionalProperties`, `propertyNames` and keys refused by `properties`/`patternProperties`: the key node,
    /// so that diagnostics point at the key rather than its value.
    public var key: YAMLNode?
    /// A sentence for people, naming the instance by its path and the schema's `title` when it has one.
    public var message: String
    /// For `enum` and `const`, and for `anyOf`/`oneOf` whose alternatives are all constants: the allowed values as
    /// text, for "did you mean".
    public var allowedValues: [String]
    /// For `required` and `dependentRequired`.
    public var missingProperty: String?
    /// For `type`, and for `anyOf`/`oneOf` when no alternative accepts the instance's type: JSON Schema type names
    /// (`object`, `array`, `string`…).
    public var expectedTypes: [String]
    /// For `format`.
    public var format: String?
    /// For `uniqueItems`: the earlier item that `instance` repeats.
    public var duplicateOf: YAMLNode?
    /// The schema node holding the failing keyword's value, for "defined here" notes.
    public var schemaNode: YAMLNode?

    public init(
        keyword: String, instance: YAMLNode?, instancePath: [InstancePathComponent], key: YAMLNode? = nil,
        message: String, allowedValues: [String] = [], missingProperty: String? = nil, expectedTypes: [String] = [],
        format: String? = nil, duplicateOf: YAMLNode? = nil, schemaNode: YAMLNode? = nil
    ) {
        self.keyword = keyword
        self.instance = instance
        self.instancePath = instancePath
        self.key = key
        self.message = message
        self.allowedValues = allowedValues
        self.missingProperty = missingProperty
        self.expectedTypes = expectedTypes
        self.format = format
        self.duplicateOf = duplicateOf
        self.schemaNode = schemaNode
    }

    /// The path as people write it: `author.name`, `tags[2]`; empty for the root.
    public var pathText: String { InstancePathComponent.text(of: instancePath) }
}
