import NotelintLoader

/// A node seen through JSON's data model: aliases followed, scalars by their resolved value.
enum InstanceValue {
    case null
    case bool(Bool)
    case number(SchemaNumber)
    case string(String)
    case array([YAMLNode])
    case object([YAMLPair])

    init(_ node: YAMLNode) {
        switch node.dereferenced.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .number(.int(value))
            case .float(let value): self = .number(.double(value))
            case .string(let value): self = .string(value)
            }
        case .sequence(let items, _): self = .array(items)
        case .mapping(let pairs, _): self = .object(pairs)
        // An alias to an anchor never defined: the loader reports it, and it stands for nothing.
        case .alias: self = .null
        }
    }

    /// The most specific type, as named in messages and in `type`.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    func hasType(in types: SchemaTypeSet) -> Bool {
        switch self {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        case .number(let number): types.contains(.number) || (types.contains(.integer) && number.isInteger)
        case .string: types.contains(.string)
        case .array: types.contains(.array)
        case .object: types.contains(.object)
        }
    }
}
