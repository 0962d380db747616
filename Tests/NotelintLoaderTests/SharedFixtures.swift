import Foundation
import Testing

/// Files shared by the project's checkouts: the seed note, the conformance suites and the real-world corpora.
/// They sit next to the repository, at `../shared`; tests fail (never skip) when they are missing.
enum SharedFixtures {
    /// This file is `<repo>/Tests/NotelintLoaderTests/SharedFixtures.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let root = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The bytes of a shared file, recording a test failure when it is absent.
    static func bytes(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8]? {
        let path = path(relative)
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing shared fixture \(path): the shared folder must sit next to the repository", sourceLocation: sourceLocation)
            return nil
        }
        return [UInt8](data)
    }

    static func requireDirectory(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let path = path(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            Issue.record("missing shared folder \(path): the shared folder must sit next to the repository", sourceLocation: sourceLocation)
            return nil
        }
        return path
    }
}

/// A scratch directory removed when the test ends.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    var path: String { url.path }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }
}
