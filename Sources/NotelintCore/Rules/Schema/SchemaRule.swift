import NotelintLoader

/// Every schema violation that no more specific rule reports: patterns, lengths, item counts…
struct SchemaRule: Rule {
    static let description = RuleDescription(
        id: "schema",
        summary: "A value breaks a schema constraint",
        rationale: """
            The note schema states what every note must look like; whatever it says beyond types, allowed \
            values and formats (lengths, patterns, counts, conditions) is reported here with the schema's own words.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\narea: ↓Society Systems\n---\n",
            "---\ntags: ↓[a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u]\n---\n",
        ],
        nonTriggeringExamples: [
            "---\narea: society-systems\ntags: [a, b]\n---\n",
        ],
        owns: Ownership(schemaViolations: .everythingElse)
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.violations(routedTo: Self.id).map { violation in
            Finding(range: violation.range(in: context), message: violation.message, subject: violation.subjectText)
        }
    }
}
