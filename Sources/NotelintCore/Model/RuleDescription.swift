import NotelintSpelling
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
    /// The other notes of the collection, by path (for collection rules); the example itself is `example.md`.
    public var others: [String: String]

    public init(_ note: String, options: [String: OptionValue] = [:], others: [String: String] = [:]) {
        self.note = note
        self.options = options
        self.others = others
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
    /// The other notes of the collection, by path (for collection rules).
    public var others: [String: String]

    public init(
        _ before: String, _ after: String, applicability: Applicability = .safe, options: [String: OptionValue] = [:],
        others: [String: String] = [:]
    ) {
        self.before = before
        self.after = after
        self.applicability = applicability
        self.options = options
        self.others = others
    }
}

/// A rule option as declared: the configuration is checked against these, unknown ones are errors.
public struct RuleOption: Sendable {
    public var name: String
    public var summary: String
    public var defaultValue: OptionValue
    /// The only values a text option takes (a closed set such as a scope's names); nil: any text.
    public var allowedValues: [String]?

    public init(_ name: String, _ defaultValue: OptionValue, _ summary: String, allowedValues: [String]? = nil) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
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

    /// The value as a list of strings (a single string is a list of one), as file-valued options are read.
    public var strings: [String] {
        switch self {
        case .string(let value): [value]
        case .strings(let values): values
        default: []
        }
    }

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

/// One option of a rule, declared once: the name `.lint.yml` uses, the default, the summary the documentation
/// shows, and the Swift type the rule reads it as. The rule's description lists `declaration`; the rule reads
/// `options[key]`. One constant serves both, so a name misspelt in code cannot compile, and a test checks that
/// every rule reads exactly the options it declares.
public struct OptionKey<Value: OptionValueConvertible>: Sendable {
    public let name: String
    public let defaultValue: Value
    public let summary: String
    public let allowedValues: [String]?

    public init(_ name: String, _ defaultValue: Value, _ summary: String) {
        self.init(name, defaultValue, summary, allowedValues: nil)
    }

    private init(_ name: String, _ defaultValue: Value, _ summary: String, allowedValues: [String]?) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.allowedValues = allowedValues
    }

    public var declaration: RuleOption { RuleOption(name, defaultValue.optionValue, summary, allowedValues: allowedValues) }
}

extension OptionKey where Value == String {
    /// A text option that takes only `allowed` values: any other is a configuration error naming the nearest.
    public init(_ name: String, _ defaultValue: String, _ summary: String, allowed: [String]) {
        self.init(name, defaultValue, summary, allowedValues: allowed)
    }
}

/// The Swift types an option can have, and how each is written in `.lint.yml`.
public protocol OptionValueConvertible: Sendable {
    var optionValue: OptionValue { get }
    init?(optionValue: OptionValue)
}

extension Bool: OptionValueConvertible {
    public var optionValue: OptionValue { .bool(self) }
    public init?(optionValue: OptionValue) {
        guard case .bool(let value) = optionValue else { return nil }
        self = value
    }
}

extension Int: OptionValueConvertible {
    public var optionValue: OptionValue { .int(self) }
    public init?(optionValue: OptionValue) {
        guard case .int(let value) = optionValue else { return nil }
        self = value
    }
}

extension String: OptionValueConvertible {
    public var optionValue: OptionValue { .string(self) }
    public init?(optionValue: OptionValue) {
        guard case .string(let value) = optionValue else { return nil }
        self = value
    }
}

extension Array: OptionValueConvertible where Element == String {
    public var optionValue: OptionValue { .strings(self) }
    public init?(optionValue: OptionValue) {
        guard case .strings(let value) = optionValue else { return nil }
        self = value
    }
}

/// A rule's effective options: its declared defaults overlaid with the configuration's values, which the
/// configuration reader has already checked against each option's declared type (with the value's position).
public struct RuleOptions: Sendable {
    public var values: [String: OptionValue]
    /// Where file-valued options (`…-files`) are read from: the configuration's folder or the embedded `Rules/`.
    public var files: RuleFileStore?
    /// Names read, when a test asks (every read goes through `subscript`).
    package var readLog: OptionReadLog?
    /// The site generator the configuration names (`generator:`), for options whose default is the generator's way.
    public var generator: SiteGenerator?

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

    public subscript<Value>(_ key: OptionKey<Value>) -> Value {
        readLog?.record(key.name)
        return values[key.name].flatMap(Value.init(optionValue:)) ?? key.defaultValue
    }

    /// The text of each file a `…-files` option names, with the path it was read from (unreadable files are skipped).
    public func fileTexts(_ key: OptionKey<[String]>) -> [(path: String, text: String)] {
        let paths = self[key]
        guard let files else { return [] }
        return paths.compactMap { path in files.read(path).map { (path, String(decoding: $0, as: UTF8.self)) } }
    }
}

/// The option names a rule read while it was made.
package final class OptionReadLog: @unchecked Sendable {
    // @unchecked: `names` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private var recorded: Set<String> = []

    package init() {}

    func record(_ name: String) { lock.withLock { _ = recorded.insert(name) } }

    package var names: Set<String> { lock.withLock { recorded } }
}
