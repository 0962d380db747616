import NotelintCore

/// Turns a lint report into text in one output format. One file per format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    static var summary: String { get }
    init(options: ReporterOptions)
    func render(_ report: LintReport) -> String
}

public struct ReporterOptions: Sendable {
    public var useColor: Bool
    /// Rules' descriptions, for formats that list the tool's rules.
    public var rules: [RuleDescription]

    public init(useColor: Bool = false, rules: [RuleDescription] = RuleRegistry.all.map { $0.description }) {
        self.useColor = useColor
        self.rules = rules
    }
}

public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        HumanReporter.self,
        JSONReporter.self,
        SARIFReporter.self,
        GitHubReporter.self,
        JUnitReporter.self,
        CheckstyleReporter.self,
        GitLabReporter.self,
        JSONLinesReporter.self,
        ConciseReporter.self,
    ]

    public static func reporter(named name: String) -> (any Reporter.Type)? {
        all.first { $0.name == name }
    }
}
