import Foundation

/// Runs the built `notelint` binary, as users and hooks do. `make test` builds it before the tests run.
struct CommandRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Why no binary can be run: none is built, or each is older than a source it is built from. Tests that need
    /// the binary fail with this message; they never skip, and never run a stale build.
    struct BinaryProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// The built binary (debug, else release) that is newer than every file it is built from; checked once a process.
    static var binary: String {
        get throws { try located.get() }
    }

    static let located: Swift.Result<String, BinaryProblem> = {
        let newest = newestSource()
        var problems: [String] = []
        for candidate in [".build/debug/notelint", ".build/release/notelint"] {
            let path = RepositoryPaths.inRepository(candidate)
            guard FileManager.default.isExecutableFile(atPath: path), let built = modificationTime(path) else {
                problems.append("\(candidate) is not built")
                continue
            }
            if let newest, newest.time > built {
                problems.append("\(candidate) is older than \(newest.path), changed since it was built")
                continue
            }
            return .success(path)
        }
        return .failure(BinaryProblem(description: "no up-to-date notelint binary: " + problems.joined(separator: "; ")
            + ". Run `swift build` (`make test` does) before the tests."))
    }()

    /// What the binary is built from: the sources of its targets and the package manifest.
    /// Every target's sources: `swift build` builds them all, and the binary links most of them.
    static let binarySources = ["Sources", "Package.swift", "Package.resolved"]

    /// The most recently modified file of `binarySources`, relative to the repository.
    static func newestSource() -> (path: String, time: Double)? {
        var newest: (path: String, time: Double)?
        func consider(_ relative: String) {
            guard let time = modificationTime(RepositoryPaths.inRepository(relative)) else { return }
            if newest == nil || time > newest!.time { newest = (relative, time) }
        }
        for source in binarySources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: RepositoryPaths.inRepository(source), isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                consider(source)
                continue
            }
            let files = FileManager.default.enumerator(atPath: RepositoryPaths.inRepository(source))
            while let file = files?.nextObject() as? String { consider(source + "/" + file) }
        }
        return newest
    }

    static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], in folder: String, input: Data? = nil, environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_ACTIONS"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }

    static func notelint(
        _ arguments: [String], in folder: String, input: Data? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        try run(try binary, arguments, in: folder, input: input, environment: environment)
    }

    static func git(_ arguments: [String], in folder: String) throws {
        let result = try run("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments, in: folder)
        guard result.status == 0 else { throw GitFailure(message: result.error) }
    }

    struct GitFailure: Error { var message: String }

    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
