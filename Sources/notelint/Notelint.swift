import ArgumentParser
import NotelintCore
import NotelintEngine

@main
struct Notelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notelint",
        abstract: "Lint and fix the YAML front matter of Markdown notes.",
        version: VersionText.text(),
        subcommands: [
            LintCommand.self, InitCommand.self, RulesCommand.self, ConfigCommand.self, DumpCommand.self, InstallHookCommand.self,
            CleanCommand.self, ServerCommand.self,
        ],
        defaultSubcommand: LintCommand.self
    )

    /// `notelint --version` alone is answered before the argument parser is built: building it (every command's
    /// options, found through the runtime's type metadata) costs more than the rest of such a run.
    static func main() {
        if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version" {
            print(VersionText.text())
            return
        }
        // `notelint lint …`, what hooks and CI run, is parsed by its own command alone: the root's parser builds
        // every command's options first. Anything that does not parse (help, a mistake) goes the usual way, so
        // that usage and messages name `notelint lint` as always.
        if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "lint",
            var command = try? LintCommand.parse(Array(CommandLine.arguments.dropFirst(2))) {
            do {
                try command.run()
            } catch {
                exitCleanly(error)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitCleanly(error)
        }
    }

    /// A usage error exits with 2, as every error of the command line and the configuration does: the argument
    /// parser's own code for it (64) is not one CI scripts expect.
    static func exitCleanly(_ error: Error) -> Never {
        guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
        try? StandardStreams.write(fullMessage(for: error) + "\n", to: 2)
        exit(withError: ExitCode(2))
    }
}
