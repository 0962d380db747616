import NotelintLoader

/// Wording shared by violation messages.
enum SchemaPhrases {
    /// Type names as a YAML author knows them.
    static func typeName(_ name: String) -> String {
        switch name {
        case "null": "empty (null)"
        case "boolean": "true or false"
        case "object": "a mapping"
        case "array": "a list"
        case "number": "a number"
        case "integer": "an integer"
        case "string": "a string"
        default: name
        }
    }

    static func typeList(_ names: [String]) -> String {
        // `integer` adds nothing next to `number`.
        let shown = names.contains("number") ? names.filter { $0 != "integer" } : names
        let phrases = shown.map(typeName)
        guard phrases.count > 1 else { return phrases.first ?? "nothing" }
        return phrases.dropLast().joined(separator: ", ") + " or " + phrases[phrases.count - 1]
    }

    /// What an instance is, with its value when short: `the string "five"`, `1.5`, `a list`.
    static func describe(_ value: InstanceValue) -> String {
        switch value {
        case .null: "empty (null)"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.displayText
        case .string(let text): "the string \(JSONText.quoted(shortened(text)))"
        case .array: "a list"
        case .object: "a mapping"
        }
    }

    /// Values for "must be one of": at most a dozen, so that a long `enum` does not drown the message.
    static func list(_ values: [String], limit: Int = 12) -> String {
        let shown = values.prefix(limit).map(shortened)
        let rest = values.count - shown.count
        return shown.joined(separator: ", ") + (rest > 0 ? " (and \(rest) more)" : "")
    }

    static func shortened(_ text: String) -> String {
        guard text.unicodeScalars.count > 40 else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.prefix(37))
        return String(result) + "…"
    }

    static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
