/// The subschemas of `properties`, by exact name. Front matter schemas list a handful of properties, for which
/// a scan that compares byte lengths first beats hashing every key; long lists are hashed.
struct PropertyTable: Sendable {
    private let names: [String]
    private let byteCounts: [Int]
    private let schemas: [Int]
    private let hashed: [ExactString: Int]?

    static let scanLimit = 16

    init(names: [String], schemas: [Int]) {
        self.names = names
        self.byteCounts = names.map(\.utf8.count)
        self.schemas = schemas
        if names.count > Self.scanLimit {
            hashed = Dictionary(zip(names.map(ExactString.init), schemas), uniquingKeysWith: { _, last in last })
        } else {
            hashed = nil
        }
    }

    var isEmpty: Bool { names.isEmpty }

    func schema(for name: String) -> Int? {
        if let hashed { return hashed[ExactString(name)] }
        let count = name.utf8.count
        for position in names.indices where byteCounts[position] == count && names[position].isExactlyEqual(to: name) {
            return schemas[position]
        }
        return nil
    }
}
