import NotelintLoader

/// Spaces or tabs at the end of a front matter line.
struct TrailingWhitespaceRule: Rule {
    static let description = RuleDescription(
        id: "trailing-whitespace",
        summary: "A front matter line ends with spaces or tabs",
        rationale: """
            Invisible trailing blanks make diffs noisy and, after a closing quote or a fence, confuse some \
            front matter parsers. Inside `|` and `>` block scalars they are content, so those lines are left alone.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            "---\ntitle: a↓  \ndraft: false↓\t\n---\n",
            "---↓ \ntitle: a\n---\n",
            "---\nsummary: |\n  text\nlayout: post↓  \n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\nsummary: |\n  kept as written  \n  here\n---\nBody with trailing spaces   \n",
        ],
        corrections: [
            RuleCorrection("---\ntitle: a  \r\ntags: [war]\t\n---\nBody  \n", "---\ntitle: a\r\ntags: [war]\n---\nBody  \n"),
        ]
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        guard let block = context.note.block else { return [] }
        let source = context.source
        let firstLine = source.line(ofByte: block.openingFence.lowerBound)
        let lastLine = source.line(ofByte: block.closingFence.lowerBound)
        // Most notes have no trailing blank at all: their tree is then never walked.
        var blankEnded: [Int] = []
        for line in firstLine...lastLine {
            let bytes = source.lineBytes(line)
            if let last = bytes.last, last == 0x20 || last == 0x09 { blankEnded.append(line) }
        }
        guard !blankEnded.isEmpty else { return [] }
        var protected = IndexSet()
        var insideDoubleQuotes = IndexSet()
        if let root = context.note.root {
            // Keys too: a double-quoted key can span lines like any value.
            root.forEachNode { node in
                guard let range = Self.doubleQuotedLineEnds(node) else { return }
                insideDoubleQuotes.insert(range: range)
            }
            // Values only: a block scalar written as a `? |` key is still checked line by line.
            root.forEachNode(includingKeys: false) { node in
                guard let range = Self.blockScalarLines(node) else { return }
                protected.insert(range: range)
            }
        }
        var findings: [Finding] = []
        for line in blankEnded where !protected.contains(line) {
            let bytes = source.lineBytes(line)
            var start = bytes.endIndex
            while start > bytes.startIndex, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
            // In a double-quoted scalar, `\ ` or `\<tab>` before the line break is an escaped blank: content.
            if start < bytes.endIndex, insideDoubleQuotes.contains(line) {
                var backslashes = 0
                while start - backslashes > bytes.startIndex, bytes[start - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 1 { start += 1 }
            }
            guard start < bytes.endIndex else { continue }
            let range = source.range(ofBytes: start..<bytes.endIndex)
            findings.append(Finding(
                range: range, message: "trailing whitespace",
                fix: Fix(edits: [Edit(range: start..<bytes.endIndex, replacement: "")], applicability: .safe, title: "remove it")))
        }
        return findings
    }

    /// The lines whose line break falls inside `node` when it is a double-quoted scalar: a blank escaped with `\\`
    /// before one of them is content.
    private static func doubleQuotedLineEnds(_ node: YAMLNode) -> ClosedRange<Int>? {
        guard case .scalar(let scalar) = node.content, scalar.style == .doubleQuoted,
            node.range.end.line > node.range.start.line
        else { return nil }
        return node.range.start.line...(node.range.end.line - 1)
    }

    /// The lines holding the content of `node` when it is a `|` or `>` scalar, where trailing blanks are part of
    /// the value.
    private static func blockScalarLines(_ node: YAMLNode) -> ClosedRange<Int>? {
        guard case .scalar(let scalar) = node.content, scalar.style == .literal || scalar.style == .folded else { return nil }
        // A block scalar ends at the start of the line after its last one (it owns its line break).
        let last = node.range.end.column == 1 ? node.range.end.line - 1 : node.range.end.line
        guard last > node.range.start.line else { return nil }
        return (node.range.start.line + 1)...last
    }
}

/// A small set of line numbers kept as closed ranges.
private struct IndexSet {
    private var ranges: [ClosedRange<Int>] = []

    mutating func insert(range: ClosedRange<Int>) { ranges.append(range) }

    func contains(_ line: Int) -> Bool { ranges.contains { $0.contains(line) } }
}
