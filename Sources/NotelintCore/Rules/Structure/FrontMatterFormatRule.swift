import NotelintLoader

/// TOML, JSON or JavaScript front matter, which notelint recognises but does not check.
struct FrontMatterFormatRule: Rule {
    static let description = RuleDescription(
        id: "front-matter-format",
        summary: "The front matter is not YAML (TOML, JSON, `---js`)",
        rationale: """
            notelint checks YAML front matter. A note in another format is named rather than misread as YAML, \
            so a mixed repository knows which notes went unchecked.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            "↓+++\ntitle = \"a\"\n+++\n",
            "↓{ \"title\": \"a\" }\n",
            "↓---js\n{ title: \"a\" }\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: a\n---\n",
            "---yaml\ntitle: a\n---\n",
        ],
        commentSuppression: .unsupported(reason: "comments are read only in YAML front matter"),
        owns: Ownership(outcomes: [.foreign])
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        guard case .foreign(let format) = context.note.outcome else { return [] }
        return [Finding(range: context.note.headRange, message: "\(format) front matter is not supported; only YAML is checked")]
    }
}
