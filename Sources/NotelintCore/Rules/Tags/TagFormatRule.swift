import NotelintLoader
import NotelintSchema

/// Tags that are not lowercase kebab-case.
struct TagFormatRule: Rule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let key = OptionKey("key", "tags", "The key holding the tag list.")
        static let pattern = OptionKey("pattern", "", "A regular expression every tag must match in full (empty: lowercase kebab-case).")
    }

    static let description = RuleDescription(
        id: "tag-format",
        summary: "A tag is not lowercase kebab-case",
        rationale: """
            `Machine Learning`, `machine_learning`, `#machine-learning` and `machine-learning` are four tags to a \
            site generator: each splits the tag page. One spelling keeps every note on one page.
            """,
        defaultSeverity: .error,
        options: [
            Option.key.declaration,
            Option.pattern.declaration,
        ],
        triggeringExamples: [
            "---\ntags: [↓Machine-Learning, war]\n---\n",
            "---\ntags:\n- ↓machine_learning\n- ↓'#war'\n- ↓cold war\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntags: [machine-learning, war, gpt-4, 朝鲜战争]\n---\n",
            RuleExample("---\ntags: [Machine_Learning, War]\n---\n", options: ["pattern": .string("[A-Z][A-Za-z_]*")]),
        ],
        corrections: [
            RuleCorrection("---\ntags: [Machine Learning, war]\n---\n", "---\ntags: [machine-learning, war]\n---\n"),
            RuleCorrection("---\ntags:\n- war\n- '#war'\n- Cold_War\n---\n", "---\ntags:\n- war\n- cold-war\n---\n"),
            RuleCorrection("---\ntags: [stage.seed, Area/Sub, war]\n---\n", "---\ntags: [stage-seed, area-sub, war]\n---\n",
                           applicability: .unsafe),
        ]
    )

    let key: String
    /// Compiled once per configuration; `nil` means the built-in kebab-case check.
    let pattern: SchemaPattern?

    init(options: RuleOptions) {
        key = options[Option.key]
        let source = options[Option.pattern]
        // The same ECMA-262 dialect as schema patterns, anchored: the whole tag must match.
        pattern = source.isEmpty ? nil : try? SchemaPattern("^(?:" + source + ")$")
    }

    private func isWellFormed(_ tag: String) -> Bool {
        guard let pattern else { return Self.isKebabCase(tag) }
        return pattern.matches(tag)
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let list = TagList(context, key: key) else { return [] }
        let tags = list.tags
        return tags.enumerated().compactMap { index, tag in
            let (node, text) = tag
            guard !isWellFormed(text) else { return nil }
            let normalized = Self.normalize(text)
            let suggestions = normalized.isEmpty || normalized == text ? [] : [normalized]
            var message = pattern == nil ? "tag `\(text)` is not lowercase kebab-case" : "tag `\(text)` does not match the configured pattern"
            var fix: Fix?
            if pattern == nil, let suggestion = suggestions.first {
                message += "; use `\(suggestion)`"
                let applicability: Applicability = Self.normalizesWithoutLoss(text) ? .safe : .unsafe
                // Normalizing can make two tags one: then the later copy goes instead of being renamed.
                let collides = tags[..<index].contains { $0.text == suggestion || Self.normalize($0.text) == suggestion }
                    || tags[(index + 1)...].contains { $0.text == suggestion }
                if collides {
                    fix = YAMLEdits.removeItem(node, from: list.sequence, in: context.source)
                        .map { Fix(edits: [$0], applicability: applicability, title: "remove `\(text)`, a duplicate of `\(suggestion)`") }
                } else {
                    fix = YAMLEdits.replaceScalar(node, with: suggestion, inFlow: list.isFlow)
                        .map { Fix(edits: [$0], applicability: applicability, title: "rename to `\(suggestion)`") }
                }
            }
            return Finding(range: node.range, message: message, suggestions: suggestions, fix: fix, subject: "\(key)=\(text)")
        }
    }

    /// Words of lowercase letters (or letters without case, as in CJK) and digits, joined by single hyphens.
    static func isKebabCase(_ tag: String) -> Bool {
        // Most tags are ASCII: decided on bytes, without forming characters.
        if tag.utf8.allSatisfy({ $0 < 0x80 }) {
            var previousWasHyphen = true
            for byte in tag.utf8 {
                if byte == UInt8(ascii: "-") {
                    if previousWasHyphen { return false }
                    previousWasHyphen = true
                } else if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    previousWasHyphen = false
                } else {
                    return false
                }
            }
            return !previousWasHyphen
        }
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

    /// Whether normalizing only changes case, drops a leading `#` and joins words with hyphens: then renaming is
    /// certainly right (safe). Flattening a hierarchy (`stage.seed`, `area/sub`, as Dendron and Obsidian nest tags)
    /// or dropping other punctuation (`C++`, `c#`) may lose what the author meant (unsafe).
    static func normalizesWithoutLoss(_ tag: String) -> Bool {
        tag.drop { $0 == "#" }.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "_" || $0 == "-" }
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
