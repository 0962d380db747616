import NotelintLoader
/// Everything a user and the test harness need to know about a rule. It is the single source for
/// `notelint rules`, the generated documentation and the example tests.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, used in configuration, suppressions and output.
    public var id: String
    /// One line.
    public var summary: String
    /// Why it matters: a short paragraph.
    public var rationale: String
    public var defaultSeverity: Severity
    /// Off unless a configuration turns it on.
    public var isOptIn: Bool
    public var options: [RuleOption]
    /// Notes that must trigger the rule, with `↓` before each place a finding must start.
    public var triggeringExamples: [RuleExample]
    /// Notes that must not trigger it.
    public var nonTriggeringExamples: [RuleExample]
    /// What `--fix` makes of a note (empty for rules without fixes).
    public var corrections: [RuleCorrection]
    /// Whether a `# notelint-disable` comment in the front matter can silence the rule.
    public var commentSuppression: CommentSuppression
    /// What the rule reports of what the loader and the schema found.
    public var owns: Ownership

    public init(
        id: String, summary: String, rationale: String, defaultSeverity: Severity, isOptIn: Bool = false,
        options: [RuleOption] = [], triggeringExamples: [RuleExample] = [], nonTriggeringExamples: [RuleExample] = [],
        corrections: [RuleCorrection] = [], commentSuppression: CommentSuppression = .supported, owns: Ownership = Ownership()
    ) {
        self.owns = owns
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.isOptIn = isOptIn
        self.options = options
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.corrections = corrections
        self.commentSuppression = commentSuppression
    }

    public var isFixable: Bool { !corrections.isEmpty }

    /// The applicabilities of the rule's fixes, as its corrections declare them, safest first.
    public var fixApplicabilities: [Applicability] {
        Set(corrections.map(\.applicability)).sorted(by: >)
    }
}

/// What a rule reports of what others found: problems the loader met, front matter outcomes that are findings in
/// themselves, and the schema's violations. Each has exactly one owner among the registered rules
/// (`RuleRegistryTests`): nothing is reported twice, and nothing the loader or the schema finds goes unreported.
public struct Ownership: Sendable {
    public var loadProblems: Set<LoadProblem.Kind>
    public var outcomes: Set<FrontMatterOutcome.Kind>
    public var schemaViolations: SchemaClaim

    public init(loadProblems: Set<LoadProblem.Kind> = [], outcomes: Set<FrontMatterOutcome.Kind> = [], schemaViolations: SchemaClaim = .nothing) {
        self.loadProblems = loadProblems
        self.outcomes = outcomes
        self.schemaViolations = schemaViolations
    }
}

/// Which schema violations a rule reports.
public enum SchemaClaim: Sendable, Equatable {
    case nothing
    /// Violations of these keywords (`required`, `type`…).
    case keywords(Set<String>)
    /// Violations of `format` for these formats.
    case formats(Set<String>)
    /// An empty value (`''`, `~`, `[]`) failing a keyword that, failed by an empty value, means "this is empty".
    case emptyValues
    /// Every violation no other rule claims.
    case everythingElse
}

/// Whether a suppression comment (`# notelint-disable ID`, `# notelint-disable-next-line ID`) can reach a rule's findings.
public enum CommentSuppression: Sendable, Equatable {
    /// A comment in the front matter silences the rule.
    case supported
    /// No comment can silence the rule, for the reason given (shown in its documentation); `.lint.yml` can
    /// still turn it off or `ignore:` it for some files.
    case unsupported(reason: String)
}

/// A sample note for documentation and tests. `options` override the rule's defaults for this example.
public struct RuleExample: Sendable, ExpressibleByStringLiteral {
    public var note: String
    public var options: [String: OptionValue]

    public init(_ note: String, options: [String: OptionValue] = [:]) {
        self.note = note
        self.options = options
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The note without its `↓` markers.
    public var text: String {
        String(String.UnicodeScalarView(note.unicodeScalars.filter { $0 != "↓" }))
    }

    /// Where each `↓` marker stands in `text`: 1-based line and column (columns count Unicode scalars).
    public var markers: [(line: Int, column: Int)] {
        var markers: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        for scalar in note.unicodeScalars {
            if scalar == "↓" {
                markers.append((line, column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return markers
    }
}

/// A note before and after `--fix --unsafe-fixes` with only this rule enabled. `options` override the rule's
/// defaults for this correction.
public struct RuleCorrection: Sendable {
    public var before: String
    public var after: String
    public var applicability: Applicability
    public var options: [String: OptionValue]

    public init(_ before: String, _ after: String, applicability: Applicability = .safe, options: [String: OptionValue] = [:]) {
        self.before = before
        self.after = after
        self.applicability = applicability
        self.options = options
    }
}

/// A rule option as declared: the configuration is checked against these, unknown ones are errors.
public struct RuleOption: Sendable {
    public var name: String
    public var summary: String
    public var defaultValue: OptionValue

    public init(_ name: String, _ defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
    }

    /// Its values are paths of files or folders, read relative to the configuration's folder (`…-files`,
    /// `…-folders`): they must stay where the configuration's reference policy allows.
    public var namesFiles: Bool { name.hasSuffix("-files") || name.hasSuffix("-folders") }
}

public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)
    case strings([String])

    public var typeName: String {
        switch self {
        case .bool: "boolean"
        case .int: "integer"
        case .string: "string"
        case .strings: "list of strings"
        }
    }

    public var description: String {
        switch self {
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .string(let value): value
        case .strings(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }
}

/// A rule's effective options: its declared defaults overlaid with the configuration's values.
public struct RuleOptions: Sendable {
    public var values: [String: OptionValue]
    /// Where file-valued options (`…-files`) are read from: the configuration's folder or the embedded `Rules/`.
    public var files: RuleFileStore?

    public init(_ values: [String: OptionValue] = [:], files: RuleFileStore? = nil) {
        self.values = values
        self.files = files
    }

    public init(defaults: [RuleOption], overrides: [String: OptionValue] = [:], files: RuleFileStore? = nil) {
        var values: [String: OptionValue] = [:]
        for option in defaults { values[option.name] = option.defaultValue }
        for (name, value) in overrides { values[name] = value }
        self.values = values
        self.files = files
    }

    /// The text of each file a `…-files` option names, with the path it was read from (unreadable files are skipped).
    public func fileTexts(_ name: String) -> [(path: String, text: String)] {
        guard let files else { return [] }
        return strings(name).compactMap { path in files.read(path).map { (path, String(decoding: $0, as: UTF8.self)) } }
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let value)? = values[name] { return value }
        return false
    }

    public func int(_ name: String) -> Int {
        if case .int(let value)? = values[name] { return value }
        return 0
    }

    public func string(_ name: String) -> String {
        if case .string(let value)? = values[name] { return value }
        return ""
    }

    public func strings(_ name: String) -> [String] {
        switch values[name] {
        case .strings(let value)?: value
        case .string(let value)?: [value]
        default: []
        }
    }
}
