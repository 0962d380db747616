import NotelintCore
import NotelintGit
import NotelintLoader
import NotelintReporters
import NotelintText

/// One run of notelint as every front end asks for it — the command line, a commit hook, an editor: which notes,
/// how to check and fix them, how to report, and when to fail. `run()` goes through the one pipeline:
/// select notes → resolve configuration → check → fix → write → report → exit code.
public struct LintPlan: Sendable {
    /// Which notes a run checks.
    public enum Selection: Sendable, Equatable {
        /// Files and folders; folders are walked for notes.
        case paths([String])
        /// Notes changed since the merge base with a git revision (`--changed-since`).
        case changedSince(String)
        /// The staged content of staged notes (`--staged`, for pre-commit hooks).
        case staged
        /// A text held in memory that stands for the note at `path`: standard input, an editor's buffer. It is
        /// checked like the file, with that path's configuration and the collection around it.
        case buffer(path: String, bytes: [UInt8])
    }

    public var selection: Selection = .paths(["."])
    /// `--config`: one configuration for every note instead of the nearest `.lint.yml`.
    public var configPath: String?
    public var today: CalendarDate = .today()
    /// Worker threads; 0 means one per core.
    public var jobs = 0
    /// Fixes at least this sure are applied (`--fix`: safe; with `--unsafe-fixes`: unsafe); nil checks only.
    public var fixes: Applicability?
    /// `--diff`: fixes are computed and shown as a diff, nothing is written.
    public var showsDiffOnly = false
    /// `--follow-symlinks`.
    public var followsSymlinks = false
    /// `--allow-outside-config-paths`.
    public var allowsOutsideConfigPaths = false
    /// Which ignore files decide what a folder holds: `--no-ignore` turns them off, `--force-exclude` applies them
    /// to paths named explicitly too.
    public var ignoring = NoteFinder.IgnoreOptions.standard
    /// `--list-files`: print the notes a run would check, one a line, and check nothing.
    public var listsFiles = false
    /// `--verbose` with `--list-files`: say on standard error why each other note or folder is not checked.
    public var explainsUnlistedFiles = false
    /// The result cache's folder; nil: no cache. Never used with `--diff` or a buffer, which promise to write
    /// nothing.
    public var cacheDirectory: String? = ResultCache.defaultDirectory
    /// A buffer's run reads the cache for its collection's evidence (an editor's server, whose cache a lint run
    /// keeps warm); it still writes nothing: a buffer's own result is never stored.
    public var buffersReadCache = false
    /// Kept between runs by a long-lived front end (an editor's server) while the collection does not change.
    public var collectionMemo: CollectionMemo?
    /// Report only findings this baseline file does not record.
    public var baselinePath: String?
    /// Record the findings in this baseline file instead of reporting them.
    public var writeBaselinePath: String?
    public var report = ReportSettings()
    public var exitPolicy = ExitPolicy()
    /// Configuration, schema and vocabulary files held in memory by absolute path, used as if they were written:
    /// what a configuration `notelint init` has not written yet would flag.
    public var configurationOverlay: [String: [UInt8]] = [:]
    /// The process ends after this run (the command line): its tables are not freed (see `LintRequest`).
    public var leavesTablesToProcessEnd = false

    public init() {}

    /// How findings are shown.
    public struct ReportSettings: Sendable {
        /// `--format`; nil: human, plus workflow annotations inside GitHub Actions.
        public var format: String?
        /// Also write the report in `format` to this file (atomically); the terminal then gets the human format.
        public var outputPath: String?
        public var useColor = false
        /// `--statistics`: a table of findings per rule after the report.
        public var statistics = false
        /// Where `GITHUB_ACTIONS` and the like are read (the process environment, or a test's).
        public var environment: @Sendable (String) -> String? = { _ in nil }

        public init() {}
    }

