import NotelintLoader

/// The parser behind `JSONReader`. Positions are asked for in increasing order, so columns are counted on from
/// the last position rather than from the start of the line: minified JSON stays linear.
struct PositionedJSONParser {
    let source: SourceText
    let bytes: [UInt8]
    let end: Int
    let maxDepth: Int
    var index: Int
    var depth = 0
    var line = 1
    var lineStart = 0
    var lastColumnOffset = 0
    var lastColumn = 1

    init(source: SourceText, range: Range<Int>, maxDepth: Int) {
        self.source = source
        self.bytes = source.bytes
        self.end = min(range.upperBound, source.bytes.count)
        self.maxDepth = maxDepth
        self.index = max(0, range.lowerBound)
        let start = source.position(ofByte: index)
        line = start.line
        lineStart = source.lineStarts[start.line - 1]
        lastColumnOffset = index
        lastColumn = start.column
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> YAMLNode {
        // A byte order mark may precede the text (RFC 8259 §8.1).
        if end - index >= 3, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { index += 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == end else { throw failure("unexpected text after the JSON value") }
        return value
    }

    // MARK: Positions

    mutating func position(_ offset: Int) -> SourcePosition {
        if offset < lastColumnOffset {
            lastColumnOffset = lineStart
            lastColumn = 1
        }
        while lastColumnOffset < offset {
            // Continuation bytes (10xxxxxx) do not start a Unicode scalar.
            if bytes[lastColumnOffset] & 0xC0 != 0x80 { lastColumn += 1 }
            lastColumnOffset += 1
        }
        return SourcePosition(line: line, column: lastColumn, offset: offset)
    }

    mutating func range(from start: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: position(index))
    }

    mutating func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position(min(index, end)))
    }

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09:
                index += 1
            case 0x0A:
                index += 1
                newLine()
            case 0x0D:
                index += 1
                if index < end, bytes[index] == 0x0A { index += 1 }
                newLine()
            default:
                return
            }
        }
    }

    mutating func newLine() {
        line += 1
        lineStart = index
        lastColumnOffset = index
        lastColumn = 1
    }

    // MARK: Values

    mutating func parseValue() throws(JSONSyntaxError) -> YAMLNode {
        guard index < end else { throw failure("expected a JSON value, found the end of the text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let start = position(index)
            let text = try parseString()
            return scalar(text, style: .doubleQuoted, resolved: .string(text), start: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default: throw failure("expected a JSON value")
        }
    }

    mutating func scalar(_ text: String, style: ScalarStyle, resolved: ResolvedValue, start: SourcePosition) -> YAMLNode {
        YAMLNode(
            content: .scalar(YAMLScalar(text: text, style: style, resolved: resolved, yaml11Type: nil)),
            range: range(from: start))
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth { throw failure("nesting deeper than \(maxDepth) levels") }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> YAMLNode {
        try enter()
        let start = position(index)
        index += 1
        var pairs: [YAMLPair] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                let keyStart = position(index)
                let name = try parseString()
                let key = scalar(name, style: .doubleQuoted, resolved: .string(name), start: keyStart)
                skipWhitespace()
                guard index < end, bytes[index] == UInt8(ascii: ":") else { throw failure("expected `:` after the key") }
                index += 1
                skipWhitespace()
                pairs.append(YAMLPair(key: key, value: try parseValue()))
                skipWhitespace()
                guard index < end else { throw failure("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
                index += 1
                break
            }
        }
        depth -= 1
        return YAMLNode(content: .mapping(pairs, .flow), range: range(from: start))
    }

    mutating func parseArray() throws(JSONSyntaxError) -> YAMLNode {
        try enter()
        let start = position(index)
        index += 1
        var items: [YAMLNode] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                items.append(try parseValue())
                skipWhitespace()
                guard index < end else { throw failure("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected `,` or `]`") }
                index += 1
                break
            }
        }
        depth -= 1
        return YAMLNode(content: .sequence(items, .flow), range: range(from: start))
    }

    mutating func parseLiteral(_ word: String, _ value: ResolvedValue) throws(JSONSyntaxError) -> YAMLNode {
        let start = position(index)
        for byte in word.utf8 {
            guard index < end, bytes[index] == byte else { throw failure("expected `\(word)`") }
            index += 1
        }
        return scalar(word, style: .plain, resolved: value, start: start)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func parseNumber() throws(JSONSyntaxError) -> YAMLNode {
        let start = position(index)
        let first = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw failure("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) { throw failure("numbers must not have leading zeros") }
        } else {
            skipDigits()
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw failure("expected a digit after the decimal point") }
            skipDigits()
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        let resolved: ResolvedValue
        if isInteger, let value = Int(text) {
            resolved = .int(value)
        } else {
            resolved = .float(Double(text) ?? .nan)
        }
        return scalar(text, style: .plain, resolved: resolved, start: start)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    mutating func skipDigits() {
        while index < end, isDigit(bytes[index]) { index += 1 }
    }

    // MARK: Strings

    /// Reads a string literal starting at its opening quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var decoded: [UInt8] = []
        var runStart = index
        while true {
            guard index < end else { throw failure("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let text: String
                if decoded.isEmpty {
                    text = String(decoding: bytes[runStart..<index], as: UTF8.self)
                } else {
                    decoded += bytes[runStart..<index]
                    text = String(decoding: decoded, as: UTF8.self)
                }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                decoded += bytes[runStart..<index]
                try parseEscape(into: &decoded)
                runStart = index
            case 0x00..<0x20:
                throw failure("control characters must be escaped in strings")
            case 0x80...:
                guard let length = utf8SequenceLength(at: index) else { throw failure("invalid UTF-8") }
                index += length
            default:
                index += 1
            }
        }
    }

    mutating func parseEscape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
        index += 1
        guard index < end else { throw failure("unterminated string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var value = try parseHex4()
            if (0xD800...0xDBFF).contains(value), end - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u") {
                let saved = index
                index += 2
                let low = try parseHex4()
                if (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = saved
                }
            }
            // A lone surrogate is valid JSON but no Unicode scalar; it reads as U+FFFD.
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            decoded += Array(String(scalar).utf8)
        default:
            index -= 1
            throw failure("invalid escape sequence")
        }
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard end - index >= 4 else { throw failure("expected four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw failure("expected four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (no overlong forms, no surrogates), or nil.
    func utf8SequenceLength(at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return nil
        }
        guard end - offset >= length else { return nil }
        // Only the second byte has a narrower range; the rest are plain continuation bytes.
        guard (lowest...highest).contains(bytes[offset + 1]) else { return nil }
        for next in (offset + 2)..<(offset + length) where bytes[next] & 0xC0 != 0x80 { return nil }
        return length
    }
}
