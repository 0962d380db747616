import NotelintLoader

/// Tags that are not lowercase kebab-case.
struct TagFormatRule: Rule {
    static let description = RuleDescription(
        id: "tag-format",
        summary: "A tag is not lowercase kebab-case",
        rationale: """
            `Machine Learning`, `machine_learning`, `#machine-learning` and `machine-learning` are four tags to a \
            site generator: each splits the tag page. One spelling keeps every note on one page.
            """,
        defaultSeverity: .error,
        options: [
            RuleOption("key", .string("tags"), "The key holding the tag list."),
        ],
        triggeringExamples: [
            "---\ntags: [↓Machine-Learning, war]\n---\n",
            "---\ntags:\n- ↓machine_learning\n- ↓'#war'\n- ↓cold war\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntags: [machine-learning, war, gpt-4, 朝鲜战争]\n---\n",
        ]
    )

    let key: String

    init(options: RuleOptions) {
        key = options.string("key")
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let list = TagList(context, key: key) else { return [] }
        return list.tags.compactMap { node, text in
            guard !Self.isKebabCase(text) else { return nil }
            let normalized = Self.normalize(text)
            let suggestions = normalized.isEmpty || normalized == text ? [] : [normalized]
            var message = "tag `\(text)` is not lowercase kebab-case"
            if let suggestion = suggestions.first { message += "; use `\(suggestion)`" }
            return Finding(range: node.range, message: message, suggestions: suggestions, subject: "\(key)=\(text)")
        }
    }

    /// Words of lowercase letters (or letters without case, as in CJK) and digits, joined by single hyphens.
    static func isKebabCase(_ tag: String) -> Bool {
        var previousWasHyphen = true
        for character in tag {
            if character == "-" {
                if previousWasHyphen { return false }
                previousWasHyphen = true
                continue
            }
            guard character.isLetter || character.isNumber, !character.isUppercase else { return false }
            previousWasHyphen = false
        }
        return !previousWasHyphen
    }

    /// Lowercased, `#` dropped, spaces and underscores to hyphens, other punctuation dropped.
    static func normalize(_ tag: String) -> String {
        var result = ""
        for character in tag.lowercased() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if character == " " || character == "_" || character == "-" || character == "/" || character == "." {
                if !result.isEmpty, result.last != "-" { result.append("-") }
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }
}
