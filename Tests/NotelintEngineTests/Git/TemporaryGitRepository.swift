import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintGit
@testable import NotelintReporters
@testable import NotelintSchema

/// Groups every suite that runs real git, so that `swift test --filter Git` runs them all.
@Suite("Git") enum GitTests {}

/// A fresh repository in a temporary folder whose name has a space in it, removed when the test is done.
///
/// git runs with a home folder of its own and no system configuration, so that a developer's settings
/// (`core.hooksPath`, commit signing, `diff.relative`, …) cannot change what the tests see, nor the tests
/// write into the developer's own hooks.
final class TemporaryGitRepository {
    let folder: String
    let root: String
    let git: GitCommand

    var repository: GitRepository { GitRepository(root: root, git: git) }

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/notelint-git-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a temporary folder")
        // git reports the root with symbolic links resolved; so must the expected paths.
        folder = URL(fileURLWithPath: String(cString: created!)).resolvingSymlinksInPath().path
        root = folder + "/notes repo"
        let home = folder + "/home"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        git = GitCommand(environment: environment)
        try run("init", "-q", "-b", "main")
        try run("config", "user.name", "Note Tester")
        try run("config", "user.email", "tester@example.org")
        try run("config", "commit.gpgsign", "false")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// Runs git in the work tree and returns what it printed; a failure fails the test.
    @discardableResult
    func run(_ arguments: String...) throws -> String {
        try git.succeed(arguments, in: root).text
    }

    /// `git mv`, into a folder it first creates: git does not make the destination's folders.
    func move(_ source: String, to destination: String) throws {
        let folder = URL(fileURLWithPath: path(destination)).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try run("mv", source, destination)
    }

    func commitAll(_ message: String) throws {
        try run("add", "-A")
        try run("commit", "-q", "-m", message)
    }

    /// A note with front matter, different for each `title` so that renames are still recognised as such.
    static func note(_ title: String, body: String = "Body.") -> String {
        "---\ntitle: \(title)\ntags: [war]\n---\n\(body)\n"
    }
}
