import NotelintLoader
@testable import NotelintCore
@testable import NotelintEngine

/// Reports built by hand (`LintReport`'s initializer is internal, hence `@testable`), so that each format's
/// output can be compared with a golden text. The messages carry what formats must escape: CJK text, quotes,
/// `%`, `:`, `,`, `&`, `<`, line breaks and a control character.
enum SampleReports {
    /// Where the tool is taken to run; the sample paths lie inside it.
    static let currentDirectory = "/home/ana/vault"

    static func position(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column, offset: offset)
    }

    static func range(_ start: SourcePosition, _ end: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: end)
    }

    /// `notes/日記 2024.md` is
    /// ```
    /// ---
    /// status: 草稿
    /// title: a
    /// title: b
    /// ---
    /// ```
    /// and `notes/b.md` has a finding spanning two lines.
    static let report = LintReport(
        diagnostics: [
            Diagnostic(
                path: "notes/日記 2024.md", ruleID: "enum-value", severity: .error,
                range: range(position(2, 9, 12), position(2, 11, 18)),
                message: "`草稿` is not one of: \"draft\", 'done' (100% sure)\nsee the schema",
                suggestions: ["draft"],
                fix: Fix(edits: [Edit(range: 12..<18, replacement: "draft")], applicability: .safe, title: "replace with `draft`"),
                subject: "status=草稿", sourceLine: "status: 草稿"),
            Diagnostic(
                path: "notes/日記 2024.md", ruleID: "duplicate-key", severity: .warning,
                range: range(position(4, 1, 28), position(4, 6, 33)),
                message: "key `title` is defined twice: a & <b>",
                related: [RelatedLocation(range: range(position(3, 1, 19), position(3, 6, 24)), message: "first defined here")],
                subject: "title", sourceLine: "title: b"),
            Diagnostic(
                path: "./notes/b.md", ruleID: "tag-format", severity: .info,
                range: range(position(4, 3, 30), position(5, 2, 40)),
                message: "tags a,b:c\r\nare odd \u{1B}[1m",
                sourceLine: "  - a,b:c"),
        ],
        filesChecked: 3)

    static let rules = [
        RuleDescription(
            id: "enum-value", summary: "A value must be one the schema lists.",
            rationale: "A closed set of values keeps notes \"searchable\": 100% of them.", defaultSeverity: .error),
        RuleDescription(
            id: "duplicate-key", summary: "A key appears once per mapping.",
            rationale: "YAML loaders disagree on which value wins.", defaultSeverity: .warning),
        RuleDescription(
            id: "tag-format", summary: "Tags follow the configured style.",
            rationale: "Consistent tags group notes together.", defaultSeverity: .info, isOptIn: true),
    ]

    static let empty = LintReport(diagnostics: [], filesChecked: 2)
}
