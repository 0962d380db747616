/// Front matter formats that are recognised but not YAML, so they are named instead of misparsed.
public enum ForeignFrontMatter: Sendable, Hashable, CustomStringConvertible {
    /// `+++` fences (Hugo, Zola).
    case toml
    /// A JSON object opening on the first line (Hugo).
    case json
    /// `---js`, `---json` and other languages named after the fence (Eleventy, gray-matter).
    case fencedLanguage(String)

    public var description: String {
        switch self {
        case .toml: "TOML (+++)"
        case .json: "JSON ({ … })"
        case .fencedLanguage(let name): "---\(name)"
        }
    }
}

/// Where the front matter is in a file, found from the raw bytes before any YAML is parsed.
public enum FrontMatterSplit: Sendable, Equatable {
    /// No opening fence on the first line: the whole file is body.
    case none
    /// An opening fence with no closing one; `openingLine` is 1-based.
    case unterminated(openingLine: Int)
    case foreign(ForeignFrontMatter)
    /// YAML between two fences. `content` is the byte range between the opening fence's line break
    /// and the closing fence; `closingFence` covers the closing line without its line break.
    case fenced(opening: Range<Int>, content: Range<Int>, closingFence: Range<Int>)
}

/// Finds the YAML front matter in the first bytes of a note.
///
/// Rules: an optional UTF-8 BOM, then `---` (trailing spaces or tabs allowed) alone on the first line;
/// the block ends at the next line that is exactly `---` or `...` (trailing spaces or tabs allowed).
/// LF, CRLF and lone CR all end lines.
public enum FrontMatterSplitter {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Splits `bytes`. Returns `nil` when the closing fence was not found yet and `atEndOfFile` is false:
    /// the caller reads more and asks again.
    public static func split(_ bytes: UnsafeBufferPointer<UInt8>, atEndOfFile: Bool) -> FrontMatterSplit? {
        let count = bytes.count
        var start = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }

        guard let firstLineEnd = lineEnd(bytes, from: start, atEndOfFile: atEndOfFile) else {
            // The first line is not complete yet. Its first bytes may already rule out every opening fence: then
            // it is body, however long (a binary file, one long paragraph), and nothing more needs reading.
            if !atEndOfFile { return mayOpen(bytes, start..<count) ? nil : FrontMatterSplit.none }
            return classifyFirstLine(bytes, start..<count, hasBreak: false)
        }
        if let verdict = classifyFirstLine(bytes, start..<firstLineEnd.contentEnd, hasBreak: true) {
            return verdict
        }
        let opening = start..<firstLineEnd.contentEnd
        let contentStart = firstLineEnd.next
        var lineStart = contentStart
        while lineStart < count {
            guard let end = lineEnd(bytes, from: lineStart, atEndOfFile: atEndOfFile) else {
                // A last line without a break: it may still grow unless the file ended.
                if !atEndOfFile { return nil }
                if isClosingFence(bytes, lineStart..<count) {
                    return .fenced(opening: opening, content: contentStart..<lineStart, closingFence: lineStart..<count)
                }
                return .unterminated(openingLine: 1)
            }
            if isClosingFence(bytes, lineStart..<end.contentEnd) {
                return .fenced(opening: opening, content: contentStart..<lineStart, closingFence: lineStart..<end.contentEnd)
            }
            lineStart = end.next
        }
        return atEndOfFile ? .unterminated(openingLine: 1) : nil
    }

    public static func split(_ bytes: [UInt8]) -> FrontMatterSplit {
        bytes.withUnsafeBufferPointer { split($0, atEndOfFile: true)! }
    }

    /// `nil` means "an opening YAML fence": keep scanning for the closing one.
    private static func classifyFirstLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, hasBreak: Bool
    ) -> FrontMatterSplit? {
        let trimmed = trimTrailingBlanks(bytes, line)
        let length = trimmed.count
        if opensJSONObject(bytes, trimmed) { return .foreign(.json) }
        if length == 3, bytes[trimmed.lowerBound] == UInt8(ascii: "+"),
            bytes[trimmed.lowerBound + 1] == UInt8(ascii: "+"), bytes[trimmed.lowerBound + 2] == UInt8(ascii: "+") {
            return .foreign(.toml)
        }
        guard length >= 3,
            bytes[trimmed.lowerBound] == UInt8(ascii: "-"),
            bytes[trimmed.lowerBound + 1] == UInt8(ascii: "-"),
            bytes[trimmed.lowerBound + 2] == UInt8(ascii: "-")
        else { return FrontMatterSplit.none }
        if length == 3 {
            return hasBreak ? nil : .unterminated(openingLine: 1)
        }
        // `---js`, `---json`: a language name right after the fence.
        let name = String(decoding: bytes[(trimmed.lowerBound + 3)..<trimmed.upperBound], as: UTF8.self)
        guard name.utf8.allSatisfy({ isLanguageNameByte($0) }), let first = name.utf8.first, isLetter(first) else {
            return FrontMatterSplit.none
        }
        if name.lowercased() == "yaml" || name.lowercased() == "yml" {
            return hasBreak ? nil : .unterminated(openingLine: 1)
        }
        return .foreign(.fencedLanguage(name))
    }

    /// Whether a first line beginning with `prefix` (possibly incomplete) could still open front matter:
    /// `---`, `+++` or `{`.
    private static func mayOpen(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: Range<Int>) -> Bool {
        guard let first = prefix.first.map({ bytes[$0] }) else { return true }
        // The start of a byte order mark cut short by the read.
        if prefix.lowerBound == 0, prefix.count < 3, bytes[prefix].elementsEqual(byteOrderMark.prefix(prefix.count)) { return true }
        if first == UInt8(ascii: "{") { return true }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else { return false }
        return bytes[prefix.prefix(3)].allSatisfy { $0 == first }
    }

    private static func isClosingFence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let trimmed = trimTrailingBlanks(bytes, line)
        guard trimmed.count == 3 else { return false }
        let first = bytes[trimmed.lowerBound]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return bytes[trimmed.lowerBound + 1] == first && bytes[trimmed.lowerBound + 2] == first
    }

    private struct LineEnd {
        /// Offset just after the line's last content byte.
        var contentEnd: Int
        /// Offset of the next line's first byte.
        var next: Int
    }

    /// The end of the line starting at `from`, or `nil` when no line break follows in `bytes`.
    /// A CR at the very end of the buffer is ambiguous (CRLF may follow) and also yields `nil`, unless the file
    /// ends there.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, atEndOfFile: Bool) -> LineEnd? {
        var index = from
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { return LineEnd(contentEnd: index, next: index + 1) }
            if byte == 0x0D {
                if index + 1 < count {
                    return LineEnd(contentEnd: index, next: bytes[index + 1] == 0x0A ? index + 2 : index + 1)
                }
                return atEndOfFile ? LineEnd(contentEnd: index, next: index + 1) : nil
            }
            index += 1
        }
        return nil
    }

    private static func trimTrailingBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return line.lowerBound..<end
    }

    /// `{` alone, `{"key": …` or `{}`: Hugo's JSON front matter. Template tags such as `{{ … }}`, `{% … %}` and
    /// `{# … #}` also open many Markdown files and are body text, so the byte after the brace must fit JSON.
    private static func opensJSONObject(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard !line.isEmpty, bytes[line.lowerBound] == UInt8(ascii: "{") else { return false }
        var index = line.lowerBound + 1
        while index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < line.upperBound else { return true }
        return bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "}")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isLanguageNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
