/// JSON string and number spelling, kept in one place so every JSON the tool writes escapes the same way.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal.
    ///
    /// Control characters become `\uXXXX` (with the usual short forms for tab, newline, return, backspace and
    /// form feed). U+2028 and U+2029 are escaped too: they are valid JSON but end lines in older JavaScript and
    /// in some line-oriented tools, and the dump promises one object per line.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &bytes) }) == nil {
            appendEscaped(Array(utf8), to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped<Source: Collection<UInt8>>(_ source: Source, to bytes: inout [UInt8])
    where Source.Index == Int {
        var runStart = source.startIndex
        var index = source.startIndex
        let end = source.endIndex
        while index < end {
            let byte = source[index]
            let escape: [UInt8]?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
            case 0x0A: escape = Array(#"\n"#.utf8)
            case 0x0D: escape = Array(#"\r"#.utf8)
            case 0x09: escape = Array(#"\t"#.utf8)
            case 0x08: escape = Array(#"\b"#.utf8)
            case 0x0C: escape = Array(#"\f"#.utf8)
            case 0x00..<0x20: escape = unicodeEscape(UInt16(byte))
            case 0xE2 where index + 2 < end && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                escape = unicodeEscape(source[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                width = 3
            default: escape = nil
            }
            if let escape {
                bytes.append(contentsOf: source[runStart..<index])
                bytes.append(contentsOf: escape)
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        bytes.append(contentsOf: source[runStart..<end])
    }

    private static func unicodeEscape(_ value: UInt16) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return Array(#"\u"#.utf8) + [12, 8, 4, 0].map { digits[Int((value >> UInt16($0)) & 0xF)] }
    }

    /// A finite number in JSON spelling; `nil` for infinities and NaN, which JSON cannot hold.
    public static func number(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        // Swift prints the shortest text that reads back as the same Double; "1e+20" and "1e-05" are valid JSON.
        return value.description
    }
}

/// Writes JSON into a byte buffer, placing commas and colons itself so callers only say what comes next.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// One entry per open array or object: whether a member was already written in it.
    private var hasMember: [Bool] = []
    private var expectsValueAfterKey = false

    public init() {}

    /// Where the writer stands, so a half-written value can be taken back.
    public struct Checkpoint: Sendable {
        fileprivate var count: Int
        fileprivate var hasMember: [Bool]
        fileprivate var expectsValueAfterKey: Bool
    }

    public var checkpoint: Checkpoint {
        Checkpoint(count: bytes.count, hasMember: hasMember, expectsValueAfterKey: expectsValueAfterKey)
    }

    public mutating func rollBack(to checkpoint: Checkpoint) {
        bytes.removeSubrange(checkpoint.count...)
        hasMember = checkpoint.hasMember
        expectsValueAfterKey = checkpoint.expectsValueAfterKey
    }

    /// Empties the buffer (after it was flushed) but keeps its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        hasMember.removeAll(keepingCapacity: true)
        expectsValueAfterKey = false
    }

    public mutating func beginObject() {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        hasMember.append(false)
    }

    public mutating func endObject() {
        hasMember.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        startValue()
        bytes.append(UInt8(ascii: "["))
        hasMember.append(false)
    }

    public mutating func endArray() {
        hasMember.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object member's name; the next value written is its value.
    public mutating func key(_ name: String) {
        startValue()
        JSONText.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        expectsValueAfterKey = true
    }

    public mutating func string(_ value: String) {
        startValue()
        JSONText.appendQuoted(value, to: &bytes)
    }

    public mutating func int(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Non-finite values are written as the strings `.inf`, `-.inf` and `.nan`, YAML's spelling of them.
    public mutating func double(_ value: Double) {
        if let text = JSONText.number(value) {
            startValue()
            bytes.append(contentsOf: text.utf8)
        } else {
            string(value.isNaN ? ".nan" : value < 0 ? "-.inf" : ".inf")
        }
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// The members `line`, `column`, `offset`, `endLine`, `endColumn`, `endOffset` of `range`, in the object
    /// being written: the one spelling of a source range in every JSON the tool writes.
    public mutating func rangeMembers(_ range: SourceRange) {
        key("line")
        int(range.start.line)
        key("column")
        int(range.start.column)
        key("offset")
        int(range.start.offset)
        key("endLine")
        int(range.end.line)
        key("endColumn")
        int(range.end.column)
        key("endOffset")
        int(range.end.offset)
    }

    /// A value that is already JSON text, such as a subtree rendered into another writer.
    public mutating func encodedValue(_ json: [UInt8]) {
        startValue()
        bytes.append(contentsOf: json)
    }

    /// Bytes outside any value, such as the newline between JSON Lines records.
    public mutating func appendRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func startValue() {
        if expectsValueAfterKey {
            expectsValueAfterKey = false
            return
        }
        guard let last = hasMember.indices.last else { return }
        if hasMember[last] { bytes.append(UInt8(ascii: ",")) }
        hasMember[last] = true
    }
}
