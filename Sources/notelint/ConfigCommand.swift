import ArgumentParser
import NotelintCore
import NotelintEngine

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration for a path."
    )

    @Argument(help: "A note or folder (default: the current directory).") var path = "."
    @Option(help: "Use this configuration instead of the nearest .lint.yml.") var config: String?
    @Flag(help: "Let a .lint.yml name schemas and word lists outside its repository.") var allowOutsideConfigPaths = false

    func run() throws {
        do {
            Output.write(try EffectiveConfigurationText.render(
                forPath: path, configPath: config, allowsOutsideConfigPaths: allowOutsideConfigPaths))
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
