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
        var protected = IndexSet()
        var insideDoubleQuotes = IndexSet()
        if let root = context.note.root {
            Self.collectBlockScalarLines(root, into: &protected, depth: 0)
            Self.collectDoubleQuotedLineEnds(root, into: &insideDoubleQuotes, depth: 0)
        }
        var findings: [Finding] = []
        for line in firstLine...lastLine where !protected.contains(line) {
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

    /// Lines whose line break falls inside a double-quoted scalar, where a blank escaped with `\\` is content.
    private static func collectDoubleQuotedLineEnds(_ node: YAMLNode, into lines: inout IndexSet, depth: Int) {
        guard depth < 256 else { return }
        switch node.content {
        case .scalar(let scalar) where scalar.style == .doubleQuoted:
            if node.range.end.line > node.range.start.line {
                lines.insert(range: node.range.start.line...(node.range.end.line - 1))
            }
        case .sequence(let items, _):
            for item in items { collectDoubleQuotedLineEnds(item, into: &lines, depth: depth + 1) }
        case .mapping(let pairs, _):
            for pair in pairs {
                collectDoubleQuotedLineEnds(pair.key, into: &lines, depth: depth + 1)
                collectDoubleQuotedLineEnds(pair.value, into: &lines, depth: depth + 1)
            }
        default:
            break
        }
    }

    /// Lines holding the content of `|` and `>` scalars, where trailing blanks are part of the value.
    private static func collectBlockScalarLines(_ node: YAMLNode, into lines: inout IndexSet, depth: Int) {
        guard depth < 256 else { return }
        switch node.content {
        case .scalar(let scalar) where scalar.style == .literal || scalar.style == .folded:
            // A block scalar ends at the start of the line after its last one (it owns its line break).
            let last = node.range.end.column == 1 ? node.range.end.line - 1 : node.range.end.line
            if last > node.range.start.line {
                lines.insert(range: (node.range.start.line + 1)...last)
            }
        case .sequence(let items, _):
            for item in items { collectBlockScalarLines(item, into: &lines, depth: depth + 1) }
        case .mapping(let pairs, _):
            for pair in pairs { collectBlockScalarLines(pair.value, into: &lines, depth: depth + 1) }
        default:
            break
        }
    }
}

/// A small set of line numbers kept as closed ranges.
private struct IndexSet {
    private var ranges: [ClosedRange<Int>] = []

    mutating func insert(range: ClosedRange<Int>) { ranges.append(range) }

    func contains(_ line: Int) -> Bool { ranges.contains { $0.contains(line) } }
}
