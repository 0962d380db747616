import ArgumentParser
import NotelintCore
import NotelintEngine

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the result cache.",
        discussion: "Only the files notelint writes there are removed; a folder holding anything else is kept."
    )

    @Option(help: "The cache folder.") var cacheDir = ResultCache.defaultDirectory

    func run() throws {
        if case .failure(let refusal) = ResultCache.opening(directory: cacheDir) {
            Output.error("\(refusal)")
            throw ExitCode(2)
        }
        guard ResultCache.remove(directory: cacheDir) else {
            Output.error("\(cacheDir): could not remove the folder (it holds files notelint did not write, or permission was denied)")
            throw ExitCode(2)
        }
    }
}
