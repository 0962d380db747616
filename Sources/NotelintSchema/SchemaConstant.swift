import NotelintLoader

/// A constant from the schema (`enum`, `const`), kept as JSON data to compare instances with.
indirect enum SchemaConstant: Sendable {
    case null
    case bool(Bool)
    case number(SchemaNumber)
    case string(String)
    case array([SchemaConstant])
    case object([(key: String, value: SchemaConstant)])
}

extension SchemaConstant {
    /// How messages and "did you mean" show the value: strings bare, everything else as compact JSON.
    var displayText: String {
        if case .string(let text) = self { return text }
        return jsonText
    }

    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let number): return number.displayText
        case .string(let text): return JSONText.quoted(text)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { JSONText.quoted($0.key) + ": " + $0.value.jsonText }.joined(separator: ", ") + "}"
        }
    }
}
