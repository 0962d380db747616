import NotelintLoader

/// A key is present but holds nothing where the schema wants a value.
struct EmptyValueRule: Rule {
    static let description = RuleDescription(
        id: "empty-value",
        summary: "A key that needs a value is empty (`''`, `[]`, `~` or blank)",
        rationale: """
            An empty title or summary is usually a template field nobody filled in. It passes a presence check \
            yet renders as a blank heading or an empty card.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\ntitle: ↓''\n---\n",
            "---\ntags: ↓[]\nsummary: ↓~\n---\n",
            "---\nlayout:↓\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: A title\nguest: ''\n---\n",
        ],
        owns: Ownership(schemaViolations: .emptyValues)
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.violations(routedTo: Self.id).map { violation in
            Finding(range: violation.range(in: context), message: "`\(violation.pathText)` is empty", subject: violation.pathText)
        }
    }
}
