import Foundation

/// A fresh folder under the system's temporary folder for one fix test, removed with everything in it (after
/// giving back any permission the test took away) when the test lets go of it.
final class FixTestFolder {
    let path: String

    init() throws {
        // Resolved: the atomic writer follows symlinks, and paths in reports should match ours.
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
        path = base + "/notelint-fix-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        _ = chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func read(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return [UInt8](data)
    }

    /// Names in the folder, hidden ones included (the writer's temporary files start with a dot).
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
