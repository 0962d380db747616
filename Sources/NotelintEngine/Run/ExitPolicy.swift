import NotelintCore

/// When a run fails, in one place for every front end: 0 clean, 1 findings that fail it, 2 a note that could not
/// be written (also with `--exit-zero`: a fix was lost, not a finding found).
public struct ExitPolicy: Sendable, Equatable {
    /// `--strict`: warnings fail the run too.
    public var strict = false
    /// `--exit-zero`: findings never fail the run.
    public var exitZero = false
    /// `--max-warnings N`: more warnings than this fail the run.
    public var maxWarnings: Int?

    public init(strict: Bool = false, exitZero: Bool = false, maxWarnings: Int? = nil) {
        self.strict = strict
        self.exitZero = exitZero
        self.maxWarnings = maxWarnings
    }

    public func code(for report: LintReport) -> Int32 {
        if report.fixedFiles.contains(where: { $0.writeError != nil }) { return 2 }
        if exitZero { return 0 }
        let warnings = report.count(.warning)
        let failing = report.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        return failing || maxWarnings.map({ warnings > $0 }) == true ? 1 : 0
    }
}
