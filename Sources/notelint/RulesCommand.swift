import ArgumentParser
import NotelintCore
import NotelintEngine
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or print one rule's documentation."
    )

    @Argument(help: "A rule id.") var id: String?

    @Option(name: .customLong("write-docs"), help: ArgumentHelp(
        "Write every rule's documentation and an index into this folder (docs/rules in the repository).", valueName: "folder"))
    var writeDocs: String?

    func validate() throws {
        if id != nil, writeDocs != nil { throw ValidationError("--write-docs writes every rule; give no rule id") }
    }

    func run() throws {
        let rules = RuleRegistry.all.map { $0.description }
        if let folder = writeDocs {
            do {
                // Like `mkdir -p`: each missing folder on the way.
                var path = folder.hasPrefix("/") ? "" : "."
                for component in folder.split(separator: "/") {
                    path += "/" + component
                    if mkdir(path, 0o755) != 0, errno != EEXIST { throw Output.WriteFailure(description: "\(path): cannot create the folder") }
                }
                for file in RuleDocumentation.files(rules) {
                    try Output.writeFile(folder + "/" + file.name, Array(file.text.utf8))
                }
            } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
            return
        }
        guard let id else {
            Output.write(RuleDocumentation.table(rules))
            return
        }
        guard let rule = RuleRegistry.rule(id: id) else {
            throw ValidationError("unknown rule `\(id)`" + (NearestName.nearest(to: id, in: RuleRegistry.all.map { $0.id }).map { "; did you mean `\($0)`?" } ?? ""))
        }
        Output.write(RuleDocumentation.markdown(rule.description))
    }
}
