import NotelintCore
import NotelintLoader

/// SARIF 2.1.0, the format GitHub code scanning and other code-analysis services import. Paths are URIs
/// relative to `%SRCROOT%` (the directory the tool runs in) when they lie inside it. Columns count Unicode
/// scalars, as the rest of the tool does, which SARIF calls `unicodeCodePoints`; fixes are edits of byte
/// ranges, so their regions use SARIF's byte offsets.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    public static let summary = "SARIF 2.1.0, for GitHub code scanning and other analysis services."

    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"
    /// The key of our fingerprints in `partialFingerprints`; a new scheme would get a new version.
    static let fingerprintKey = "notelintFingerprint/v1"

    let rules: [RuleDescription]
    let currentDirectory: String

    public init(options: ReporterOptions) {
        self.init(rules: options.rules, currentDirectory: PathText.currentDirectory())
    }

    init(rules: [RuleDescription], currentDirectory: String) {
        self.rules = rules
        self.currentDirectory = PathText.normalize(currentDirectory)
    }

    public func render(_ report: LintReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("$schema")
        json.string(Self.schemaURI)
        json.key("version")
        json.string("2.1.0")
        json.key("runs")
        json.beginArray()
        json.beginObject()
        writeTool(to: &json)
        if currentDirectory.hasPrefix("/") {
            json.key("originalUriBaseIds")
            json.beginObject()
            json.key(Self.sourceRoot)
            json.beginObject()
            json.key("uri")
            // A base URI must end in a slash to be resolved against.
            json.string("file://" + ReportPath.uriEncoded(currentDirectory == "/" ? "/" : currentDirectory + "/"))
            json.endObject()
            json.endObject()
        }
        json.key("columnKind")
        json.string("unicodeCodePoints")
        json.key("results")
        json.beginArray()
        let paths = report.diagnostics.map { ReportPath.display($0.path, from: currentDirectory) }
        let fingerprints = FindingFingerprint.fingerprints(of: report.diagnostics, paths: paths)
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (offset, diagnostic) in report.diagnostics.enumerated() {
            writeResult(diagnostic, ruleIndex: ruleIndex[diagnostic.ruleID], fingerprint: fingerprints[offset], to: &json)
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return JSONIndenter.indent(json.bytes) + "\n"
    }

    private func writeTool(to json: inout JSONWriter) {
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.key("name")
        json.string(ToolInfo.name)
        json.key("version")
        json.string(ToolInfo.version)
        json.key("rules")
        json.beginArray()
        for rule in rules {
            json.beginObject()
            json.key("id")
            json.string(rule.id)
            json.key("name")
            json.string(Self.ruleName(rule.id))
            json.key("shortDescription")
            Self.writeMessage(rule.summary, to: &json)
            json.key("fullDescription")
            Self.writeMessage(rule.rationale, to: &json)
            json.key("help")
            Self.writeMessage(rule.rationale, to: &json)
            json.key("defaultConfiguration")
            json.beginObject()
            if rule.isOptIn {
                json.key("enabled")
                json.bool(false)
            }
            json.key("level")
            json.string(Self.level(rule.defaultSeverity))
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
    }

    private func writeResult(_ diagnostic: Diagnostic, ruleIndex: Int?, fingerprint: String, to json: inout JSONWriter) {
        json.beginObject()
        json.key("ruleId")
        json.string(diagnostic.ruleID)
        if let ruleIndex {
            json.key("ruleIndex")
            json.int(ruleIndex)
        }
        json.key("level")
        json.string(Self.level(diagnostic.severity))
        json.key("message")
        Self.writeMessage(diagnostic.message, to: &json)
        json.key("locations")
        json.beginArray()
        json.beginObject()
        writePhysicalLocation(diagnostic.path, diagnostic.range, to: &json)
        json.endObject()
        json.endArray()
        if !diagnostic.related.isEmpty {
            json.key("relatedLocations")
            json.beginArray()
            for (id, related) in diagnostic.related.enumerated() {
                json.beginObject()
                json.key("id")
                json.int(id)
                writePhysicalLocation(related.path ?? diagnostic.path, related.range, to: &json)
                json.key("message")
                Self.writeMessage(related.message, to: &json)
                json.endObject()
            }
            json.endArray()
        }
        if let fix = diagnostic.fix {
            json.key("fixes")
            json.beginArray()
            writeFix(fix, path: diagnostic.path, to: &json)
            json.endArray()
        }
        json.key("partialFingerprints")
        json.beginObject()
        json.key(Self.fingerprintKey)
        json.string(fingerprint)
        json.endObject()
        json.endObject()
    }

    private func writePhysicalLocation(_ path: String, _ range: SourceRange, to json: inout JSONWriter) {
        json.key("physicalLocation")
        json.beginObject()
        writeArtifactLocation(path, to: &json)
        json.key("region")
        json.beginObject()
        json.key("startLine")
        json.int(range.start.line)
        json.key("startColumn")
        json.int(range.start.column)
        json.key("endLine")
        json.int(range.end.line)
        json.key("endColumn")
        json.int(range.end.column)
        // The same span in bytes: consistent with the above, as SARIF requires, and exact for byte-based readers.
        writeByteRange(range.byteRange, to: &json)
        json.endObject()
        json.endObject()
    }

    private func writeFix(_ fix: Fix, path: String, to json: inout JSONWriter) {
        json.beginObject()
        json.key("description")
        Self.writeMessage(fix.title, to: &json)
        json.key("artifactChanges")
        json.beginArray()
        json.beginObject()
        writeArtifactLocation(path, to: &json)
        json.key("replacements")
        json.beginArray()
        for edit in fix.edits {
            json.beginObject()
            json.key("deletedRegion")
            json.beginObject()
            writeByteRange(edit.range, to: &json)
            json.endObject()
            json.key("insertedContent")
            json.beginObject()
            json.key("text")
            json.string(edit.replacement)
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endArray()
        // Whether `--fix` applies it on its own (safe) or only with `--unsafe-fixes`.
        json.key("properties")
        json.beginObject()
        json.key("applicability")
        json.string(fix.applicability.rawValue)
        json.endObject()
        json.endObject()
    }

    private func writeArtifactLocation(_ path: String, to json: inout JSONWriter) {
        json.key("artifactLocation")
        json.beginObject()
        json.key("uri")
        if let relative = ReportPath.relative(path, to: currentDirectory) {
            json.string(ReportPath.uriEncoded(relative))
            json.key("uriBaseId")
            json.string(Self.sourceRoot)
        } else {
            let absolute = ReportPath.absolute(path, in: currentDirectory)
            // Still relative only when the current directory is unknown: a relative reference is all there is.
            json.string((absolute.hasPrefix("/") ? "file://" : "") + ReportPath.uriEncoded(absolute))
        }
        json.endObject()
    }

    private func writeByteRange(_ range: Range<Int>, to json: inout JSONWriter) {
        json.key("byteOffset")
        json.int(range.lowerBound)
        json.key("byteLength")
        json.int(range.count)
    }

    private static func writeMessage(_ text: String, to json: inout JSONWriter) {
        json.beginObject()
        json.key("text")
        json.string(text)
        json.endObject()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// SARIF's `name` is an identifier in PascalCase by convention: `date-format` becomes `DateFormat`.
    static func ruleName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
