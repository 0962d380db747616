/// Resolves scalars under the YAML 1.2 core schema and notes where YAML 1.1 would disagree.
/// Hand-written matchers rather than regular expressions: this runs for every scalar of every note.
public enum ScalarResolver {
    public static let tagPrefix = "tag:yaml.org,2002:"

    public static func resolve(text: String, style: ScalarStyle, tag: String?) -> YAMLScalar {
        if let tag, tag != "!" {
            return YAMLScalar(text: text, style: style, resolved: resolveTagged(text, tag: tag), yaml11Type: nil)
        }
        guard style == .plain, tag == nil else {
            return YAMLScalar(text: text, style: style, resolved: .string(text), yaml11Type: nil)
        }
        let core = resolvePlain(text)
        return YAMLScalar(text: text, style: style, resolved: core, yaml11Type: yaml11Difference(text, core: core))
    }

    /// What YAML 1.1 reads `text` as, when that is not what YAML 1.2 reads.
    static func yaml11Difference(_ text: String, core: ResolvedValue) -> YAML11Type? {
        if case .null = core { return nil }
        let legacy = yaml11Reading(text) ?? .string
        if legacy != yaml11Equivalent(of: core) { return legacy }
        // Same type, other value: `0755` is octal 493 in YAML 1.1, decimal 755 in YAML 1.2.
        if legacy == .int, hasLeadingZero(text) { return .int }
        return nil
    }

    private static func hasLeadingZero(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        return bytes.count > 1 && bytes.first == UInt8(ascii: "0") && bytes.allSatisfy(isDigit)
    }

    private static func yaml11Equivalent(of value: ResolvedValue) -> YAML11Type {
        switch value {
        case .null: .string
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .string: .string
        }
    }

    static func resolveTagged(_ text: String, tag: String) -> ResolvedValue {
        switch tag {
        case tagPrefix + "null": return .null
        case tagPrefix + "bool":
            if case .bool(let value) = resolvePlain(text) { return .bool(value) }
            return .string(text)
        case tagPrefix + "int":
            if let value = parseInt(text) { return .int(value) }
            return .string(text)
        case tagPrefix + "float":
            if let value = parseFloat(text) { return .float(value) }
            if let value = parseInt(text) { return .float(Double(value)) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    /// YAML 1.2 core schema, plain scalars.
    public static func resolvePlain(_ text: String) -> ResolvedValue {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return utf8.count == 1 ? .null : .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return text == "null" || text == "Null" || text == "NULL" ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return text == "true" || text == "True" || text == "TRUE" ? .bool(true) : .string(text)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return text == "false" || text == "False" || text == "FALSE" ? .bool(false) : .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let value = parseInt(text) { return .int(value) }
            if isCoreInt(text) {
                // Too large for Int: keep it a number.
                return .float(Double(text) ?? 0)
            }
            if let value = parseFloat(text) { return .float(value) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isCoreInt(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    static func parseInt(_ text: String) -> Int? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let rest = String(decoding: utf8[2...], as: UTF8.self)
            if utf8[1] == UInt8(ascii: "o") {
                guard rest.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
                return Int(rest, radix: 8)
            }
            if utf8[1] == UInt8(ascii: "x") {
                guard rest.utf8.allSatisfy({ isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else { return nil }
                return Int(rest, radix: 16)
            }
        }
        guard isCoreInt(text) else { return nil }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf`, `.nan` in their three spellings.
    static func parseFloat(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return negative ? -.infinity : .infinity
        case ".nan", ".NaN", ".NAN": return text.count == body.count ? .nan : nil
        default: break
        }
        let bytes = Array(body.utf8)
        var index = 0
        var integerDigits = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; integerDigits += 1 }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1; fractionDigits += 1 }
        }
        if integerDigits == 0 && fractionDigits == 0 { return nil }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            if exponentDigits == 0 { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    // MARK: YAML 1.1

    private static let yaml11Booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// What YAML 1.1's resolver makes of a plain scalar, when it is not a string.
    public static func yaml11Reading(_ text: String) -> YAML11Type? {
        guard let first = text.utf8.first else { return nil }
        // The longest boolean word is `false`: longer text (titles, summaries) is not hashed for nothing.
        if text.utf8.count <= 5, yaml11Booleans.contains(text) { return .bool }
        if text == "<<" { return .merge }
        if text == "=" { return .value }
        guard isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") else {
            return nil
        }
        if isYAML11Int(text) { return .int }
        if isYAML11Float(text) { return .float }
        if isTimestamp(text) { return .timestamp }
        return nil
    }

    private static func isYAML11Int(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes.removeFirst() }
        guard !bytes.isEmpty else { return false }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "b") {
            return bytes[2...].allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == UInt8(ascii: "_") }
        }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") {
            return bytes[2...].allSatisfy { isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == UInt8(ascii: "_") }
        }
        if bytes.contains(UInt8(ascii: ":")) {
            // Sexagesimal: [1-9][0-9_]*(:[0-5]?[0-9])+
            let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard let head = parts.first, let lead = head.first, lead >= 0x31, lead <= 0x39,
                head.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") })
            else { return false }
            return parts.dropFirst().allSatisfy { part in
                (part.count == 1 || part.count == 2) && part.allSatisfy(isDigit) && (part.count == 1 || part.first! <= 0x35)
            }
        }
        guard bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }), isDigit(bytes[0]) else { return false }
        // A leading zero makes it octal in YAML 1.1: `0755` is an int, `09` a string.
        if bytes[0] == UInt8(ascii: "0"), bytes.count > 1 {
            return bytes.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x37) || $0 == UInt8(ascii: "_") }
        }
        return true
    }

    private static func isYAML11Float(_ text: String) -> Bool {
        if parseFloat(text) != nil {
            // YAML 1.1 requires a dot: `1e3` is a string there.
            return text.contains(".")
        }
        var bytes = Array(text.utf8)
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes.removeFirst() }
        // Underscores (`1_000.5`) and sexagesimal floats (`1:30.5`).
        guard !bytes.isEmpty, bytes.contains(UInt8(ascii: ".")) else { return false }
        return bytes.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }
            && bytes.filter({ $0 == UInt8(ascii: ".") }).count == 1 && isDigit(bytes[0])
    }

    /// `YYYY-MM-DD` or `YYYY-M-D[Tt ]h:mm:ss…` as YAML 1.1's timestamp type reads it.
    public static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, bytes[0...3].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") else { return false }
        var index = 5
        func digits(_ maxCount: Int) -> Int {
            var count = 0
            while index < bytes.count, isDigit(bytes[index]), count < maxCount { index += 1; count += 1 }
            return count
        }
        guard digits(2) >= 1, index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
        index += 1
        guard digits(2) >= 1 else { return false }
        if index == bytes.count { return true }
        // A time part must follow a separator.
        let separator = bytes[index]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 || separator == 0x09 else {
            return false
        }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] | 0x20 == UInt8(ascii: "t") { index += 1 }
        guard digits(2) >= 1, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard digits(2) == 2, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard digits(2) == 2 else { return false }
        // Fraction and zone are loosely checked: anything YAML 1.1 accepts starts like this.
        return true
    }
}
