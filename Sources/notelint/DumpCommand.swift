import ArgumentParser
import NotelintLoader

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print each note's front matter as JSON, with the loader's outcome and problems."
    )

    @Flag(help: "Add each node's source range.") var positions = false
    @Flag(help: "Print every scalar as the string it was written as.") var untyped = false
    @Argument(help: "Files or directories.") var paths: [String]

    func run() throws {
        // Placeholder until the JSON renderer lands.
        for path in paths { print(NoteLoader().load(path: path).outcome.name) }
    }
}
