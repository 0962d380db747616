/// The shared shape of notelint's plain-text lists (vocabularies, replacement lists, personal word lists):
/// one entry a line, blank lines ignored, `#` starting a comment.
enum PlainListText {
    struct Entry: Sendable, Hashable {
        /// 1-based, for messages that point at the line.
        var line: Int
        var text: String
    }

    /// A `#` starts a comment only at the start of a line or after white space, so entries such as `c#`
    /// or `f#` survive while `tag  # why it is here` loses its remark.
    static func entries(in text: String) -> [Entry] {
        var entries: [Entry] = []
        var lineNumber = 0
        // `\r\n` is one Character, so splitting on "\n" alone would not split Windows line ends.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let content = trimmed(withoutComment(Substring(line)))
            if !content.isEmpty { entries.append(Entry(line: lineNumber, text: String(content))) }
        }
        return entries
    }

    private static func withoutComment(_ line: Substring) -> Substring {
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if character == "#", previous.isWhitespace { return line[..<index] }
            previous = character
        }
        return line
    }

    static func trimmed(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
