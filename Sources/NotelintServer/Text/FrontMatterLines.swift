import NotelintText

/// The front matter of a buffer read by lines, as it stands while being typed (it may not parse): where it
/// ends, which top-level keys it has, and what the cursor's line is about. Completion and hover need no more,
/// and must work on half-written YAML.
struct FrontMatterLines {
    let lines: LineIndex
    /// The zero-based line of the closing fence; the document's last line when there is none yet.
    let closingLine: Int
    /// Top-level keys and the zero-based line of each.
    let keys: [(name: String, line: Int)]

    init?(_ lines: LineIndex) {
        guard lines.bytes.count >= 3, Self.isFence(lines.text(ofLine: 0), opening: true) else { return nil }
        self.lines = lines
        var closing = lines.lineStarts.count - 1
        var keys: [(String, Int)] = []
        var line = 1
        while line < lines.lineStarts.count {
            let text = lines.text(ofLine: line)
            if Self.isFence(text, opening: false) {
                closing = line
                break
            }
            if let key = Self.topLevelKey(text) { keys.append((key, line)) }
            line += 1
        }
        closingLine = closing
        self.keys = keys
    }

    static func isFence(_ text: Substring, opening: Bool) -> Bool {
        var word = text
        while let last = word.last, last == " " || last == "\t" { word = word.dropLast() }
        return word == "---" || (!opening && word == "...")
    }

    /// `key:` at the start of a line (not a list item, not a comment), the key unquoted.
    static func topLevelKey(_ text: Substring) -> String? {
        guard let first = text.first, first != " ", first != "\t", first != "-", first != "#" else { return nil }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let after = text.index(after: colon)
        guard after == text.endIndex || text[after] == " " || text[after] == "\t" else { return nil }
        var key = text[..<colon].trimmingCharacters(in: " \t")
        if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
            key = String(key.dropFirst().dropLast())
        }
        return key.isEmpty ? nil : key
    }

    /// True for lines strictly between the fences.
    func contains(line: Int) -> Bool { line > 0 && (line < closingLine || (line == closingLine && !Self.isFence(lines.text(ofLine: line), opening: false))) }

    /// The top-level key a line belongs to: its own, or the nearest one above an indented or list line.
    func owningKey(ofLine line: Int) -> String? {
        keys.last { $0.line <= line }?.name
    }
}
