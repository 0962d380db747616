import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintGit
@testable import NotelintReporters
@testable import NotelintSchema

extension GitTests {
    @Suite("Installing the pre-commit hook")
    struct HookInstallerTests {
        private func permissions(_ path: String) -> mode_t {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
        }

        @Test func writesAnExecutableShellScriptThatLintsStagedNotes() throws {
            let repo = try TemporaryGitRepository()
            let installation = try HookInstaller.install(in: repo.repository, force: false)
            #expect(installation == .init(path: repo.path(".git/hooks/pre-commit"), outcome: .installed))
            let script = String(decoding: try repo.read(".git/hooks/pre-commit"), as: UTF8.self)
            #expect(script.hasPrefix("#!/bin/sh\n"))
            #expect(script.contains("\n\(HookInstaller.marker)\n"))
            #expect(script.contains("\nexec notelint lint --staged\n"))
            #expect(permissions(installation.path) == 0o755)
        }

        @Test func replacesItsOwnHookButNotAnotherUnlessForced() throws {
            let repo = try TemporaryGitRepository()
            #expect(try HookInstaller.install(in: repo.repository, force: false).outcome == .installed)
            #expect(try HookInstaller.install(in: repo.repository, force: false).outcome == .updated)

            let other = Array("#!/bin/sh\nexec run-my-checks\n".utf8)
            try repo.write(".git/hooks/pre-commit", bytes: other)
            #expect(throws: HookInstaller.Failure.otherHookExists(path: repo.path(".git/hooks/pre-commit"))) {
                try HookInstaller.install(in: repo.repository, force: false)
            }
            #expect(try repo.read(".git/hooks/pre-commit") == other)

            #expect(try HookInstaller.install(in: repo.repository, force: true).outcome == .replacedOtherHook)
            #expect(try repo.read(".git/hooks/pre-commit") == Array(HookInstaller.script.utf8))
        }

        @Test func followsCoreHooksPathAndCreatesTheFolder() throws {
            let repo = try TemporaryGitRepository()
            try repo.run("config", "core.hooksPath", "tools/git hooks")
            let installation = try HookInstaller.install(in: repo.repository, force: false)
            #expect(installation.path == repo.path("tools/git hooks/pre-commit"))
            #expect(permissions(installation.path) == 0o755)
        }

        @Test func theFailureSaysHowToGoOn() {
            let text = HookInstaller.Failure.otherHookExists(path: ".git/hooks/pre-commit").description
            #expect(text.contains("--force") && text.contains("notelint lint --staged"))
        }

        /// Runs the installed hook through `git commit`, with a stand-in `notelint` that records its arguments.
        @Test func gitCommitRunsTheHookAndStopsWhenNotelintFails() throws {
            let repo = try TemporaryGitRepository()
            _ = try HookInstaller.install(in: repo.repository, force: false)
            let bin = repo.folder + "/bin"
            let record = repo.folder + "/arguments"
            let realGit = try #require(GitCommand.find(onPath: repo.git.environment["PATH"] ?? ""))
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            // Only git on PATH: no notelint the machine may have installed can stand in for the fake.
            try FileManager.default.createSymbolicLink(atPath: bin + "/git", withDestinationPath: realGit)
            var git = repo.git
            git.environment["PATH"] = bin

            try repo.write("note.md", TemporaryGitRepository.note("note"))
            try repo.run("add", "note.md")
            let withoutNotelint = try git.run(["commit", "-q", "-m", "no notelint"], in: repo.root)
            #expect(withoutNotelint.status != 0)
            #expect(withoutNotelint.standardError.contains("notelint is not on PATH"))

            let fake = Array("#!/bin/sh\necho \"$@\" > '\(record)'\nexit ${NOTELINT_STATUS:-0}\n".utf8)
            try Data(fake).write(to: URL(fileURLWithPath: bin + "/notelint"))
            chmod(bin + "/notelint", 0o755)
            git.environment["NOTELINT_STATUS"] = "1"
            #expect(try git.run(["commit", "-q", "-m", "notelint fails"], in: repo.root).status != 0)
            #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: record)), as: UTF8.self) == "lint --staged\n")
            #expect(try repo.run("rev-list", "--all").isEmpty)

            git.environment["NOTELINT_STATUS"] = "0"
            #expect(try git.run(["commit", "-q", "-m", "notelint passes"], in: repo.root).status == 0)
            #expect(try !repo.run("rev-list", "--all").isEmpty)
        }
    }
}
