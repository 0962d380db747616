import ArgumentParser
import NotelintEngine
import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check notes' front matter (the default command).",
        discussion: "Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or configuration error."
    )

    @Argument(help: "Files or directories (default: the current directory).") var paths: [String] = []
    @Option(help: "Use this configuration for every note instead of the nearest .lint.yml.") var config: String?
    @Option(help: "Output format: \(ReporterRegistry.all.map { $0.name }.joined(separator: ", ")) (default: human, plus GitHub annotations inside GitHub Actions).")
    var format: String?
    @Flag(help: "Exit with 1 on warnings too.") var strict = false
    @Option(help: "Treat this date (YYYY-MM-DD) as today, for reproducible runs.") var now: String?
    @Option(help: "Colour: auto, always or never.") var color = "auto"
    @Option(help: "Worker threads (default: one per core).") var jobs = 0
    @Flag(help: "Apply safe fixes.") var fix = false
    @Flag(help: "Also apply unsafe fixes (with --fix or --diff).") var unsafeFixes = false
    @Flag(help: "Print a unified diff of what --fix would change, and write nothing.") var diff = false
    @Option(help: "Report only findings not recorded in this baseline file.") var baseline: String?
    @Option(help: "Record today's findings in this baseline file (and exit 0).") var writeBaseline: String?
    @Flag(help: "Print a table of findings per rule.") var statistics = false
    @Flag(help: "Exit with 0 even when there are findings.") var exitZero = false
    @Option(help: "Exit with 1 when there are more warnings than this.") var maxWarnings: Int?
    @Option(help: "Also write the report in --format to this file; the terminal gets the human output.") var output: String?
    @Option(help: "Lint only notes added or changed since the merge base with this git revision.") var changedSince: String?
    @Flag(help: "Lint the staged content of staged notes (for pre-commit hooks).") var staged = false
    @Flag(help: "Lint standard input (with --fix, print the fixed text on standard output).") var stdin = false
    @Option(help: "The path standard input stands for: its configuration and schema apply.") var stdinFilename = "stdin.md"
    @Flag(help: "Neither read nor write the result cache (never used with --diff or --stdin).") var noCache = false
    @Flag(help: "Follow symbolic links that lead outside the folders being linted. Unsafe on repositories you do not trust.")
    var followSymlinks = false
    @Flag(help: "Let a .lint.yml name schemas and word lists outside its repository (shared files in a parent folder).")
    var allowOutsideConfigPaths = false
    @Option(help: "Where results of unchanged notes are kept between runs (`notelint clean` removes it).")
    var cacheDir = ResultCache.defaultDirectory

    func run() throws {
        guard let reporterType = ReporterRegistry.reporter(named: format ?? "human") else {
            throw ValidationError("unknown format `\(format ?? "")`; choose one of \(ReporterRegistry.all.map { $0.name }.joined(separator: ", "))")
        }
        var today = CalendarDate.today()
        if let now {
            guard let date = CalendarDate(iso: Substring(now)) else { throw ValidationError("--now takes a date YYYY-MM-DD") }
            today = date
        }
        let fixes: Applicability? = fix || diff ? (unsafeFixes ? .unsafe : .safe) : nil
        // `--diff` and `--stdin` promise to write nothing: no cache either.
        var cache: ResultCache?
        if !(noCache || diff || stdin) {
            switch ResultCache.opening(directory: cacheDir) {
            case .success(let opened): cache = opened
            case .failure(let refusal): Output.error("\(refusal)")
            }
        }
        var request = LintRequest(
            paths: paths.isEmpty ? ["."] : paths, configPath: config, today: today, jobs: jobs, fixes: fixes, writeFixes: !diff,
            cache: cache)
        request.followsSymlinks = followSymlinks
        request.allowsOutsideConfigPaths = allowOutsideConfigPaths
        // Only --diff and --stdin print fixed texts; written notes need not stay in memory.
        request.keepsFixedTexts = false
        if stdin {
            request.paths = [stdinFilename]
            request.contents = [stdinFilename: Output.readStandardInput()]
            request.writeFixes = false
        }
        do {
            if let changedSince {
                let repository = try GitRepository(containing: ".")
                request.roots = [repository.root]
                request.select(try repository.changedNoteSelection(since: changedSince), shown: Output.shown)
                if request.paths.isEmpty { Output.error("no notes changed since \(changedSince)") }
            }
            if staged {
                let repository = try GitRepository(containing: ".")
                request.roots = [repository.root]
                let notes = try repository.stagedNotes()
                request.paths = notes.map(Output.shown)
                if fix || diff {
                    // Fixing writes the working tree; with a partly staged note that would mix two versions.
                    let mixed = try notes.filter { try repository.workingTreeDiffersFromIndex(path: $0) }
                    if !mixed.isEmpty {
                        Output.error("refusing to fix partly staged notes (stage or stash their other changes first): "
                            + mixed.map(Output.shown).joined(separator: ", "))
                        throw ExitCode(2)
                    }
                } else {
                    request.select(try repository.stagedNoteContents(), shown: Output.shown)
                }
            }
        } catch let error as GitError {
            Output.error("\(error)")
            throw ExitCode(2)
        }
        if (staged || changedSince != nil) && request.paths.isEmpty { return }
        var report: LintReport
        var staleBaselineEntries = 0
        do {
            report = try Linter().lint(request)
            if let writeBaseline {
                try Output.writeFile(writeBaseline, Baseline(report.diagnostics).serialized())
                Output.error("recorded \(report.diagnostics.count) findings in \(writeBaseline)")
                return
            }
            if let baseline {
                guard case .success(let bytes) = NoteReader.readAll(path: baseline) else {
                    throw ConfigurationError(path: baseline, position: nil, message: "cannot read the baseline file")
                }
                (report.diagnostics, staleBaselineEntries) = try Baseline(parsing: bytes, path: baseline).filter(report.diagnostics)
            }
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
        if diff {
            Output.write(report.fixedFiles.map { UnifiedDiff.render(path: $0.path, original: $0.original, fixed: $0.fixed) }.joined())
            if !report.fixedFiles.isEmpty { throw ExitCode(1) }
            return
        }
        if stdin && fix {
            // The fixed note goes to standard output for the editor; findings go to standard error.
            let text = report.fixedFiles.first?.fixed ?? request.contents[stdinFilename] ?? []
            Output.write(String(decoding: text, as: UTF8.self))
            Output.error(HumanReporter(options: ReporterOptions()).render(report), prefixed: false)
            let failing = report.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
            if failing && !exitZero { throw ExitCode(1) }
            return
        }
        for skipped in report.skipped { Output.error("\(skipped.path): skipped: \(skipped.reason)") }
        // A fix that could not be written is an I/O error: exit 2 once the report is out, whatever the findings.
        let unwritten = report.fixedFiles.filter { $0.writeError != nil }
        for file in unwritten { Output.error("\(file.path): not fixed: \(file.writeError!)") }
        if let output {
            let fileReporter = reporterType.init(options: ReporterOptions(useColor: false))
            do {
                try Output.writeFile(output, Array(fileReporter.render(report).utf8))
            } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
            writeTerminalReport(report, HumanReporter.self)
        } else {
            writeTerminalReport(report, reporterType)
        }
        if statistics { Output.write(StatisticsTable.render(report.diagnostics)) }
        if staleBaselineEntries > 0 {
            Output.error("\(staleBaselineEntries) baseline entries no longer match a finding (fixed or changed); rewrite it with --write-baseline")
        }
        if !unwritten.isEmpty { throw ExitCode(2) }
        if exitZero { return }
        let warnings = report.count(.warning)
        let failing = report.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing || maxWarnings.map({ warnings > $0 }) == true { throw ExitCode(1) }
    }
}

