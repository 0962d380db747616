/// One known mistake and its correction.
public struct TagReplacement: Sendable, Hashable {
    public var wrong: String
    public var right: String
    public var file: String
    /// 1-based line in `file`.
    public var line: Int

    public init(wrong: String, right: String, file: String, line: Int) {
        self.wrong = wrong
        self.right = right
        self.file = file
        self.line = line
    }
}

/// A replacement list: `wrong -> right` or `wrong → right`, one a line, with `#` comments.
public struct TagReplacementList: Sendable, Hashable {
    public var file: String
    public var replacements: [TagReplacement]
    /// Lines without exactly one arrow between two non-empty tags, for the configuration to report.
    public var malformedLines: [Int]

    public init(file: String, replacements: [TagReplacement], malformedLines: [Int] = []) {
        self.file = file
        self.replacements = replacements
        self.malformedLines = malformedLines
    }

    public init(parsing text: String, file: String) {
        var replacements: [TagReplacement] = []
        var malformed: [Int] = []
        for entry in PlainListText.entries(in: text) {
            if let (wrong, right) = Self.split(entry.text) {
                replacements.append(TagReplacement(wrong: wrong, right: right, file: file, line: entry.line))
            } else {
                malformed.append(entry.line)
            }
        }
        self.init(file: file, replacements: replacements, malformedLines: malformed)
    }

    private static func split(_ line: String) -> (String, String)? {
        for arrow in ["->", "→"] {
            let parts = line.split(separator: arrow, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let wrong = PlainListText.trimmed(parts[0])
            let right = PlainListText.trimmed(parts[1])
            let hasSecondArrow = (wrong + right).contains("->") || (wrong + right).contains("→")
            guard !wrong.isEmpty, !right.isEmpty, !hasSecondArrow else { return nil }
            return (String(wrong), String(right))
        }
        return nil
    }
}
