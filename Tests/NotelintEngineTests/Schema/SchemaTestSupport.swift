import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Builds YAML trees and schemas from text for the schema tests.
enum SchemaTestSupport {
    static func yaml(_ text: String) throws -> YAMLNode {
        let source = SourceText(bytes: Array(text.utf8))
        let result = YAMLTreeBuilder().parse(source, range: 0..<source.bytes.count)
        #expect(result.problems.isEmpty, "YAML problems: \(result.problems.map(\.message))")
        return try #require(result.documents.first ?? nil)
    }

    static func schema(yaml text: String) throws -> JSONSchema {
        try JSONSchema(root: yaml(text))
    }

    static func schema(json text: String) throws -> JSONSchema {
        try JSONSchema(root: JSONReader().read(SourceText(bytes: Array(text.utf8))))
    }

    /// The text a node spans in `source`.
    static func text(of node: YAMLNode?, in source: String) -> String? {
        guard let node else { return nil }
        let bytes = Array(source.utf8)
        return String(decoding: bytes[node.range.byteRange], as: UTF8.self)
    }
}
