import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// Report fixed notes' texts (`FileFix.original`, `.fixed`) after writing them; off, a run fixing thousands
    /// of notes does not keep them all in memory.
    public var keepsFixedTexts = true
    /// Where results of unchanged notes are kept between runs; nil: no cache.
    public var cache: ResultCache?
    /// Gather cross-note evidence (tags in use) from every note under the configuration's folder,
    /// not only from the notes linted.
    public var gatherEvidence: Bool

    public init(
        paths: [String], configPath: String? = nil, today: CalendarDate = .today(), jobs: Int = 0,
        fixes: Applicability? = nil, writeFixes: Bool = true, contents: [String: [UInt8]] = [:], gatherEvidence: Bool = true,
        cache: ResultCache? = nil
    ) {
        self.cache = cache
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
    /// Notes whose results came from the cache, unread.
    public var filesReusedFromCache = 0
    /// Entries named like notes that a walk met and passed over (FIFOs, devices, links that lead nowhere).
    public var skipped: [NoteFinder.Skipped] = []

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
        let walk = NoteFinder.walk(paths: onDisk)
        let unreadableFolders = Self.unreadableFolders(walk)
        let files = walk.notes + request.paths.filter { request.contents[$0] != nil } + unreadableFolders.keys.sorted()
        // Configurations are resolved up front, on one thread; the parallel phases only read them.
        var planned: [Job] = []
        let currentDirectory = FileStatus.currentDirectory()
        let explicitPaths = Set(request.paths)
        for path in files {
            let absolute = Self.absolute(path, in: currentDirectory)
            let configuration = try resolver.configuration(forDirectory: PathText.directory(of: absolute))
            let relative = PathText.relative(absolute, to: configuration.absoluteDirectory)
            // A folder that could not be listed is reported where a note in it would be linted.
            let isExplicit = explicitPaths.contains(path)
                || unreadableFolders[path] != nil && configuration.includes(relativePath: relative + "/a.md")
            if !isExplicit && !configuration.includes(relativePath: relative) { continue }
            planned.append(Job(path: path, configuration: configuration, currentDirectory: currentDirectory))
        }
        let jobs = planned

        // A configuration's cached results are read once, before the parallel pass, and only read during it.
        var tables: [ObjectIdentifier: ResultCache.Table] = [:]
        if let cache = request.cache {
            for job in jobs where tables[ObjectIdentifier(job.configuration)] == nil {
                tables[ObjectIdentifier(job.configuration)] = cache.table(for: job.configuration.fingerprint(today: request.today))
            }
        }
        let readAt = request.cache?.clock() ?? 0
        let cacheTables = tables
        // First pass: every note loaded once (or its cached result reused) and checked by the rules that need no
        // corpus; only its findings and tags are kept, so memory does not grow with the notes' text.
        let outcomes = Parallel.map(jobs, workers: request.jobs) { job -> (pass: FirstPass, entry: ResultCache.Entry?, reused: Bool) in
            guard let table = cacheTables[ObjectIdentifier(job.configuration)], request.contents[job.path] == nil else {
                return (self.firstPass(self.load(job, request, unreadableFolders: unreadableFolders), job.configuration, job.relativePath, today: request.today), nil, false)
            }
            let absolutePath = job.absolutePath
            let cached = table.entries[absolutePath]
            let stamp = ResultCache.Stamp.of(job.path)
            if let cached, cached.isCurrent(stamp) { return (cached.pass.at(job.path), cached, true) }
            let note = self.load(job, request, unreadableFolders: unreadableFolders)
            let contentHash = ContentHash.of(note.source.bytes)
            if let cached, let stamp, cached.contentHash == contentHash, note.outcome != .error {
                return (cached.pass.at(job.path), ResultCache.Entry(stamp: stamp, contentHash: contentHash, readAt: readAt, pass: cached.pass), false)
            }
            let pass = self.firstPass(note, job.configuration, job.relativePath, today: request.today)
            // A note that could not be read is not kept: permissions can change without its time changing.
            guard let stamp, note.outcome != .error else { return (pass, nil, false) }
            return (pass, ResultCache.Entry(stamp: stamp, contentHash: contentHash, readAt: readAt, pass: pass), false)
        }
        if let cache = request.cache { Self.save(outcomes, of: jobs, tables: tables, in: cache) }
        var counter = TagCounter()
        for outcome in outcomes { counter.add(outcome.pass.tags) }
        // The evidence root is the folder of the `.lint.yml` found for a note: the collection it belongs to.
        // An explicit `--config` may live anywhere, so then only the notes linted count.
        if request.gatherEvidence && request.configPath == nil {
            counter = evidence(adding: counter, around: jobs.map { ($0.path, $0.configuration) }, jobs: request.jobs, tables: cacheTables)
        }
        let finalCorpus = counter.corpus()
        let reportable = Self.reportableValues(of: jobs.map(\.configuration), in: finalCorpus, workers: request.jobs)

        // Second pass: notes a corpus rule may report on are loaded again and checked whole; notes with fixes to
        // apply are fixed.
        let perNote = Parallel.map(Array(jobs.indices), workers: request.jobs) { index -> ([Diagnostic], FileFix?) in
            let job = jobs[index]
            var diagnostics = outcomes[index].pass.diagnostics
            if !outcomes[index].pass.isSettled(by: reportable[ObjectIdentifier(job.configuration)] ?? nil) {
                diagnostics = self.check(
                    self.load(job, request, unreadableFolders: unreadableFolders), configuration: job.configuration, relativePath: job.relativePath,
                    today: request.today, corpus: finalCorpus)
            }
            guard let minimum = request.fixes, diagnostics.contains(where: { ($0.fix?.applicability ?? .displayOnly) >= minimum }) else {
                return (diagnostics, nil)
            }
            return self.fix(job.path, job.configuration, job.relativePath, request: request, minimum: minimum, corpus: finalCorpus)
                ?? (diagnostics, nil)
        }
        var diagnostics = perNote.flatMap { $0.0 }
        diagnostics.sort(by: Diagnostic.reportOrder)
        var report = LintReport(
            diagnostics: diagnostics, filesChecked: jobs.count, fixedFiles: perNote.compactMap { $0.1 },
            filesReusedFromCache: outcomes.lazy.filter(\.reused).count)
        report.skipped = walk.skipped.filter { $0.kind == .notANote }
        return report
    }

    /// Writes back each configuration's table when this run changed it.
    private static func save(
        _ outcomes: [(pass: FirstPass, entry: ResultCache.Entry?, reused: Bool)],
        of jobs: [Job],
        tables: [ObjectIdentifier: ResultCache.Table], in cache: ResultCache
    ) {
        var updated: [ObjectIdentifier: [String: ResultCache.Entry]] = [:]
        for (index, outcome) in outcomes.enumerated() where !outcome.reused {
            guard let entry = outcome.entry else { continue }
            let id = ObjectIdentifier(jobs[index].configuration)
            updated[id, default: tables[id]?.entries ?? [:]][jobs[index].absolutePath] = entry
        }
        for (id, entries) in updated {
            guard let table = tables[id] else { continue }
            cache.save(entries, fingerprint: table.fingerprint)
        }
    }

    /// One note to lint. Its absolute and relative paths are worked out when needed rather than kept: with
    /// 100,000 notes, two more strings a note would cost more memory than everything else kept between passes.
    struct Job: Sendable {
        let path: String
        let configuration: EffectiveConfiguration
        /// The same string for every job: its storage is shared.
        let currentDirectory: String

        var absolutePath: String { Linter.absolute(path, in: currentDirectory) }
        /// Relative to the configuration's folder, as globs and schemas see it.
        var relativePath: String { PathText.relative(absolutePath, to: configuration.absoluteDirectory) }
    }

    private func load(_ job: Job, _ request: LintRequest, unreadableFolders: [String: String]) -> Note {
        if let reason = unreadableFolders[job.path] { return NoteLoader.unreadable(path: job.path, message: reason) }
        let loader = noteLoader(for: job.configuration)
        return request.contents[job.path].map { loader.load(bytes: $0, path: job.path) } ?? loader.load(path: job.path)
    }

    /// What the first pass keeps of a note.
    struct FirstPass: Sendable {
        /// Findings of every rule that needs no corpus; of every rule when the configuration has no corpus rule.
        var diagnostics: [Diagnostic]
        /// The note's tags: its share of the corpus.
        var tags: [String]
        /// Its corpus rules still have to run.
        var needsCorpus: Bool

        /// The same result for the note at `path` (cached results name the note by its absolute path).
        func at(_ path: String) -> FirstPass {
            guard diagnostics.contains(where: { $0.path != path }) else { return self }
            var moved = self
            for index in moved.diagnostics.indices { moved.diagnostics[index].path = path }
            return moved
        }

        /// True when a check with the corpus would find nothing more: no tag of the note is one a corpus rule
        /// reports (`reportable`, nil when a rule cannot say). Suppression comments need no second look: with no
        /// corpus finding, a comment silencing a corpus rule is unused in either pass.
        func isSettled(by reportable: Set<String>?) -> Bool {
            guard needsCorpus else { return true }
            guard let reportable else { return false }
            return !tags.contains(where: reportable.contains)
        }
    }

    func firstPass(_ note: Note, _ configuration: EffectiveConfiguration, _ relativePath: String, today: CalendarDate) -> FirstPass {
        let needsCorpus = configuration.needsCorpus
        let diagnostics = check(
            note, configuration: configuration, relativePath: relativePath, today: today, corpus: nil, withCorpusRules: !needsCorpus)
        return FirstPass(
            diagnostics: diagnostics, tags: TagCorpus.tags(of: note, key: configuration.corpusKey), needsCorpus: needsCorpus)
    }

    /// For each configuration with corpus rules, the corpus values any of them reports (nil when one cannot say).
    static func reportableValues(
        of configurations: [EffectiveConfiguration], in corpus: TagCorpus, workers: Int
    ) -> [ObjectIdentifier: Set<String>?] {
        var result: [ObjectIdentifier: Set<String>?] = [:]
        for configuration in configurations where configuration.needsCorpus && result[ObjectIdentifier(configuration)] == nil {
            var union: Set<String>? = []
            for active in configuration.rules where active.needsCorpus {
                guard let values = active.rule.reportableValues(in: corpus, workers: workers) else { union = nil; break }
                union?.formUnion(values)
            }
            result[ObjectIdentifier(configuration)] = .some(union)
        }
        return result
    }

    /// Adds the tags of every other note under the folders of the configurations in use, so that linting
    /// one changed note still weighs it against the whole collection. Only front matter is read.
    private func evidence(
        adding corpus: TagCounter, around linted: [(path: String, configuration: EffectiveConfiguration)], jobs: Int,
        tables: [ObjectIdentifier: ResultCache.Table]
    ) -> TagCounter {
        var folders: [String: EffectiveConfiguration] = [:]
        for (_, configuration) in linted where configuration.needsCorpus && configuration.isFromFile {
            folders[Self.absolute(configuration.configuration.directory)] = configuration
        }
        guard !folders.isEmpty else { return corpus }
        let lintedPaths = Set(linted.map { Self.absolute($0.path) })
        var others: [(path: String, key: String, table: ResultCache.Table?)] = []
        for (folder, configuration) in folders.sorted(by: { $0.key < $1.key }) {
            for path in NoteFinder.find(paths: [folder]) where !lintedPaths.contains(path)
                && configuration.includes(relativePath: PathText.relative(path, to: folder)) {
                others.append((path, configuration.corpusKey, tables[ObjectIdentifier(configuration)]))
            }
        }
        let tagLists = Parallel.map(others, workers: jobs) { other in
            // The tags a cached result kept, when the note has not changed since (only the tags are needed).
            if let cached = other.table?.entries[other.path], cached.isCurrent(ResultCache.Stamp.of(other.path)) {
                return cached.pass.tags
            }
            return TagCorpus.tags(of: self.loader.load(path: other.path), key: other.key)
        }
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
        let fixer = NoteFixer(linter: self, minimum: minimum, loader: noteLoader(for: configuration))
        var (diagnostics, fix) = fixer.fix(
            bytes, path: path, configuration: configuration, relativePath: relativePath, today: request.today, corpus: corpus)
        guard fix.changed else { return (diagnostics, nil) }
        guard request.writeFixes, request.contents[path] == nil else { return (diagnostics, fix) }
        if case .failure(let failure) = AtomicFileWriter.replace(path, with: fix.fixed, expecting: bytes) {
            fix.writeError = failure.description
            // Nothing was written: report the note as it is on disk.
            diagnostics = check(noteLoader(for: configuration).load(bytes: bytes, path: path), configuration: configuration,
                                relativePath: relativePath, today: request.today, corpus: corpus)
        } else if !request.keepsFixedTexts {
            fix.original = []
            fix.fixed = []
            fix.textsReleased = true
        }
        return (diagnostics, fix)
    }

    /// Checks one loaded note. `relativePath` is the note's path relative to its configuration's folder.
    /// `withCorpusRules: false` leaves out the rules that weigh a note against the others (the first pass).
    public func check(
        _ note: Note, configuration: EffectiveConfiguration, relativePath: String, today: CalendarDate, corpus: TagCorpus?,
        withCorpusRules: Bool = true
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
            let id = active.id
            if ignored.contains(id) || ignored.contains("all") { continue }
            if !withCorpusRules && active.needsCorpus { continue }
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
        if let active = configuration.rules.first(where: { $0.id == unusedRule }), !ignored.contains(unusedRule) {
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
