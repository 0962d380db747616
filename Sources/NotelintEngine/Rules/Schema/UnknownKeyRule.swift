import NotelintLoader

/// A key the schema does not know.
struct UnknownKeyRule: Rule {
    static let description = RuleDescription(
        id: "unknown-key",
        summary: "A key the schema does not define",
        rationale: """
            A misspelled key (`tittle`, `tag`) is ignored by templates, so the value it holds is lost. \
            The nearest known key is suggested.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            "---\n↓tittle: a\n---\n",
            "---\ntitle: a\n↓tag: [war]\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\ntags: [war]\n---\n",
        ]
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        let known = context.schema?.schema.knownProperties ?? []
        return context.violations(routedTo: Self.id).map { violation in
            let name = violation.key?.dereferenced.scalar?.text ?? violation.pathText
            var message = "unknown key `\(name)`"
            var suggestions: [String] = []
            if violation.instancePath.count <= 1, let nearest = NearestName.nearest(to: name, in: known) {
                suggestions = [nearest]
                message += "; did you mean `\(nearest)`?"
            }
            return Finding(range: violation.range(in: context), message: message, suggestions: suggestions, subject: name)
        }
    }
}
