import NotelintLoader

/// An opening fence that is never closed.
struct FrontMatterUnterminatedRule: Rule {
    static let description = RuleDescription(
        id: "front-matter-unterminated",
        summary: "The front matter has no closing `---`",
        rationale: """
            Without its closing fence the whole note is read as front matter (or the block is ignored), so the body \
            is lost to the site generator. The usual cause is a deleted line or `--` typed for `---`.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "↓---\ntitle: a\n--\nBody\n",
            "↓---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\n...\nBody\n",
            "---\ntitle: a\n---   \nBody\n",
        ],
        commentSuppression: .unsupported(reason: "a block without its closing fence is no front matter, the only place where comments are read"),
        owns: Ownership(outcomes: [.unterminated])
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        guard case .unterminated(let line) = context.note.outcome else { return [] }
        let start = context.source.lineStarts[line - 1]
        let range = context.source.range(ofBytes: start..<(start + context.source.lineBytes(line).count))
        return [Finding(range: range, message: "front matter opened on line \(line) is never closed with `---` or `...`")]
    }
}
