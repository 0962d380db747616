import Foundation
import Testing

/// The README's CI recipes run as written: every `notelint` command of a block marked `<!-- recipe: NAME -->`
/// is run in a scratch repository holding one good and one bad note.
struct ReadmeRecipeTests {
    static func recipes() throws -> [String: [[String]]] {
        let readme = try String(contentsOfFile: RepositoryPaths.inRepository("README.md"), encoding: .utf8)
        var recipes: [String: [[String]]] = [:]
        var current: String?
        var inBlock = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<!-- recipe: ") {
                current = String(line.dropFirst("<!-- recipe: ".count).dropLast(" -->".count))
                continue
            }
            if line.hasPrefix("```") {
                if inBlock { current = nil }
                inBlock.toggle()
                continue
            }
            guard inBlock, let name = current, let start = line.range(of: "notelint lint") else { continue }
            let command = line[start.lowerBound...].split(separator: "#").first ?? ""
            recipes[name, default: []].append(command.split(separator: " ").map(String.init))
        }
        return recipes
    }

    func repository() throws -> String {
        let folder = try CommandRunner.temporaryFolder()
        try CommandRunner.git(["init", "-q", "-b", "main"], in: folder)
        try GitRunTests.good.write(toFile: folder + "/good.md", atomically: true, encoding: .utf8)
        try CommandRunner.git(["add", "."], in: folder)
        try CommandRunner.git(["commit", "-q", "-m", "first"], in: folder)
        try CommandRunner.git(["branch", "-q", "origin/main"], in: folder)
        let bad = GitRunTests.good.replacingOccurrences(of: "draft: false", with: "draft: true").replacingOccurrences(of: "budding", with: "evergreen")
            .replacingOccurrences(of: "title: t\n", with: "title: bad\n")
        try bad.write(toFile: folder + "/bad.md", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyRecipeIsFound() throws {
        let recipes = try Self.recipes()
        #expect(Set(recipes.keys) == ["github", "gitlab", "baseline", "init"])
    }

    @Test func githubRecipeWritesSARIFForTheChangedNote() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for command in try #require(Self.recipes()["github"]) {
            let result = try CommandRunner.notelint(Array(command.dropFirst()), in: folder)
            #expect(result.status == 1, "\(command): \(result.error)")
        }
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/notelint.sarif"))) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["draft-status"])
        let text = try String(contentsOfFile: folder + "/notelint.sarif", encoding: .utf8)
        #expect(text.contains("bad.md") && !text.contains("good.md"))
    }

    @Test func gitlabRecipeWritesACodeQualityReport() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for command in try #require(Self.recipes()["gitlab"]) {
            let result = try CommandRunner.notelint(Array(command.dropFirst()), in: folder)
            #expect(result.status == 1, "\(command): \(result.error)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/gl-code-quality-report.json")))
        let entries = try #require(report as? [[String: Any]])
        #expect(entries.map { $0["check_name"] as? String } == ["draft-status"])
    }

    @Test func initRecipeInfersABaselineThenPassesUntilSomethingNewAppears() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let commands = try #require(Self.recipes()["init"])
        #expect(commands.count == 1)
        #expect(try CommandRunner.notelint(["init", "--baseline"], in: folder).status == 0)
        let gated = try CommandRunner.notelint(Array(commands[0].dropFirst()), in: folder)
        #expect(gated.status == 0, "\(gated.output)\(gated.error)")
        let worse = GitRunTests.good.replacingOccurrences(of: "draft: false", with: "draft: 'no'")
        try worse.write(toFile: folder + "/new.md", atomically: true, encoding: .utf8)
        #expect(try CommandRunner.notelint(Array(commands[0].dropFirst()), in: folder).status == 1)
    }

    @Test func baselineRecipeRecordsThenPassesUntilSomethingNewAppears() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let commands = try #require(Self.recipes()["baseline"])
        #expect(commands.count == 2)
        #expect(try CommandRunner.notelint(Array(commands[0].dropFirst()), in: folder).status == 0)
        #expect(try CommandRunner.notelint(Array(commands[1].dropFirst()), in: folder).status == 0)
        let worse = GitRunTests.good.replacingOccurrences(of: "[war]", with: "[war, war]")
        try worse.write(toFile: folder + "/good.md", atomically: true, encoding: .utf8)
        let after = try CommandRunner.notelint(Array(commands[1].dropFirst()), in: folder)
        #expect(after.status == 1)
        #expect(after.output.contains("[duplicate-tag]") && !after.output.contains("[draft-status]"))
    }
}
