import NotelintLoader
import NotelintSchema
import NotelintText

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
        ],
        corrections: [
            RuleCorrection("---\ntittle: a\n---\n", "---\ntitle: a\n---\n", applicability: .unsafe),
            RuleCorrection("---\ntitle: a\ntittle: b\n---\n", "---\ntitle: a\ntittle: b\n---\n", applicability: .unsafe),
            // Both near `title`: renaming both would make a duplicate key.
            RuleCorrection("---\ntittle: a\ntitl: b\n---\n", "---\ntittle: a\ntitl: b\n---\n", applicability: .unsafe),
            // `project` holds a list: a boolean is no misspelled project.
            RuleCorrection("---\nisProject: false\ntag: war\n---\n", "---\nisProject: false\ntags: war\n---\n", applicability: .unsafe),
        ],
        owns: Ownership(schemaViolations: .keywords(["additionalProperties"]))
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        let known = context.schema?.schema.knownProperties ?? []
        let violations = context.violations(routedTo: Self.id)
        func nearest(_ violation: SchemaViolation) -> String? {
            guard violation.instancePath.count <= 1 else { return nil }
            return NearestName.nearest(to: violation.key?.dereferenced.scalar?.text ?? violation.pathText, in: known)
        }
        // The keys (by where they are) each known name would be given to.
        var claims: [String: Set<Int>] = [:]
        for violation in violations {
            if let target = nearest(violation) { claims[target, default: []].insert(violation.key?.range.start.offset ?? -1) }
        }
        return violations.map { violation in
            let name = violation.key?.dereferenced.scalar?.text ?? violation.pathText
            var message = "unknown key `\(name)`"
            var suggestions: [String] = []
            var fix: Fix?
            if let nearest = nearest(violation) {
                suggestions = [nearest]
                message += "; did you mean `\(nearest)`?"
                // Renaming onto a key that exists, or that another unknown key would take too, would create a duplicate.
                // And a value of another type than the known key's is no misspelling of it.
                if context.root?.pair(forKey: nearest) == nil, claims[nearest]?.count == 1, let key = violation.key,
                    Self.fits(violation.instance, declared: context.declaredTypes(ofKey: nearest)) {
                    fix = YAMLEdits.replaceScalar(key, with: nearest, inFlow: false)
                        .map { Fix(edits: [$0], applicability: .unsafe, title: "rename to `\(nearest)`") }
                }
            }
            return Finding(range: violation.range(in: context), message: message, suggestions: suggestions, fix: fix, subject: name)
        }
    }

    /// Whether `value` could be the known key's: of a type its schema declares, or a string where a list is declared
    /// (wrong-type then makes it a list).
    private static func fits(_ value: YAMLNode?, declared: Set<String>) -> Bool {
        guard !declared.isEmpty else { return true }
        let type = WrongTypeRule.typeName(value)
        return declared.contains(type) || (type == "integer" && declared.contains("number"))
            || (type == "string" && declared.contains("array"))
    }
}
