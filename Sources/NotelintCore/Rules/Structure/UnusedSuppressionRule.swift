/// A `# notelint-disable…` comment that silences nothing.
///
/// The engine reports these itself after every other rule ran, since only it knows which comments were used;
/// this file declares the rule so that it can be configured and documented like any other.
struct UnusedSuppressionRule: Rule {
    static let description = RuleDescription(
        id: "unused-suppression",
        summary: "A suppression comment suppresses nothing",
        rationale: """
            A suppression that no longer matches a finding hides the next real one on that line, \
            and misleads readers into thinking the note has a problem. Remove it.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            "---\n↓# notelint-disable-next-line duplicate-key\ntitle: a\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\n# notelint-disable-next-line duplicate-key\ntitle: b\n---\n",
        ],
        commentSuppression: .unsupported(
            reason: "unused comments are reported after every other rule ran, and a comment naming `unused-suppression` suppresses nothing itself")
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] { [] }
}
