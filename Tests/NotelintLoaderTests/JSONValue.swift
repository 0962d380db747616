import Foundation

/// A JSON value with booleans kept apart from numbers, for comparing loader output with expected JSON.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Converts what `JSONSerialization` returns; booleans arrive as `NSNumber`s of type `c`.
    init(_ any: Any) throws {
        switch any {
        case is NSNull: self = .null
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(try array.map(JSONValue.init))
        case let object as [String: Any]: self = .object(try object.mapValues(JSONValue.init))
        default: throw ParseFailure(reason: "unexpected \(type(of: any))")
        }
    }

    struct ParseFailure: Error { var reason: String }

    static func parse(_ bytes: some Collection<UInt8>) throws -> JSONValue {
        try JSONValue(JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed))
    }

    /// Parses text holding several JSON values one after another (JSON Lines or a concatenated stream).
    static func parseSequence(_ bytes: [UInt8]) throws -> [JSONValue] {
        try JSONSequenceSplitter.values(in: bytes).map { try parse(bytes[$0]) }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Finds where each top-level value of a concatenated JSON stream starts and ends.
enum JSONSequenceSplitter {
    static func values(in bytes: [UInt8]) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while true {
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return ranges }
            let start = index
            var depth = 0
            var inString = false
            repeat {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                }
                index += 1
                // A bare scalar ends at whitespace; a string or container when its nesting closes.
                if depth == 0 && !inString {
                    if bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") { break }
                    if index < bytes.count, isWhitespace(bytes[index]) || bytes[index] == UInt8(ascii: "{")
                        || bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "\"") { break }
                }
            } while index < bytes.count
            guard depth == 0, !inString else { throw JSONValue.ParseFailure(reason: "unbalanced JSON at byte \(start)") }
            ranges.append(start..<index)
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
