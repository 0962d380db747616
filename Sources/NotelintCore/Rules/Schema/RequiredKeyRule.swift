import NotelintLoader

/// A key the schema requires is absent.
struct RequiredKeyRule: Rule {
    static let description = RuleDescription(
        id: "required-key",
        summary: "A required key is missing",
        rationale: """
            Templates and listings read these keys for every note; a missing title or date breaks the page \
            or sorts the note to the wrong end. The finding points at the opening fence, where the key belongs.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "↓---\ndate: 2024-11-24\ndraft: false\nstatus: budding\ntags: [war]\nsummary: s\nlayout: post\n---\n",
            "↓---\ntitle: t\ndraft: false\nstatus: budding\ntags: [war]\nsummary: s\nlayout: post\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: t\ndate: 2024-11-24\ndraft: false\nstatus: budding\ntags: [war]\nsummary: s\nlayout: post\n---\n",
        ],
        owns: Ownership(schemaViolations: .keywords(["required"]))
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.violations(routedTo: Self.id).map { violation in
            let key = violation.missingProperty ?? "?"
            let owner = violation.pathText.isEmpty ? "front matter" : "`\(violation.pathText)`"
            return Finding(range: violation.range(in: context), message: "\(owner) is missing the required key `\(key)`", subject: key)
        }
    }
}
