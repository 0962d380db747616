import Foundation

/// Paths of the repository and of the shared test data beside it, found from this file's location.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func inRepository(_ relative: String) -> String { root + "/" + relative }

    /// `../shared/…` next to the repository.
    static func shared(_ relative: String) -> String {
        URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared/" + relative).path
    }
}
