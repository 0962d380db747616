import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintText
import Testing

/// `notelint init` on the collections of `Fixtures/init/`, each copied to a scratch folder first.
struct CollectionInitTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 7)!

    /// A fresh copy of `Fixtures/init/NAME`, so that writing never touches the repository.
    static func copy(_ name: String) throws -> String {
        let folder = try CommandRunner.temporaryFolder() + "/" + name
        try FileManager.default.copyItem(atPath: RepositoryPaths.inRepository("Fixtures/init/" + name), toPath: folder)
        return folder
    }

    static func request(_ root: String, _ adjust: (inout InitRequest) -> Void = { _ in }) -> InitRequest {
        var request = InitRequest()
        request.root = root
        request.today = today
        adjust(&request)
        return request
    }

    static func file(_ result: InitResult, _ path: String) -> String {
        result.files.first { $0.path == path }?.text ?? ""
    }

    @Test func anObsidianVaultsDeclaredPropertyTypesBecomeTheSchemasTypes() throws {
        let root = try Self.copy("obsidian-vault")
        let request = Self.request(root)
        let result = CollectionInit.infer(request)
        #expect(result.detection.generator == .obsidian)
        #expect(result.detection.evidence == ".obsidian/")
        let schema = Self.file(result, "Rules/notes.schema.yml")
        #expect(schema.contains("  rating:\n    # present in 6 of 6 notes\n    # declared `number` in .obsidian/types.json\n    type: [number, \"null\"]"))
        #expect(schema.contains("  done:\n    # present in 6 of 6 notes\n    # declared `checkbox` in .obsidian/types.json\n    type: [boolean, \"null\"]"))
        let config = Self.file(result, ".lint.yml")
        #expect(config.contains("generator: obsidian"))
        #expect(config.contains("keys: [due]"))
        // A note without properties is ordinary in Obsidian.
        #expect(config.contains("front-matter-missing: off"))
        let drift = try CollectionInit.drift(of: result, request: request)
        #expect(drift.diagnostics.map { "\(PathText.fileName(of: $0.path)) \($0.ruleID)" } == ["Bad rating.md wrong-type"])
    }

    @Test func aJekyllSitesDateTimesWithOffsetsPassAndItsExclusionsAreKept() throws {
        let root = try Self.copy("jekyll-site")
        let request = Self.request(root)
        let result = CollectionInit.infer(request)
        #expect(result.detection.generator == .jekyll)
        #expect(result.detection.evidence == "_config.yml")
        #expect(result.survey.noteCount == 6)
        let config = Self.file(result, ".lint.yml")
        #expect(config.contains("  - \"vendor/**\"") && config.contains("  - \"drafts-old/**\""))
        #expect(config.contains("keys: [date]"))
        #expect(config.contains("key: categories"))
        let drift = try CollectionInit.drift(of: result, request: request)
        #expect(drift.diagnostics.isEmpty, "\(drift.render())")
        // The same configuration written and read back from disk.
        try result.write(force: false)
        var plan = LintPlan()
        plan.selection = .paths([root])
        plan.cacheDirectory = nil
        plan.today = Self.today
        let outcome = plan.run()
        #expect(outcome.exitCode == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.report.filesChecked == 6)
    }

    @Test func aHugoSitesLastmodIsADateAndAnImpossibleOneIsReported() throws {
        let root = try Self.copy("hugo-site")
        let request = Self.request(root)
        let result = CollectionInit.infer(request)
        #expect(result.detection.generator == .hugo)
        #expect(result.detection.evidence == "hugo.toml")
        let config = Self.file(result, ".lint.yml")
        #expect(config.contains("include: [\"content/**/*.markdown\", \"content/**/*.md\"]"))
        #expect(config.contains("keys: [date, lastmod]"))
        let drift = try CollectionInit.drift(of: result, request: request)
        #expect(drift.diagnostics.map { "\(PathText.fileName(of: $0.path)) \($0.ruleID) \($0.subject ?? "")" }
            == ["post-7.md date-format lastmod=2024-02-30T08:30:00Z"])
    }

    @Test func aMixedCollectionGetsOneSchemaPerGroup() throws {
        let root = try Self.copy("mixed")
        let request = Self.request(root) { $0.thresholds.groupNotes = 3 }
        let result = CollectionInit.infer(request)
        #expect(result.groups.map(\.name) == ["_posts", "docs"])
        #expect(result.groups.map(\.files) == [["_posts/**"], ["**"]])
        let posts = Self.file(result, "Rules/posts.schema.yml")
        let docs = Self.file(result, "Rules/docs.schema.yml")
        #expect(posts.contains("required: [author, date, layout, tags, title]"))
        #expect(docs.contains("required: [description, sidebar_position, title]"))
        #expect(Self.file(result, ".lint.yml").contains("  - files: [\"_posts/**\"]   # 6 notes\n    schema: Rules/posts.schema.yml\n"))
        #expect(try CollectionInit.drift(of: result, request: request).diagnostics.isEmpty)
    }

    @Test func aLayoutThatMarksAShapeRequiresThatShapesKeys() throws {
        let root = try Self.copy("layouts")
        let request = Self.request(root) { $0.thresholds.groupNotes = 3 }
        let result = CollectionInit.infer(request)
        let schema = Self.file(result, "Rules/notes.schema.yml")
        #expect(schema.contains("required: [layout, title]"))
        #expect(schema.contains("  - if: {properties: {layout: {const: \"page\"}}, required: [layout]}\n    then: {required: [permalink]}"))
        #expect(schema.contains("  - if: {properties: {layout: {const: \"post\"}}, required: [layout]}\n    then: {required: [date, tags]}"))
        let drift = try CollectionInit.drift(of: result, request: request)
        #expect(drift.diagnostics.map { "\(PathText.fileName(of: $0.path)) \($0.ruleID)" } == ["post-21.md required-key", "post-21.md required-key"])
    }

    @Test func aRareMisspeltKeyIsLeftOutAndReportedWithTheKeyItMeans() throws {
        let root = try Self.copy("rare-typo")
        let request = Self.request(root) { $0.thresholds.rareKey = 0.1 }
        let result = CollectionInit.infer(request)
        let schema = Self.file(result, "Rules/notes.schema.yml")
        #expect(!schema.contains("\n  tilte:"))
        #expect(schema.contains("#   tilte: in 1 of 12 notes, near `title`"))
        let drift = try CollectionInit.drift(of: result, request: request)
        let unknown = drift.diagnostics.filter { $0.ruleID == "unknown-key" }
        #expect(unknown.map { PathText.fileName(of: $0.path) } == ["note-12.md"])
        #expect(unknown.first?.suggestions == ["title"])
    }

    @Test func aCaseVariantSeveralNotesKeepIsAKeyButAOneOffIsASlip() throws {
        let root = try CommandRunner.temporaryFolder() + "/case-variants"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for index in 1...40 {
            let ignoreKey = index <= 3 ? "cspell:ignore" : "cSpell:ignore"
            let titleKey = index == 40 ? "Title" : "title"
            let text = "---\n\(titleKey): Note \(index)\n\(ignoreKey): word\(index)\n---\nbody\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/note-\(index).md"))
        }
        let request = Self.request(root) { $0.thresholds.rareKey = 0.1 }
        let result = CollectionInit.infer(request)
        let schema = Self.file(result, "Rules/notes.schema.yml")
        #expect(schema.contains("\n  \"cspell:ignore\":\n"))
        #expect(!schema.contains("\n  Title:"))
        let drift = try CollectionInit.drift(of: result, request: request)
        #expect(drift.diagnostics.filter { $0.ruleID == "unknown-key" }.map { PathText.fileName(of: $0.path) } == ["note-40.md"])
    }

    @Test func runningTwiceWritesTheSameBytes() throws {
        let root = try Self.copy("mixed")
        let request = Self.request(root) { $0.thresholds.groupNotes = 3 }
        let first = CollectionInit.infer(request)
        try first.write(force: false)
        let written = try first.files.map { try Data(contentsOf: URL(fileURLWithPath: first.location(of: $0))) }
        let second = CollectionInit.infer(request)
        #expect(second.files == first.files)
        try second.write(force: true)
        #expect(try second.files.map { try Data(contentsOf: URL(fileURLWithPath: second.location(of: $0))) } == written)
    }

    @Test func existingFilesAreKeptWithoutForce() throws {
        let root = try Self.copy("rare-typo")
        try Data("rules: {}\n".utf8).write(to: URL(fileURLWithPath: root + "/.lint.yml"))
        let result = CollectionInit.infer(Self.request(root))
        #expect(throws: UsageError.self) { try result.write(force: false) }
        #expect(try String(contentsOfFile: root + "/.lint.yml", encoding: .utf8) == "rules: {}\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/Rules"))
    }

    @Test func aNoteThatCannotBeParsedIsListedNotFatal() throws {
        let root = try Self.copy("rare-typo")
        try Data("---\ntitle: [unclosed\n---\n".utf8).write(to: URL(fileURLWithPath: root + "/broken.md"))
        try Data([0x00, 0xFF, 0xFE, 0x01]).write(to: URL(fileURLWithPath: root + "/binary.md"))
        let result = CollectionInit.infer(Self.request(root))
        #expect(result.survey.badNotes.map(\.path) == ["broken.md"])
        #expect(result.survey.noteCount == 12)
        #expect(InitSummary.render(result).contains("  broken.md: "))
    }

    @Test func templatesAreLeftOut() throws {
        let root = try Self.copy("rare-typo")
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try Data("---\ntitle:\nstatus:\n---\n".utf8).write(to: URL(fileURLWithPath: root + "/templates/note.md"))
        try Data("---\ntitle:\nstatus:\n---\n".utf8).write(to: URL(fileURLWithPath: root + "/daily.template.md"))
        let request = Self.request(root)
        let result = CollectionInit.infer(request)
        let config = Self.file(result, ".lint.yml")
        #expect(config.contains("  # templates for new notes, not notes\n  - \"**/*.template.md\"\n  - \"**/templates/**\"\n"))
        #expect(result.survey.noteCount == 12)
        #expect(try CollectionInit.drift(of: result, request: request).diagnostics.allSatisfy { !$0.path.contains("template") })
    }

    @Test func theGeneratorKeyIsReadAndChecked() throws {
        let ids = RuleRegistry.all
        let configuration = try Configuration.parse(Array("generator: hugo\n".utf8), path: ".lint.yml", directory: ".", rules: ids)
        #expect(configuration.generator == .hugo)
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Array("generator: jekyl\n".utf8), path: ".lint.yml", directory: ".", rules: ids)
        }
    }
}

