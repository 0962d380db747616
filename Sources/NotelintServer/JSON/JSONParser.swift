import NotelintText

/// Reads the protocol's messages: strict JSON (RFC 8259) by the one JSON grammar, into `JSONValue`s. Lone
/// surrogate escapes are errors too, so every string read is valid Unicode; every message a client sends passes
/// through here.
public enum JSONParser {
    public typealias Failure = JSONGrammarError

    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var builder = JSONValueBuilder()
        return try JSONGrammar(maxDepth: maxDepth, replacesLoneSurrogates: false).read(bytes, into: &builder)
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }
}

/// Plain values, no positions: objects are dictionaries, the last of repeated member names wins.
struct JSONValueBuilder: JSONBuilder {
    func string(_ text: String, span: Range<Int>) -> JSONValue { .string(text) }
    func key(_ text: String, span: Range<Int>) -> String { text }

    func number(_ text: ArraySlice<UInt8>, isIntegral: Bool) -> JSONValue {
        .number(Double(String(decoding: text, as: UTF8.self)) ?? .nan)
    }

    func literal(_ literal: JSONLiteral, span: Range<Int>) -> JSONValue {
        switch literal {
        case .true: .bool(true)
        case .false: .bool(false)
        case .null: .null
        }
    }

    func beginObject(at offset: Int) -> [String: JSONValue] { [:] }
    func add(_ key: String, _ value: JSONValue, to members: inout [String: JSONValue]) { members[key] = value }
    func endObject(_ members: [String: JSONValue], end: Int) -> JSONValue { .object(members) }
    func beginArray(at offset: Int) -> [JSONValue] { [] }
    func add(_ item: JSONValue, to items: inout [JSONValue]) { items.append(item) }
    func endArray(_ items: [JSONValue], end: Int) -> JSONValue { .array(items) }
}