    /// Runs the plan. Never throws: a configuration or usage problem is an outcome with exit code 2.
    public func run(linter: Linter = Linter()) -> LintOutcome {
        var outcome = LintOutcome()
        do {
            try run(linter: linter, into: &outcome)
        } catch let stop as Stop {
            outcome.exitCode = stop.code
        } catch {
            outcome.notice("\(error)")
            outcome.exitCode = 2
        }
        return outcome
    }

    /// An early end with the notices already given.
    private struct Stop: Error { var code: Int32 }

    private func run(linter: Linter, into outcome: inout LintOutcome) throws {
        guard let reporterType = ReporterRegistry.reporter(named: report.format ?? "human") else {
            throw UsageError("unknown format `\(report.format ?? "")`; choose one of \(ReporterRegistry.all.map { $0.name }.joined(separator: ", "))")
        }
        let request = try selectNotes(into: &outcome)
        // A git selection may hold no note: nothing to check, nothing wrong.
        guard !request.paths.isEmpty else { return }

        var lintReport = try linter.lint(request)
        if listsFiles {
            // The current folder asked once, not once a path.
            let current = PathText.currentDirectory()
            let shown = { (path: String) in PathText.relative(PathText.normalize(path), to: current) }
            outcome.standardOutput += lintReport.selectedFiles.map { shown($0) + "\n" }.joined()
            if explainsUnlistedFiles {
                for unselected in lintReport.unselected {
                    let shown = shown(unselected.path) + (unselected.isFolder ? "/" : "")
                    outcome.notice("\(shown): not linted: \(unselected.reason)")
                }
            }
            return
        }
        if let writeBaselinePath {
            try writeFile(writeBaselinePath, Baseline(lintReport.diagnostics).serialized())
            outcome.notice("recorded \(lintReport.diagnostics.count) findings in \(writeBaselinePath)")
            return
        }
        var staleBaselineEntries = 0
        if let baselinePath {
            guard case .success(let bytes) = NoteReader.readAll(path: baselinePath) else {
                throw ConfigurationError(path: baselinePath, position: nil, message: "cannot read the baseline file")
            }
            (lintReport.diagnostics, staleBaselineEntries) = try Baseline(parsing: bytes, path: baselinePath).filter(lintReport.diagnostics)
        }
        outcome.report = lintReport
        if showsDiffOnly {
            outcome.standardOutput += lintReport.fixedFiles.map { UnifiedDiff.render(path: $0.path, original: $0.original, fixed: $0.fixed) }.joined()
            outcome.exitCode = lintReport.fixedFiles.isEmpty ? 0 : 1
            return
        }
        if case .buffer(_, let bytes) = selection, fixes != nil {
            // The fixed text goes to standard output for the editor; the findings to standard error.
            outcome.standardOutput += String(decoding: lintReport.fixedFiles.first?.fixed ?? bytes, as: UTF8.self)
            outcome.standardError += HumanReporter(options: ReporterOptions()).render(lintReport)
            outcome.exitCode = exitPolicy.code(for: lintReport)
            return
        }
        for skipped in lintReport.skipped { outcome.notice("\(skipped.path): skipped: \(skipped.reason)") }
        // A fix that could not be written is an I/O error: exit 2 once the report is out, whatever the findings.
        for file in lintReport.fixedFiles { if let error = file.writeError { outcome.notice("\(file.path): not fixed: \(error)") } }
        var terminalType = reporterType
        if let outputPath = report.outputPath {
            do {
                try writeFile(outputPath, Array(reporterType.init(options: ReporterOptions(useColor: false)).render(lintReport).utf8))
            } catch {
                outcome.notice("\(error)")
                throw Stop(code: 2)
            }
            terminalType = HumanReporter.self
        }
        let options = ReporterOptions(useColor: report.useColor)
        if report.format == nil {
            // The default format: human, plus workflow annotations inside GitHub Actions, as yamllint's `auto` does.
            outcome.standardOutput += GitHubReporter.renderDefault(lintReport, options: options, environment: report.environment)
        } else {
            outcome.standardOutput += terminalType.init(options: options).render(lintReport)
        }
        if report.statistics { outcome.standardOutput += StatisticsTable.render(lintReport.diagnostics) }
        if staleBaselineEntries > 0 {
            outcome.notice("\(staleBaselineEntries) baseline entries no longer match a finding (fixed or changed); rewrite it with --write-baseline")
        }
        outcome.exitCode = exitPolicy.code(for: lintReport)
    }

