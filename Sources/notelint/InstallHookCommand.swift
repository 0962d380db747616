import ArgumentParser
import NotelintEngine
import NotelintGit

struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `notelint lint --staged`.",
        discussion: """
            The hook runs the notelint found on PATH. A hook notelint wrote before is replaced; any other \
            pre-commit hook is kept unless --force is given. Exit status: 0 installed, 2 not installed.
            """
    )

    @Flag(help: "Replace an existing pre-commit hook that notelint did not write.") var force = false

    func run() throws {
        do {
            let repository = try GitRepository(containing: ".")
            let installation = try HookInstaller.install(in: repository, force: force)
            let message = switch installation.outcome {
            case .installed: "installed the pre-commit hook at \(installation.path)"
            case .updated: "updated the pre-commit hook at \(installation.path)"
            case .replacedOtherHook: "replaced the pre-commit hook at \(installation.path) with notelint's"
            }
            Output.write(message + "\n")
        } catch GitError.notARepository {
            Output.error("the current folder is not inside a git work tree")
            throw ExitCode(2)
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
