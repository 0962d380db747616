/// The `type` keyword's set of JSON types.
struct SchemaTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = SchemaTypeSet(rawValue: 1 << 0)
    static let boolean = SchemaTypeSet(rawValue: 1 << 1)
    static let object = SchemaTypeSet(rawValue: 1 << 2)
    static let array = SchemaTypeSet(rawValue: 1 << 3)
    static let number = SchemaTypeSet(rawValue: 1 << 4)
    static let string = SchemaTypeSet(rawValue: 1 << 5)
    static let integer = SchemaTypeSet(rawValue: 1 << 6)

    /// In the order the specification lists them, which is also the order messages use.
    static let named: [(name: String, type: SchemaTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    static func named(_ name: String) -> SchemaTypeSet? {
        named.first { $0.name == name }?.type
    }

    var names: [String] {
        Self.named.filter { contains($0.type) }.map(\.name)
    }
}
