import Dispatch
import NotelintLoader

/// What to lint and how.
public struct LintRequest: Sendable {
    public var paths: [String]
    /// `--config`: one configuration for every note instead of the nearest `.lint.yml`.
    public var configPath: String?
    public var today: CalendarDate
    /// Worker threads; 0 means one per core.
    public var jobs: Int
    /// Apply fixes at least this sure (`--fix`: safe; `--unsafe-fixes`: unsafe); nil lints only.
    public var fixes: Applicability?
    /// Write fixed notes back (false for `--diff`).
    public var writeFixes: Bool
    /// Content to lint instead of reading the file at that path: standard input, a file's staged version.
    public var contents: [String: [UInt8]]
    /// Gather cross-note evidence (tags in use) from every note under the configuration's folder,
    /// not only from the notes linted.
    public var gatherEvidence: Bool

    public init(
        paths: [String], configPath: String? = nil, today: CalendarDate = .today(), jobs: Int = 0,
        fixes: Applicability? = nil, writeFixes: Bool = true, contents: [String: [UInt8]] = [:], gatherEvidence: Bool = true
    ) {
        self.contents = contents
        self.gatherEvidence = gatherEvidence
        self.paths = paths
        self.configPath = configPath
        self.today = today
        self.jobs = jobs
        self.fixes = fixes
        self.writeFixes = writeFixes
    }
}

public struct LintReport: Sendable {
    /// Sorted by path, then position.
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int
    /// Notes that fixing changed (or would change, with `--diff`).
    public var fixedFiles: [FileFix] = []

    public func count(_ severity: Severity) -> Int { diagnostics.lazy.filter { $0.severity == severity }.count }
    public var filesWithFindings: Int { Set(diagnostics.map(\.path)).count }
}

/// Runs the rules over notes: finds the files, loads each note once, checks it with its configuration's rules.
public final class Linter: Sendable {
    public let registry: [any Rule.Type]
    public let loader: NoteLoader

    public init(registry: [any Rule.Type] = RuleRegistry.all, loader: NoteLoader = NoteLoader()) {
        self.registry = registry
        self.loader = loader
    }

    public func lint(_ request: LintRequest) throws -> LintReport {
        let resolver = ConfigurationResolver(registry: registry, explicitPath: request.configPath.map { Self.absolute($0) })
        let onDisk = request.paths.filter { request.contents[$0] == nil }
        let files = NoteFinder.find(paths: onDisk) + request.paths.filter { request.contents[$0] != nil }
        // Configurations are resolved up front, on one thread; the parallel phases only read them.
        var planned: [(path: String, configuration: EffectiveConfiguration, relativePath: String)] = []
        let currentDirectory = FileStatus.currentDirectory()
        let explicitPaths = Set(request.paths)
        for path in files {
            let absolute = Self.absolute(path, in: currentDirectory)
            let configuration = try resolver.configuration(forDirectory: PathText.directory(of: absolute))
            let relative = PathText.relative(absolute, to: configuration.absoluteDirectory)
            let isExplicit = explicitPaths.contains(path)
            if !isExplicit && !configuration.includes(relativePath: relative) { continue }
            planned.append((path, configuration, relative))
        }
        let jobs = planned

        let notes = Parallel.map(jobs, workers: request.jobs) { job in
            request.contents[job.path].map { self.loader.load(bytes: $0, path: job.path) } ?? self.loader.load(path: job.path)
        }
        var counter = TagCounter()
        for (index, note) in notes.enumerated() { counter.add(TagCorpus.tags(of: note, key: jobs[index].configuration.corpusKey)) }
        // The evidence root is the folder of the `.lint.yml` found for a note: the collection it belongs to.
        // An explicit `--config` may live anywhere, so then only the notes linted count.
        if request.gatherEvidence && request.configPath == nil {
            counter = evidence(adding: counter, around: jobs.map { ($0.path, $0.configuration) }, jobs: request.jobs)
        }
        let finalCorpus = counter.corpus()
        let perNote = Parallel.map(Array(jobs.indices), workers: request.jobs) { index -> ([Diagnostic], FileFix?) in
            let job = jobs[index]
            let diagnostics = self.check(
                notes[index], configuration: job.configuration, relativePath: job.relativePath, today: request.today, corpus: finalCorpus)
            guard let minimum = request.fixes, diagnostics.contains(where: { ($0.fix?.applicability ?? .displayOnly) >= minimum }) else {
                return (diagnostics, nil)
            }
            return self.fix(job.path, job.configuration, job.relativePath, request: request, minimum: minimum, corpus: finalCorpus)
                ?? (diagnostics, nil)
        }
        var diagnostics = perNote.flatMap { $0.0 }
        diagnostics.sort(by: Diagnostic.reportOrder)
        return LintReport(diagnostics: diagnostics, filesChecked: jobs.count, fixedFiles: perNote.compactMap { $0.1 })
    }

