import NotelintLoader

/// A value of the wrong JSON type: a string where a list belongs, a quoted boolean…
struct WrongTypeRule: Rule {
    static let description = RuleDescription(
        id: "wrong-type",
        summary: "A value has the wrong type",
        rationale: """
            `tags: war, power` is one string, not two tags; `draft: "false"` is a non-empty string, which \
            templates treat as true. The type the schema declares is the one templates rely on.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\ntags: ↓war, power\n---\n",
            "---\ndraft: ↓\"false\"\n---\n",
            "---\ntitle: ↓[a, b]\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntags: [war, power]\ndraft: false\n---\n",
        ]
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.violations(routedTo: Self.id).map { violation in
            let expected = violation.expectedTypes.joined(separator: " or ")
            let actual = Self.typeName(violation.instance)
            let path = violation.pathText.isEmpty ? "front matter" : "`\(violation.pathText)`"
            return Finding(
                range: violation.range(in: context), message: "\(path) must be \(article(expected)) \(expected), not \(article(actual)) \(actual)",
                subject: violation.subjectText)
        }
    }

    static func typeName(_ node: YAMLNode?) -> String {
        guard let node = node?.dereferenced else { return "null" }
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool: return "boolean"
            case .int: return "integer"
            case .float: return "number"
            case .string: return "string"
            }
        case .sequence: return "array"
        case .mapping: return "object"
        case .alias: return "alias"
        }
    }

    private func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
