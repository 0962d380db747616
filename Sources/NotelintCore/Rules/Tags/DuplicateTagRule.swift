import NotelintLoader

/// The same tag twice in one note.
struct DuplicateTagRule: Rule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let key = OptionKey("key", "tags", "The key holding the tag list.")
    }

    static let description = RuleDescription(
        id: "duplicate-tag",
        summary: "A tag appears twice in the same note",
        rationale: """
            A repeated tag counts the note twice on the tag page and usually betrays a merge or a hasty edit.
            """,
        defaultSeverity: .error,
        options: [
            Option.key.declaration,
        ],
        triggeringExamples: [
            "---\ntags: [war, power, ↓war]\n---\n",
            "---\ntags:\n- war\n- ↓war\n- ↓war\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntags: [war, power]\n---\n",
        ],
        corrections: [
            RuleCorrection("---\ntags: [war, power, war]\n---\n", "---\ntags: [war, power]\n---\n"),
            RuleCorrection("---\ntags:\n- war\n- war\n- power\n- war\n---\nBody\n", "---\ntags:\n- war\n- power\n---\nBody\n"),
            RuleCorrection("---\ntags: [war, war, war]\n---\n", "---\ntags: [war]\n---\n"),
        ]
    )

    let key: String

    init(options: RuleOptions) {
        key = options[Option.key]
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let list = TagList(context, key: key) else { return [] }
        var first: [String: YAMLNode] = [:]
        var findings: [Finding] = []
        for (node, text) in list.tags {
            if let earlier = first[text] {
                let fix = YAMLEdits.removeItem(node, from: list.sequence, in: context.source)
                    .map { Fix(edits: [$0], applicability: .safe, title: "remove the repeated `\(text)`") }
                findings.append(Finding(
                    range: node.range, message: "tag `\(text)` is listed twice",
                    related: [RelatedLocation(range: earlier.range, message: "first listed here")],
                    fix: fix, subject: "\(key)=\(text)"))
            } else {
                first[text] = node
            }
        }
        return findings
    }
}
