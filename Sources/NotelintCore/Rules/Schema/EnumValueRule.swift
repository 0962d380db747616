import NotelintLoader
import NotelintText

/// A value outside the schema's list of allowed values.
struct EnumValueRule: Rule {
    static let description = RuleDescription(
        id: "enum-value",
        summary: "A value is not one of the allowed values",
        rationale: """
            Fields like `status` drive filters and badges; a value outside the list (`evergren`, `Evergreen`) \
            silently drops the note from them. The nearest allowed value is suggested.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            "---\nstatus: ↓evergren\n---\n",
            "---\nstatus: ↓published\n---\n",
        ],
        nonTriggeringExamples: [
            "---\nstatus: evergreen\n---\n",
        ],
        corrections: [
            RuleCorrection("---\nstatus: evergren\n---\n", "---\nstatus: evergreen\n---\n", applicability: .unsafe),
        ],
        owns: Ownership(schemaViolations: .keywords(["enum", "const"]))
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        context.violations(routedTo: Self.id).map { violation in
            let value = violation.instance?.dereferenced.scalar?.text
            var suggestions: [String] = []
            var fix: Fix?
            if let value, let nearest = NearestName.nearest(to: value, in: violation.allowedValues) {
                suggestions = [nearest]
                fix = violation.instance.flatMap { YAMLEdits.replaceScalar($0.dereferenced, with: nearest, inFlow: false) }
                    .map { Fix(edits: [$0], applicability: .unsafe, title: "replace with `\(nearest)`") }
            }
            let allowed = violation.allowedValues.map { "`\($0)`" }.joined(separator: ", ")
            let shown = value.map { "`\($0)`" } ?? "this value"
            return Finding(
                range: violation.range(in: context),
                message: "\(shown) is not an allowed value of `\(violation.pathText)` (allowed: \(allowed))",
                suggestions: suggestions, fix: fix, subject: violation.subjectText)
        }
    }
}
