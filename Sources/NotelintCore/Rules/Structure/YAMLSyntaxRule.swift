import NotelintLoader

/// Front matter that libyaml cannot read, or that the loader refused (bad UTF-8, NUL bytes, limits).
struct YAMLSyntaxRule: Rule {
    static let description = RuleDescription(
        id: "yaml-syntax",
        summary: "Front matter is not valid YAML",
        rationale: """
            A site generator that cannot parse a note's front matter either fails the build or, worse, silently \
            publishes the note without its metadata. Every later check needs a parsed tree, so this comes first.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\ntitle: \"unclosed\n↓---\nBody\n",
            "---\ntitle: a\ntags: [war\n↓---\n",
            "---\ntitle: a↓: b\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: \"a: b\"\ntags: [war]\n---\n",
            "No front matter at all.\n",
        ],
        owns: Ownership(loadProblems: [
            .syntax, .invalidUTF8, .nulByte, .tooDeep, .tooLarge, .tooManyAliases, .tooManyKeys, .undefinedAlias, .multipleDocuments,
        ])
    )


    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.note.problems.filter { Self.description.owns.loadProblems.contains($0.kind) }.map { problem in
            Finding(
                range: problem.range, message: problem.message,
                related: problem.related.map { [RelatedLocation(range: $0, message: "context")] } ?? [])
        }
    }
}
