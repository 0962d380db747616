import ArgumentParser
import NotelintEngine

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or print one rule's documentation."
    )

    @Argument(help: "A rule id.") var id: String?

    func run() throws {
        guard let id else {
            Output.write(RuleDocumentation.table(RuleRegistry.all.map { $0.description }))
            return
        }
        guard let rule = RuleRegistry.rule(id: id) else {
            throw ValidationError("unknown rule `\(id)`" + (NearestName.nearest(to: id, in: RuleRegistry.all.map { $0.id }).map { "; did you mean `\($0)`?" } ?? ""))
        }
        Output.write(RuleDocumentation.markdown(rule.description))
    }
}
