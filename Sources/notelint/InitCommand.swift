import ArgumentParser
import NotelintCore
import NotelintEngine
import NotelintText

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Infer a configuration (.lint.yml, schemas, tag vocabulary) from an existing collection.",
        discussion: """
            Recognises the site generator, reads every note's front matter, writes one schema per group of notes \
            shaped alike with the evidence for each choice, then shows what the new configuration flags today. \
            Existing files are kept unless --force.
            """
    )

    @Argument(help: "The collection's folder.") var path = "."
    @Flag(help: "Print the files instead of writing them.") var dryRun = false
    @Flag(help: "Replace files that already exist.") var force = false
    @Flag(help: "Also record today's findings in .notelint-baseline.json, so that a CI gate passes on day one.") var baseline = false
    @Option(help: "Use this generator's conventions: \(SiteGenerator.names.joined(separator: ", ")).") var generator: String?
    @Option(help: "Folder for the schemas and the tag vocabulary, relative to the collection.") var rulesFolder = "Rules"
    @Option(help: "Share of notes (0-1) from which a key is required.") var requiredShare = 0.95
    @Option(help: "Treat this date (YYYY-MM-DD) as today, for reproducible runs.") var now: String?
    @Option(help: "Worker threads (default: one per core).") var jobs = 0

    static let baselineName = ".notelint-baseline.json"

    func run() throws {
        var request = InitRequest()
        request.root = path
        request.rulesFolder = rulesFolder
        request.jobs = jobs
        request.thresholds.required = requiredShare
        if let generator {
            guard let chosen = SiteGenerator(name: generator) else {
                throw ValidationError("--generator takes one of \(SiteGenerator.names.joined(separator: ", "))")
            }
            request.generator = chosen
        }
        if let now {
            guard let date = CalendarDate(iso: Substring(now)) else { throw ValidationError("--now takes a date YYYY-MM-DD") }
            request.today = date
        }
        do {
            try CollectionInit.checkRoot(path)
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
        let result = CollectionInit.infer(request)
        Output.write(InitSummary.render(result))
        do {
            if dryRun {
                for file in result.files { Output.write("\n==> \(result.location(of: file)) <==\n" + file.text) }
                Output.write("\n")
            } else {
                try result.write(force: force)
                Output.write("Wrote " + result.files.map { result.location(of: $0) }.joined(separator: ", ") + "\n\n")
            }
            let drift = try CollectionInit.drift(of: result, request: request)
            Output.write(drift.render())
            if baseline {
                let findings = drift.diagnostics.count == 1 ? "1 finding" : "\(drift.diagnostics.count) findings"
                let target = path == "." ? Self.baselineName : path + "/" + Self.baselineName
                if dryRun {
                    Output.write("Would record \(findings) in \(target).\n")
                } else {
                    try Output.writeFile(target, drift.baseline(root: path))
                    Output.write("Recorded \(findings) in \(target): `notelint lint --baseline \(Self.baselineName)` reports only new ones.\n")
                }
            }
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }
}
