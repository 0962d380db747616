import Foundation
import Testing

/// Exit codes and the options that shape a CI run, through the real binary.
struct LintOptionTests {
    static let warningOnly = GitRunTests.good.replacingOccurrences(of: "layout: post\n", with: "layout: post\nextra: 1\n")
        .replacingOccurrences(of: "title: t\n", with: "title: warned\n")
    static let failing = GitRunTests.good.replacingOccurrences(of: "budding", with: "evergren")

    func folder(_ notes: [String: String]) throws -> String {
        let folder = try CommandRunner.temporaryFolder()
        for (name, text) in notes { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func exitCodesFollowSeverities() throws {
        let folder = try folder(["warn.md": Self.warningOnly, "good.md": GitRunTests.good])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CommandRunner.notelint(["lint", "."], in: folder).status == 0)
        #expect(try CommandRunner.notelint(["lint", "--strict", "."], in: folder).status == 1)
        #expect(try CommandRunner.notelint(["lint", "--max-warnings", "0", "."], in: folder).status == 1)
        #expect(try CommandRunner.notelint(["lint", "--max-warnings", "1", "."], in: folder).status == 0)
    }

    @Test func usageAndConfigurationErrorsExitWithTwo() throws {
        let folder = try folder(["good.md": GitRunTests.good, ".lint.yml": "rules:\n  tag-fromat: off\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.notelint(["lint", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.error.contains(".lint.yml:2:3") && result.error.contains("did you mean `tag-format`"))
        // Command-line mistakes too, not the argument parser's 64.
        for arguments in [["--bogus"], ["lint", "--jobs", "many", "."], ["lint", "--now", "yesterday", "."], ["rules", "--nope"]] {
            let usage = try CommandRunner.notelint(arguments, in: folder)
            #expect(usage.status == 2, "\(arguments)")
            #expect(usage.error.hasPrefix("Error: "), "\(arguments): \(usage.error)")
        }
        #expect(try CommandRunner.notelint(["--help"], in: folder).status == 0)
        // `lint` is parsed on its own when it parses; help and mistakes still name the whole command.
        let help = try CommandRunner.notelint(["lint", "--help"], in: folder)
        #expect(help.status == 0 && help.output.contains("USAGE: notelint lint"), "\(help.output)")
        let mistake = try CommandRunner.notelint(["lint", "--colour", "never", "."], in: folder)
        #expect(mistake.status == 2 && mistake.error.contains("notelint lint"), "\(mistake.error)")
        // An option with a closed set of values names the nearest one, at the value.
        try "rules:\n  slug-collision:\n    slug: hugoo\n".write(toFile: folder + "/.lint.yml", atomically: true, encoding: .utf8)
        let closed = try CommandRunner.notelint(["lint", "."], in: folder)
        #expect(closed.status == 2)
        #expect(closed.error.contains(".lint.yml:3:11: configuration error: unknown value of `slug-collision.slug` `hugoo`; did you mean `hugo`?"), "\(closed.error)")
    }

    @Test func theCacheIsOnByDefaultOffOnRequestAndCleanRemovesIt() throws {
        let folder = try folder(["bad.md": Self.failing, "good.md": GitRunTests.good])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = folder + "/.notelint-cache"
        let uncached = try CommandRunner.notelint(["lint", "--no-cache", "."], in: folder)
        #expect(!FileManager.default.fileExists(atPath: cache))
        let cold = try CommandRunner.notelint(["lint", "."], in: folder)
        #expect(FileManager.default.fileExists(atPath: cache + "/CACHEDIR.TAG"))
        let warm = try CommandRunner.notelint(["lint", "."], in: folder)
        #expect(cold.status == 1 && warm.status == 1 && uncached.status == 1)
        #expect(warm.output == cold.output && cold.output == uncached.output)
        // The cache folder holds no notes: linting the folder again does not pick up anything in it.
        #expect(try CommandRunner.notelint(["lint", "."], in: folder).output == cold.output)
        #expect(try CommandRunner.notelint(["clean"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: cache))
        _ = try CommandRunner.notelint(["lint", "--cache-dir", "elsewhere", "."], in: folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/elsewhere/CACHEDIR.TAG"))
        #expect(try CommandRunner.notelint(["clean", "--cache-dir", "elsewhere"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
    }

    @Test func exitZeroAndStatistics() throws {
        let folder = try folder(["bad.md": Self.failing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.notelint(["lint", "--exit-zero", "--statistics", "."], in: folder)
        #expect(result.status == 0)
        #expect(result.output.contains("rule") && result.output.contains("enum-value      1"))
    }

    @Test func outputFileGetsTheFormatWhileTheTerminalGetsHumanOutput() throws {
        let folder = try folder(["bad.md": Self.failing])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandRunner.notelint(["lint", "--format", "json", "--output", "report.json", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.output.contains("bad.md:5:9: error:"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any]
        #expect((report?["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String == "enum-value")
    }

    @Test func standardInputIsLintedAsTheNamedPathAndFixedToStandardOutput() throws {
        let folder = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = Data(GitRunTests.good.replacingOccurrences(of: "[war]", with: "[war, war]").utf8)
        let lint = try CommandRunner.notelint(["lint", "--stdin", "--stdin-filename", "notes/x.md"], in: folder, input: input)
        #expect(lint.status == 1)
        #expect(lint.output.contains("notes/x.md:6:13: error:") && lint.output.contains("[duplicate-tag]"))
        let fixed = try CommandRunner.notelint(["lint", "--stdin", "--stdin-filename", "notes/x.md", "--fix"], in: folder, input: input)
        #expect(fixed.status == 0)
        #expect(fixed.output == GitRunTests.good)
        #expect(!FileManager.default.fileExists(atPath: folder + "/notes/x.md"))
    }
}
