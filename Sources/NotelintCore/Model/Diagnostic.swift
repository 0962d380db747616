import NotelintLoader

public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Another place that takes part in a finding, such as the other half of a conflict.
public struct RelatedLocation: Sendable, Hashable {
    /// The other note, when the place is not in the diagnostic's own file.
    public var path: String?
    public var range: SourceRange
    public var message: String

    public init(path: String? = nil, range: SourceRange, message: String) {
        self.path = path
        self.range = range
        self.message = message
    }
}

/// A finding as a rule reports it: where, what, and what could be done. The engine adds the rule id,
/// the configured severity and the file.
public struct Finding: Sendable {
    public var range: SourceRange
    public var message: String
    public var suggestions: [String]
    public var related: [RelatedLocation]
    public var fix: Fix?
    /// What identifies the finding apart from its line: the offending key and value (baselines use it).
    public var subject: String?
    /// A milder severity for this finding than the rule's (`http:` where `https:` is wanted is only a warning).
    public var severityCap: Severity?

    public init(
        range: SourceRange, message: String, suggestions: [String] = [], related: [RelatedLocation] = [],
        fix: Fix? = nil, subject: String? = nil, severityCap: Severity? = nil
    ) {
        self.severityCap = severityCap
        self.range = range
        self.message = message
        self.suggestions = suggestions
        self.related = related
        self.fix = fix
        self.subject = subject
    }
}

/// A finding placed in a file, as reporters print it.
public struct Diagnostic: Sendable {
    public var path: String
    public var ruleID: String
    public var severity: Severity
    public var range: SourceRange
    public var message: String
    public var suggestions: [String]
    public var related: [RelatedLocation]
    public var fix: Fix?
    public var subject: String?
    /// The line the finding starts on, kept so reporters need not reread the file: the whole line, or a
    /// `SourceExcerpt` of it when it is long.
    public var sourceLine: String?
    /// Column `c` of the line is scalar `c - 1 - sourceLineShift` of `sourceLine` (see `SourceExcerpt.shift`).
    public var sourceLineShift: Int = 0

    public init(
        path: String, ruleID: String, severity: Severity, range: SourceRange, message: String,
        suggestions: [String] = [], related: [RelatedLocation] = [], fix: Fix? = nil, subject: String? = nil,
        sourceLine: SourceExcerpt? = nil
    ) {
        self.path = path
        self.ruleID = ruleID
        self.severity = severity
        self.range = range
        self.message = message
        self.suggestions = suggestions
        self.related = related
        self.fix = fix
        self.subject = subject
        self.sourceLine = sourceLine?.text
        self.sourceLineShift = sourceLine?.shift ?? 0
    }

    /// Stable output order: path, then position, then rule.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.range.start.offset != rhs.range.start.offset { return lhs.range.start.offset < rhs.range.start.offset }
        return lhs.ruleID < rhs.ruleID
    }
}
