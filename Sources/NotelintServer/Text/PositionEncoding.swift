import NotelintLoader

/// How a client counts characters in a line (`positionEncoding`): UTF-8 bytes, or UTF-16 code units, the
/// protocol's default. A CJK character is 3 bytes and 1 unit; an emoji outside the BMP is 4 bytes and 2 units.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// A line and character as the client counts them, both zero-based.
public struct TextPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    public var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    public init?(json: JSONValue?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

/// A document's line table (the loader's `SourceText`: lines end at LF, CRLF or a lone CR, as the protocol says),
/// with lines counted from zero as the protocol counts them, to turn byte offsets into client positions and back.
public struct LineIndex: Sendable {
    public let source: SourceText
    public var bytes: [UInt8] { source.bytes }
    public var lineStarts: [Int] { source.lineStarts }

    public init(_ bytes: [UInt8]) {
        source = SourceText(bytes: bytes)
    }

    /// The byte just past a line's text, before its line break.
    public func lineContentEnd(_ line: Int) -> Int {
        source.lineBytes(line + 1).endIndex
    }

    /// The line break ending a line ("\n" when it has none), for text inserted in the document's own style.
    public func lineBreak(after line: Int) -> String {
        let end = lineContentEnd(line)
        let next = line + 1 < lineStarts.count ? lineStarts[line + 1] : end
        return next > end ? String(decoding: bytes[end..<next], as: UTF8.self) : "\n"
    }

    /// A line's text without its line break.
    public func text(ofLine line: Int) -> Substring {
        Substring(source.lineText(line + 1))
    }

    public func line(ofByte offset: Int) -> Int {
        source.line(ofByte: offset) - 1
    }

    /// The client position of a byte offset. An offset inside a character counts as the character's start.
    public func position(ofByte offset: Int, _ encoding: PositionEncoding) -> TextPosition {
        let offset = max(0, min(offset, bytes.count))
        let line = line(ofByte: offset)
        let start = lineStarts[line]
        let end = min(offset, lineContentEnd(line))
        switch encoding {
        case .utf8:
            return TextPosition(line: line, character: end - start)
        case .utf16:
            var units = 0
            var index = start
            while index < end {
                let width = Self.sequenceLength(bytes[index])
                if index + width > end { break }
                units += width == 4 ? 2 : 1
                index += width
            }
            return TextPosition(line: line, character: units)
        }
    }

    /// The byte offset of a client position. A line past the end is the document's end; a character past the end of
    /// its line is the line's end (before its line break), as the protocol asks; a position inside a character (the
    /// middle of a surrogate pair or of a UTF-8 sequence) goes to the character's start.
    public func offset(of position: TextPosition, _ encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        let end = lineContentEnd(position.line)
        var index = start
        var counted = 0
        while index < end {
            let width = min(Self.sequenceLength(bytes[index]), end - index)
            let units = encoding == .utf8 ? width : (width == 4 ? 2 : 1)
            if counted + units > position.character { break }
            counted += units
            index += width
        }
        return index
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for a stray continuation byte, so that it counts once).
    static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }

    public func range(ofBytes range: Range<Int>, _ encoding: PositionEncoding) -> JSONValue {
        ["start": position(ofByte: range.lowerBound, encoding).json, "end": position(ofByte: range.upperBound, encoding).json]
    }

    /// A client range as bytes; nil when it is not a range.
    public func byteRange(of json: JSONValue?, _ encoding: PositionEncoding) -> Range<Int>? {
        guard let start = TextPosition(json: json?["start"]), let end = TextPosition(json: json?["end"]) else { return nil }
        let lower = offset(of: start, encoding)
        let upper = offset(of: end, encoding)
        return min(lower, upper)..<max(lower, upper)
    }
}
