/// Where and why bytes are not one JSON value: the byte offset and a short reason.
public struct JSONGrammarError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}

/// What the JSON grammar hands its values to, so that one scanner serves every data model: positioned nodes for
/// schemas, plain values for protocol messages. Spans are byte ranges of the scanned buffer. Values are made in
/// the order their text appears, and an object or array is begun before its members, so a builder that turns
/// offsets into line and column may count on from the last one.
public protocol JSONBuilder {
    associatedtype Value
    associatedtype Key
    associatedtype Members
    associatedtype Items

    /// A string value, decoded; `span` includes the quotes.
    mutating func string(_ text: String, span: Range<Int>) -> Value
    /// A member name, decoded; made before its value is read.
    mutating func key(_ text: String, span: Range<Int>) -> Key
    /// A number as written (its indices are its span); integral when without fraction or exponent.
    mutating func number(_ text: ArraySlice<UInt8>, isIntegral: Bool) -> Value
    mutating func literal(_ literal: JSONLiteral, span: Range<Int>) -> Value
    mutating func beginObject(at offset: Int) -> Members
    mutating func add(_ key: Key, _ value: Value, to members: inout Members)
    /// `end` is the offset just after the closing brace.
    mutating func endObject(_ members: Members, end: Int) -> Value
    mutating func beginArray(at offset: Int) -> Items
    mutating func add(_ item: Value, to items: inout Items)
    mutating func endArray(_ items: Items, end: Int) -> Value
}

public enum JSONLiteral: Sendable {
    case `true`, `false`, null

    public var spelling: String {
        switch self {
        case .true: "true"
        case .false: "false"
        case .null: "null"
        }
    }
}

/// The JSON grammar of RFC 8259, strict, written once: one value, optional white space around it, nothing else.
/// Invalid UTF-8, leading zeros, raw control characters in strings, bad escapes and nesting deeper than
/// `maxDepth` are errors, never crashes. A byte order mark is the caller's business (a file may have one, a
/// message may not).
public struct JSONGrammar: Sendable {
    public var maxDepth: Int
    /// A `\u` escape of an unpaired surrogate is valid JSON but no Unicode scalar: when true it reads as U+FFFD,
    /// otherwise it is an error.
    public var replacesLoneSurrogates: Bool

    public init(maxDepth: Int, replacesLoneSurrogates: Bool) {
        self.maxDepth = maxDepth
        self.replacesLoneSurrogates = replacesLoneSurrogates
    }

    /// The failure's message when nesting goes deeper than `maxDepth`.
    public var depthMessage: String { "nesting deeper than \(maxDepth) levels" }

    /// Reads the one JSON value in `range` of `bytes` (all of them when nil) into `builder`.
    @inlinable
    public func read<Builder: JSONBuilder>(
        _ bytes: [UInt8], range: Range<Int>? = nil, into builder: inout Builder
    ) throws(JSONGrammarError) -> Builder.Value {
        let range = range ?? 0..<bytes.count
        var scanner = JSONScanner(
            bytes: bytes, start: max(0, range.lowerBound), end: min(range.upperBound, bytes.count), grammar: self,
            builder: builder)
        defer { builder = scanner.builder }
        return try scanner.document()
    }
}

/// The scanner behind `JSONGrammar`. Inlinable so that each builder gets its own specialised copy: protocol
/// messages are read on every keystroke.
@usableFromInline
struct JSONScanner<Builder: JSONBuilder> {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let end: Int
    @usableFromInline let grammar: JSONGrammar
    @usableFromInline var index: Int
    @usableFromInline var depth = 0
    @usableFromInline var builder: Builder

    @inlinable
    init(bytes: [UInt8], start: Int, end: Int, grammar: JSONGrammar, builder: Builder) {
        self.bytes = bytes
        self.index = start
        self.end = end
        self.grammar = grammar
        self.builder = builder
    }

