import ArgumentParser
import NotelintCore
import NotelintEngine

@main
struct Notelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notelint",
        abstract: "Lint and fix the YAML front matter of Markdown notes.",
        version: VersionText.text(),
        subcommands: [LintCommand.self, InitCommand.self, RulesCommand.self, ConfigCommand.self, DumpCommand.self, InstallHookCommand.self, CleanCommand.self],
        defaultSubcommand: LintCommand.self
    )
}
