import NotelintLoader
import NotelintSchema
import NotelintText

/// A value of the wrong JSON type: a string where a list belongs, a quoted boolean…
struct WrongTypeRule: Rule {
    static let description = RuleDescription(
        id: "wrong-type",
        summary: "A value has the wrong type",
        rationale: """
            `tags: war, power` is one string, not two tags; `draft: "false"` is a non-empty string, which \
            templates treat as true. The type the schema declares is the one templates rely on.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\ntags: ↓war, power\n---\n",
            "---\ndraft: ↓\"false\"\n---\n",
            "---\ntitle: ↓[a, b]\n---\n",
            "↓---\n- a list\n- not a mapping\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntags: [war, power]\ndraft: false\n---\n",
        ],
        corrections: [
            RuleCorrection("---\ntags: war, power\n---\n", "---\ntags: [war, power]\n---\n"),
            RuleCorrection("---\npeople:\n- Mao Zedong\ntags: \"war power\"\n---\n", "---\npeople:\n- Mao Zedong\ntags:\n- war\n- power\n---\n"),
        ],
        owns: Ownership(loadProblems: [.notAMapping], schemaViolations: .keywords(["type"]))
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        let violations = context.violations(routedTo: Self.id)
        // Front matter that is a list or a scalar: the schema says so when one applies (`type: object`); without
        // one, the loader's finding is reported, so that such a note never passes silently.
        let rootCovered = violations.contains { $0.instancePath.isEmpty }
        let loaderFindings = rootCovered ? [] : context.note.problems.filter { Self.description.owns.loadProblems.contains($0.kind) }
            .map { Finding(range: context.note.headRange, message: $0.message) }
        return loaderFindings + violations.map { violation in
            let expected = violation.expectedTypes.joined(separator: " or ")
            let fix = violation.expectedTypes.contains("array") ? listFix(violation, context) : nil
            let actual = Self.typeName(violation.instance)
            let path = violation.pathText.isEmpty ? "front matter" : "`\(violation.pathText)`"
            return Finding(
                range: violation.range(in: context), message: "\(path) must be \(article(expected)) \(expected), not \(article(actual)) \(actual)",
                fix: fix, subject: violation.subjectText)
        }
    }

    /// `tags: war, power` or `tags: "war power"` → a list, in the list style the note already uses.
    private func listFix(_ violation: SchemaViolation, _ context: RuleContext) -> Fix? {
        guard violation.instancePath.count == 1, case .key(let name)? = violation.instancePath.first,
            let pair = context.root?.pair(forKey: name), let node = violation.instance, node === pair.value,
            // Its range would take an anchor or tag along with the text.
            node.anchor == nil, node.tag == nil,
            case .string(let text)? = node.scalar?.resolved, node.scalar?.style != .literal, node.scalar?.style != .folded
        else { return nil }
        let separators: (Character) -> Bool = text.contains(",") ? { $0 == "," } : { $0 == " " || $0 == "\t" }
        let items = text.split(whereSeparator: separators).map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return nil }
        switch YAMLEdits.preferredListStyle(in: context.root) {
        case .flow:
            let list = "[" + items.map { YAMLEdits.render($0, inFlow: true) }.joined(separator: ", ") + "]"
            return Fix(edits: [Edit(range: node.range.byteRange, replacement: list)], applicability: .safe, title: "make it a list")
        case .block:
            // From the end of the key: `tags: war, power` becomes `tags:` and one `- item` line per item.
            let indent = String(repeating: " ", count: pair.key.range.start.column - 1 + Self.blockIndent(context))
            let newline = Self.lineBreak(context.source)
            let lines = items.map { newline + indent + "- " + YAMLEdits.render($0, inFlow: false) }.joined()
            guard let colon = context.source.bytes[pair.key.range.end.offset..<node.range.start.offset].firstIndex(of: UInt8(ascii: ":"))
            else { return nil }
            return Fix(edits: [Edit(range: (colon + 1)..<node.range.end.offset, replacement: lines)], applicability: .safe,
                       title: "make it a list")
        }
    }

    /// How far the note indents block list items under their key (`tags:\n- a` is 0, `tags:\n  - a` is 2).
    private static func blockIndent(_ context: RuleContext) -> Int {
        for pair in context.root?.pairs ?? [] {
            if case .sequence(let items, .block) = pair.value.content, let first = items.first {
                return max(0, first.range.start.column - 3 - (pair.key.range.start.column - 1))
            }
        }
        return 0
    }

    /// The note's own line break, as its first line ends: LF, CRLF or a lone CR.
    private static func lineBreak(_ source: SourceText) -> String {
        let bytes = source.bytes
        guard let end = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }), bytes[end] == 0x0D else { return "\n" }
        return end + 1 < bytes.count && bytes[end + 1] == 0x0A ? "\r\n" : "\r"
    }

    static func typeName(_ node: YAMLNode?) -> String {
        guard let node = node?.dereferenced else { return "null" }
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool: return "boolean"
            case .int: return "integer"
            case .float: return "number"
            case .string: return "string"
            }
        case .sequence: return "array"
        case .mapping: return "object"
        case .alias: return "alias"
        }
    }

    private func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
