import ArgumentParser
import NotelintServer

struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run the language server (LSP 3.17) on standard input and output, for editors.",
        discussion: "Messages go through standard input and output; logs go to standard error and to the editor."
    )

    @Flag(help: "Accepted for editors that pass it; standard input and output are the only transport.") var stdio = false

    func run() throws {
        let code = ServerLoop.run()
        if code != 0 { throw ExitCode(code) }
    }
}
