import NotelintLoader

/// A schema that cannot be compiled, with the place in the schema document that is wrong.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange
    public var sourcePath: String?

    public init(message: String, range: SourceRange, sourcePath: String? = nil) {
        self.message = message
        self.range = range
        self.sourcePath = sourcePath
    }

    public var description: String {
        let place = sourcePath.map { "\($0):\(range.start)" } ?? "\(range.start)"
        return "\(place): \(message)"
    }
}
