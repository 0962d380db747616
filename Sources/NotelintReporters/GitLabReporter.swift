import NotelintCore
import NotelintLoader

/// GitLab Code Quality report: a JSON array of issues that merge requests show in their widget and diff.
/// GitLab matches issues between the source and target branch by fingerprint, which therefore leaves out
/// the line (see `FindingFingerprint`).
public struct GitLabReporter: Reporter {
    public static let name = "gitlab"
    public static let summary = "GitLab Code Quality JSON."

    /// What paths are made relative to; GitLab resolves them against the repository's root.
    let currentDirectory: String

    public init(options: ReporterOptions) {
        self.init(currentDirectory: PathText.currentDirectory())
    }

    init(currentDirectory: String) {
        self.currentDirectory = currentDirectory
    }

    public func render(_ report: LintReport) -> String {
        let paths = report.diagnostics.map { ReportPath.display($0.path, from: currentDirectory) }
        let fingerprints = FindingFingerprint.fingerprints(of: report.diagnostics, paths: paths)
        var json = JSONWriter()
        json.beginArray()
        for (offset, diagnostic) in report.diagnostics.enumerated() {
            json.beginObject()
            json.key("description")
            json.string(diagnostic.message)
            json.key("check_name")
            json.string(diagnostic.ruleID)
            json.key("fingerprint")
            json.string(fingerprints[offset])
            json.key("severity")
            json.string(Self.severity(diagnostic.severity))
            json.key("location")
            json.beginObject()
            json.key("path")
            json.string(paths[offset])
            json.key("lines")
            json.beginObject()
            json.key("begin")
            json.int(diagnostic.range.start.line)
            json.endObject()
            json.endObject()
            json.endObject()
        }
        json.endArray()
        return JSONIndenter.indent(json.bytes) + "\n"
    }

    /// Code Quality's scale is info, minor, major, critical, blocker. An error fails the lint but is
    /// no security or crash risk, so it is major; critical and blocker are left unused.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