    @inlinable
    mutating func document() throws(JSONGrammarError) -> Builder.Value {
        skipWhitespace()
        let value = try value()
        skipWhitespace()
        guard index == end else { throw failure("unexpected text after the JSON value") }
        return value
    }

    @inlinable
    func failure(_ message: String, at offset: Int? = nil) -> JSONGrammarError {
        JSONGrammarError(offset: min(offset ?? index, end), message: message)
    }

    @inlinable
    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    // MARK: Values

    @inlinable
    mutating func value() throws(JSONGrammarError) -> Builder.Value {
        guard index < end else { throw failure("expected a JSON value, found the end of the text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""):
            let start = index
            let text = try string()
            return builder.string(text, span: start..<index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): return try literal(.true)
        case UInt8(ascii: "f"): return try literal(.false)
        case UInt8(ascii: "n"): return try literal(.null)
        default: throw failure("expected a JSON value")
        }
    }

    @inlinable
    mutating func enter() throws(JSONGrammarError) {
        depth += 1
        if depth > grammar.maxDepth { throw failure(grammar.depthMessage) }
    }

    @inlinable
    mutating func object() throws(JSONGrammarError) -> Builder.Value {
        try enter()
        var members = builder.beginObject(at: index)
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                let keyStart = index
                let name = try string()
                let key = builder.key(name, span: keyStart..<index)
                skipWhitespace()
                guard index < end, bytes[index] == UInt8(ascii: ":") else { throw failure("expected `:` after the key") }
                index += 1
                skipWhitespace()
                let value = try value()
                builder.add(key, value, to: &members)
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
        return builder.endObject(members, end: index)
    }

    @inlinable
    mutating func array() throws(JSONGrammarError) -> Builder.Value {
        try enter()
        var items = builder.beginArray(at: index)
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let item = try value()
                builder.add(item, to: &items)
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
        return builder.endArray(items, end: index)
    }

    @inlinable
    mutating func literal(_ literal: JSONLiteral) throws(JSONGrammarError) -> Builder.Value {
        let start = index
        let word = literal.spelling
        for byte in word.utf8 {
            guard index < end, bytes[index] == byte else { throw failure("expected `\(word)`") }
            index += 1
        }
        return builder.literal(literal, span: start..<index)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    @inlinable
    mutating func number() throws(JSONGrammarError) -> Builder.Value {
        let first = index
        var isIntegral = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw failure("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) { throw failure("numbers must not have leading zeros") }
        } else {
            skipDigits()
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            isIntegral = false
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw failure("expected a digit after the decimal point") }
            skipDigits()
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isIntegral = false
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        return builder.number(bytes[first..<index], isIntegral: isIntegral)
    }

    @inlinable
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inlinable
    mutating func skipDigits() {
        while index < end, isDigit(bytes[index]) { index += 1 }
    }

    // MARK: Strings

    /// Reads a string literal starting at its opening quote. Runs without escapes are copied whole; a string
    /// without any is decoded straight from the buffer.
    @inlinable
    mutating func string() throws(JSONGrammarError) -> String {
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
                try escape(into: &decoded)
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

    @inlinable
    mutating func escape(into decoded: inout [UInt8]) throws(JSONGrammarError) {
        let backslash = index
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
            var value = try hex4()
            if (0xD800...0xDBFF).contains(value), end - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u") {
                let saved = index
                index += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = saved
                }
            }
            guard let scalar = Unicode.Scalar(value) else {
                guard grammar.replacesLoneSurrogates else { throw failure("unpaired surrogate escape", at: backslash) }
                decoded += [0xEF, 0xBF, 0xBD]
                return
            }
            UTF8.encode(scalar) { decoded.append($0) }
        default:
            index -= 1
            throw failure("invalid escape sequence")
        }
    }

    @inlinable
    mutating func hex4() throws(JSONGrammarError) -> UInt32 {
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
    @inlinable
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
