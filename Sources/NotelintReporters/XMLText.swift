/// Escaping for the XML formats, so that any message makes well-formed XML 1.0.
enum XMLText {
    /// For an attribute value in double quotes. Tabs and line breaks become character references: a parser
    /// would otherwise turn them into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// For element content. Carriage returns become references, which parsers would otherwise turn into LF.
    static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            default:
                if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    // Not even a character reference may name these, so they are spelled out instead.
                    out += "\\u" + hex4(scalar.value)
                }
            }
        }
        return out
    }

    /// XML 1.0's `Char` production; Swift strings hold no surrogates, so only controls and U+FFFE/U+FFFF fail it.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x20 && value != 0xFFFE && value != 0xFFFF
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