extension LintCommand {
    /// With no `--format`, inside GitHub Actions the human output is followed by annotations, as yamllint's `auto` does.
    func writeTerminalReport(_ report: LintReport, _ reporterType: any Reporter.Type) {
        let options = ReporterOptions(useColor: Output.useColor(color))
        if format == nil {
            Output.write(GitHubReporter.renderDefault(report, options: options, environment: { getenv($0).map { String(cString: $0) } }))
        } else {
            Output.write(reporterType.init(options: options).render(report))
        }
    }
}

enum Output {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func error(_ text: String, prefixed: Bool = true) {
        var line = prefixed ? "notelint: " + text + "\n" : text
        line.withUTF8 { _ = Glibc.write(2, $0.baseAddress!, $0.count) }
    }

    struct WriteFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        guard let file = fopen(path, "wb") else { throw WriteFailure(description: "\(path): cannot write") }
        defer { fclose(file) }
        guard bytes.isEmpty || fwrite(bytes, 1, bytes.count, file) == bytes.count else {
            throw WriteFailure(description: "\(path): write failed")
        }
    }

    /// A path relative to the current folder when it lies inside it, as users expect to see it.
    static func shown(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        let current = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(0, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    static func useColor(_ setting: String) -> Bool {
        switch setting {
        case "always": return true
        case "never": return false
        default: return getenv("NO_COLOR") == nil && isatty(1) == 1
        }
    }
}