    /// The notes to lint and how to read each, as the selection says.
    private func selectNotes(into outcome: inout LintOutcome) throws -> LintRequest {
        let writesNothing = showsDiffOnly || listsFiles || { if case .buffer = selection { return !buffersReadCache }; return false }()
        var cache: ResultCache?
        if let cacheDirectory, !writesNothing {
            switch ResultCache.opening(directory: cacheDirectory) {
            case .success(let opened): cache = opened
            case .failure(let refusal): outcome.notice("\(refusal)")
            }
        }
        var request = LintRequest(
            paths: [], configPath: configPath, today: today, jobs: jobs, fixes: fixes, writeFixes: !showsDiffOnly, cache: cache)
        request.collectionMemo = collectionMemo
        // Only diffs and buffers print fixed texts; written notes need not stay in memory.
        request.keepsFixedTexts = showsDiffOnly
        request.followsSymlinks = followsSymlinks
        request.allowsOutsideConfigPaths = allowsOutsideConfigPaths
        request.ignoring = ignoring
        request.listsFilesOnly = listsFiles
        request.leavesTablesToProcessEnd = leavesTablesToProcessEnd
        request.configurationOverlay = configurationOverlay
        do {
            switch selection {
            case .paths(let paths):
                request.paths = paths.isEmpty ? ["."] : paths
            case .buffer(let path, let bytes):
                request.paths = [path]
                request.contents = [path: bytes]
                request.writeFixes = false
                request.keepsFixedTexts = true
            case .changedSince(let revision):
                let repository = try GitRepository(containing: ".")
                request.roots = [repository.root]
                request.select(try repository.changedNoteSelection(since: revision), shown: PathText.shown)
                if request.paths.isEmpty { outcome.notice("no notes changed since \(revision)") }
            case .staged:
                let repository = try GitRepository(containing: ".")
                request.roots = [repository.root]
                if fixes != nil {
                    // Fixing writes the working tree; with a partly staged note that would mix two versions.
                    let notes = try repository.stagedNotes()
                    let mixed = try notes.filter { try repository.workingTreeDiffersFromIndex(path: $0) }
                    if !mixed.isEmpty {
                        outcome.notice("refusing to fix partly staged notes (stage or stash their other changes first): "
                            + mixed.map { PathText.shown($0) }.joined(separator: ", "))
                        throw Stop(code: 2)
                    }
                    request.paths = notes.map { PathText.shown($0) }
                } else {
                    request.select(try repository.stagedNoteContents(), shown: PathText.shown)
                }
            }
        } catch let error as GitError {
            outcome.notice("\(error)")
            throw Stop(code: 2)
        }
        return request
    }

    /// A report or baseline file, replaced whole or not at all.
    private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        if case .failure(let failure) = AtomicFileWriter.save(path, bytes) {
            throw UsageError("\(path): cannot write: \(failure)")
        }
    }
}

/// What a run produced, for the front end to show: the report, the text for each standard stream, the exit code.
public struct LintOutcome: Sendable {
    public var report = LintReport(diagnostics: [], filesChecked: 0)
    public var standardOutput = ""
    /// Notices (`notelint: …` lines) and, for a fixed buffer, the report.
    public var standardError = ""
    /// 0 clean, 1 findings that fail the run, 2 usage, configuration or write error.
    public var exitCode: Int32 = 0

    mutating func notice(_ text: String) {
        standardError += "notelint: " + text + "\n"
    }
}

/// A command line or plan that cannot run as given: exit code 2.
public struct UsageError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
