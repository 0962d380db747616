import ArgumentParser
import NotelintCore
import NotelintLoader
import NotelintEngine
import NotelintReporters
import NotelintText

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
    @Option(help: "Where results of unchanged notes are kept between runs (`notelint clean` removes it).")
    var cacheDir = ResultCache.defaultDirectory
    @Flag(help: "Follow symbolic links that lead outside the folders being linted. Unsafe on repositories you do not trust.")
    var followSymlinks = false
    @Flag(help: "Let a .lint.yml name schemas and word lists outside its repository (shared files in a parent folder).")
    var allowOutsideConfigPaths = false
    @Flag(help: "Walk folders without reading .gitignore, .ignore and .notelintignore.") var noIgnore = false
    @Flag(help: "Apply the ignore files to paths named on the command line too.") var forceExclude = false
    @Flag(help: "Print the notes that would be linted, one a line, and lint nothing.") var listFiles = false
    @Flag(help: "With --list-files: say why each other note or folder is not linted.") var verbose = false

    func run() throws {
        var plan = LintPlan()
        // One run, then the process ends.
        plan.leavesTablesToProcessEnd = true
        if let now {
            guard let date = CalendarDate(iso: Substring(now)) else { throw ValidationError("--now takes a date YYYY-MM-DD") }
            plan.today = date
        }
        plan.selection = stdin ? .buffer(path: stdinFilename, bytes: StandardStreams.readInput())
            : staged ? .staged : changedSince.map { .changedSince($0) } ?? .paths(paths)
        plan.configPath = config
        plan.jobs = jobs
        plan.fixes = fix || diff ? (unsafeFixes ? .unsafe : .safe) : nil
        plan.showsDiffOnly = diff
        plan.followsSymlinks = followSymlinks
        plan.allowsOutsideConfigPaths = allowOutsideConfigPaths
        plan.ignoring = .init(honoursIgnoreFiles: !noIgnore, appliesToNamedPaths: forceExclude)
        plan.listsFiles = listFiles
        plan.explainsUnlistedFiles = verbose
        plan.cacheDirectory = noCache ? nil : cacheDir
        plan.baselinePath = baseline
        plan.writeBaselinePath = writeBaseline
        plan.report.format = format
        plan.report.outputPath = output
        plan.report.useColor = StandardStreams.usesColor(color)
        plan.report.statistics = statistics
        plan.report.environment = StandardStreams.environment
        plan.exitPolicy = ExitPolicy(strict: strict, exitZero: exitZero, maxWarnings: maxWarnings)
        try finish(plan.run())
    }
}

/// Shows what a run produced and ends the process with its exit code.
func finish(_ outcome: LintOutcome) throws {
    try? StandardStreams.write(outcome.standardOutput)
    try? StandardStreams.write(outcome.standardError, to: 2)
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
}
