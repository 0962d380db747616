import Foundation
import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import Testing

/// One version: the `VERSION` file, which the Makefile, the release archive's name and the Debian package read,
/// is the version the binary reports and writes into SARIF (`ToolInfo.version`).
@Suite struct VersionTests {
    static func versionFile() throws -> String {
        try String(contentsOfFile: RepositoryPaths.inRepository("VERSION"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func toolInfoMatchesTheVersionFile() throws {
        let version = try Self.versionFile()
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." }, "VERSION: \(version)")
        #expect(ToolInfo.version == version)
    }

    @Test func changelogHasASectionForTheVersion() throws {
        let changelog = try String(contentsOfFile: RepositoryPaths.inRepository("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("\n## \(try Self.versionFile()) "))
    }

    @Test func versionNamesTheDictionaryItWouldUse() throws {
        let folder = FileManager.default.currentDirectoryPath
        let result = try CommandRunner.notelint(["--version"], in: folder)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == (try Self.versionFile()))
        #expect(lines.count == 2 && lines[1].hasPrefix("en_US dictionary: "), "\(result.output)")

        let hidden = try CommandRunner.notelint(["--version"], in: folder, environment: ["NOTELINT_IGNORE_SYSTEM_DICTIONARIES": "1"])
        let hiddenLine = hidden.output.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(!hiddenLine.contains("/usr/share/hunspell"), "\(hidden.output)")
        #expect(hiddenLine.contains("/share/notelint/hunspell"), "the shipped folder is searched: \(hidden.output)")
    }
}