/// The command line: `--dry-run` writes nothing, `--baseline` makes the next lint pass.
struct InitCommandTests {
    @Test func dryRunPrintsTheFilesAndWritesNothing() throws {
        let root = try CollectionInitTests.copy("jekyll-site")
        let result = try CommandRunner.notelint(["init", "--dry-run", "--now", "2026-12-07"], in: root)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Generator: Jekyll (_config.yml)"))
        #expect(result.output.contains("==> .lint.yml <=="))
        #expect(result.output.contains("The new configuration flags nothing in 6 notes."))
        #expect(!FileManager.default.fileExists(atPath: root + "/.lint.yml"))
    }

    @Test func theBaselineLetsTheNextLintPassAndANewMistakeFail() throws {
        let root = try CollectionInitTests.copy("hugo-site")
        let initialized = try CommandRunner.notelint(["init", "--baseline", "--now", "2026-12-07"], in: root)
        #expect(initialized.status == 0, "\(initialized.error)")
        #expect(initialized.output.contains("date-format: 1 error"))
        let gated = try CommandRunner.notelint(["lint", "--no-cache", "--now", "2026-12-07", "--baseline", ".notelint-baseline.json"], in: root)
        #expect(gated.status == 0, "\(gated.output)\(gated.error)")
        try Data("---\ntitle: New\ndate: 2024-05-01\nlastmod: yesterday\ndraft: false\ntags: [hugo]\n---\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/content/posts/new.md"))
        let failed = try CommandRunner.notelint(["lint", "--no-cache", "--now", "2026-12-07", "--baseline", ".notelint-baseline.json"], in: root)
        #expect(failed.status == 1)
        #expect(failed.output.contains("content/posts/new.md"))
    }

    @Test func aPathThatIsNoFolderIsAUsageError() throws {
        let root = try CollectionInitTests.copy("rare-typo")
        let result = try CommandRunner.notelint(["init", "note-01.md"], in: root)
        #expect(result.status == 2)
        #expect(result.error.contains("note-01.md is not a folder"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.lint.yml"))
    }

    @Test func configShowsTheGeneratorInitWrote() throws {
        let root = try CollectionInitTests.copy("jekyll-site")
        #expect(try CommandRunner.notelint(["init", "--now", "2026-12-07"], in: root).status == 0)
        let shown = try CommandRunner.notelint(["config", "_posts/2013-06-21-post-1.md"], in: root)
        #expect(shown.output.contains("\ngenerator: jekyll\n"), "\(shown.output)\(shown.error)")
    }

    @Test func twoProcessesPrintTheSameBytes() throws {
        // Each process hashes with its own seed: any order taken from a dictionary would show here.
        let root = try CollectionInitTests.copy("layouts")
        let arguments = ["init", "--dry-run", "--now", "2026-12-07"]
        let first = try CommandRunner.notelint(arguments, in: root)
        let second = try CommandRunner.notelint(arguments, in: root)
        #expect(first.status == 0)
        #expect(first.output == second.output)
    }

    @Test func anUnknownGeneratorIsAUsageError() throws {
        let root = try CollectionInitTests.copy("rare-typo")
        let result = try CommandRunner.notelint(["init", "--generator", "gatsby", "--dry-run"], in: root)
        #expect(result.status == 64 || result.status == 2)
    }
}
