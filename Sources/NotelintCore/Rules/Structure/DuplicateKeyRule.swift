import NotelintLoader

/// The same key twice in one mapping.
struct DuplicateKeyRule: Rule {
    static let description = RuleDescription(
        id: "duplicate-key",
        summary: "A key appears twice in the same mapping",
        rationale: """
            YAML forbids duplicate keys, yet most parsers silently keep the last one: the first value is lost \
            without a word. This usually comes from a merge or from pasting a block twice.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\ntitle: a\ndraft: true\n↓title: b\n---\n",
            "---\nauthor: {name: a, ↓name: b}\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\nsubtitle: a\n---\n",
            "---\na: {name: x}\nb: {name: x}\n---\n",
        ],
        owns: Ownership(loadProblems: [.duplicateKey])
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.note.problems.filter { Self.description.owns.loadProblems.contains($0.kind) }.map { problem in
            Finding(
                range: problem.range, message: problem.message,
                related: problem.related.map { [RelatedLocation(range: $0, message: "first defined here")] } ?? [],
                subject: context.source.text(problem.range.byteRange))
        }
    }
}
