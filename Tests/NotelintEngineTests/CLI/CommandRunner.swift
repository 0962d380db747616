import Foundation

/// Runs the built `notelint` binary, as users and hooks do. `make test` builds it before the tests run.
struct CommandRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static let binary: String = {
        let candidates = [".build/debug/notelint", ".build/release/notelint"].map { RepositoryPaths.inRepository($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

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
        try run(binary, arguments, in: folder, input: input, environment: environment)
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
