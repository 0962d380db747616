import NotelintLoader

/// A note without a front matter block.
struct FrontMatterMissingRule: Rule {
    static let description = RuleDescription(
        id: "front-matter-missing",
        summary: "The note has no front matter",
        rationale: """
            Without a `---` block on the first line a note has no title, date or tags: site generators fall back to \
            defaults and the note drops out of every listing. A `---` further down is a thematic break, not front matter.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "↓# A heading\n\n---\ntitle: not front matter\n---\n",
            "↓\n---\ntitle: a blank line first\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\n---\nBody\n",
            "\u{FEFF}---\ntitle: after a byte order mark\n---\n",
        ],
        commentSuppression: .unsupported(reason: "the note has no front matter, the only place where comments are read"),
        owns: Ownership(outcomes: [.none])
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        guard context.note.outcome == .none else { return [] }
        return [Finding(range: context.note.headRange, message: "no front matter: the first line must be `---`")]
    }
}