    /// Adds the tags of every other note under the folders of the configurations in use, so that linting
    /// one changed note still weighs it against the whole collection. Only front matter is read.
    private func evidence(
        adding corpus: TagCounter, around linted: [(path: String, configuration: EffectiveConfiguration)], jobs: Int
    ) -> TagCounter {
        var folders: [String: EffectiveConfiguration] = [:]
        for (_, configuration) in linted where configuration.needsCorpus && configuration.isFromFile {
            folders[Self.absolute(configuration.configuration.directory)] = configuration
        }
        guard !folders.isEmpty else { return corpus }
        let lintedPaths = Set(linted.map { Self.absolute($0.path) })
        var others: [(path: String, key: String)] = []
        for (folder, configuration) in folders.sorted(by: { $0.key < $1.key }) {
            for path in NoteFinder.find(paths: [folder]) where !lintedPaths.contains(path)
                && configuration.includes(relativePath: PathText.relative(path, to: folder)) {
                others.append((path, configuration.corpusKey))
            }
        }
        let tagLists = Parallel.map(others, workers: jobs) { TagCorpus.tags(of: self.loader.load(path: $0.path), key: $0.key) }
        var result = corpus
        for tags in tagLists { result.add(tags) }
        return result
    }

    /// Fixes one note: reads it whole, fixes in passes, writes it back atomically unless `--diff`.
    private func fix(
        _ path: String, _ configuration: EffectiveConfiguration, _ relativePath: String, request: LintRequest,
        minimum: Applicability, corpus: TagCorpus
    ) -> ([Diagnostic], FileFix?)? {
        let bytes: [UInt8]
        if let given = request.contents[path] {
            bytes = given
        } else if case .success(let read) = NoteReader.readAll(path: path) {
            bytes = read
        } else {
            return nil
        }
        let fixer = NoteFixer(linter: self, minimum: minimum)
        var (diagnostics, fix) = fixer.fix(
            bytes, path: path, configuration: configuration, relativePath: relativePath, today: request.today, corpus: corpus)
        guard fix.changed else { return (diagnostics, nil) }
        if request.writeFixes, request.contents[path] == nil, case .failure(let failure) = AtomicFileWriter.replace(path, with: fix.fixed, expecting: bytes) {
            fix.writeError = failure.description
            // Nothing was written: report the note as it is on disk.
            diagnostics = check(loader.load(bytes: bytes, path: path), configuration: configuration, relativePath: relativePath,
                                today: request.today, corpus: corpus)
        }
        return (diagnostics, fix)
    }

    /// Checks one loaded note. `relativePath` is the note's path relative to its configuration's folder.
    public func check(
        _ note: Note, configuration: EffectiveConfiguration, relativePath: String, today: CalendarDate, corpus: TagCorpus?
    ) -> [Diagnostic] {
        let schema = configuration.schema(forRelativePath: relativePath)
        var violations: [SchemaViolation] = []
        if let schema {
            switch note.outcome {
            case .present where note.root != nil:
                violations = schema.schema.validate(note.root)
            case .empty:
                // Fences with nothing between them: an empty mapping, so that required keys are reported.
                violations = schema.schema.validate(YAMLNode(content: .mapping([], .block), range: note.headRange))
            default:
                break
            }
        }
        let context = RuleContext(note: note, schema: schema, schemaViolations: violations, today: today, corpus: corpus)
        let ignored = configuration.ignoredRules(forRelativePath: relativePath)
        var suppressions = Suppressions(note: note)
        var diagnostics: [Diagnostic] = []
        var seen: Set<SeenKey> = []
        for active in configuration.rules {
            let id = type(of: active.rule).id
            if ignored.contains(id) || ignored.contains("all") { continue }
            for finding in active.rule.check(context) {
                // Two routes to the same finding (a schema keyword and a rule's own check) report it once.
                guard seen.insert(SeenKey(rule: id, start: finding.range.start.offset, end: finding.range.end.offset, message: finding.message)).inserted
                else { continue }
                if suppressions.suppresses(id, line: finding.range.start.line) { continue }
                diagnostics.append(Diagnostic(
                    path: note.path, ruleID: id, severity: min(active.severity, finding.severityCap ?? .error), range: finding.range, message: Self.singleLine(finding.message),
                    suggestions: finding.suggestions, related: finding.related, fix: finding.fix, subject: finding.subject,
                    sourceLine: Self.printable(note.source.lineText(finding.range.start.line))))
            }
        }
        let unusedRule = UnusedSuppressionRule.id
        if let active = configuration.rules.first(where: { type(of: $0.rule).id == unusedRule }), !ignored.contains(unusedRule) {
            for directive in suppressions.directives where !directive.used {
                diagnostics.append(Diagnostic(
                    path: note.path, ruleID: unusedRule, severity: active.severity, range: directive.range,
                    message: Self.singleLine("this suppression of \(directive.rules.joined(separator: ", ")) suppresses nothing"),
                    sourceLine: Self.printable(note.source.lineText(directive.range.start.line))))
            }
        }
        return diagnostics
    }

    private struct SeenKey: Hashable {
        var rule: String
        var start: Int
        var end: Int
        var message: String
    }

    /// Values quoted into messages may hold line breaks and terminal escapes: a diagnostic stays one line of
    /// plain text, whatever a note holds (an ESC sequence must never reach the reader's terminal).
    static func singleLine(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls and DEL, tab excepted.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    /// A source excerpt with control characters shown as U+FFFD, one column each, so underlines still line up.
    static func printable(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: isControl) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }

    static func absolute(_ path: String, in currentDirectory: String = FileStatus.currentDirectory()) -> String {
        PathText.normalize(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
    }
}
