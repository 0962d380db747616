import ArgumentParser

@main
struct Notelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notelint",
        abstract: "Lint and fix the YAML front matter of Markdown notes.",
        version: "0.1.0",
        subcommands: [LintCommand.self, RulesCommand.self, ConfigCommand.self, DumpCommand.self],
        defaultSubcommand: LintCommand.self
    )
}
