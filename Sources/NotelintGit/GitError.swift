/// Why a question put to git got no answer. The descriptions are written for the command line.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `git` executable on `PATH` (or at the path given).
    case gitNotFound
    /// The path is not inside a git work tree.
    case notARepository(path: String)
    /// The revision names nothing git knows.
    case unknownRevision(String)
    /// The revision and `HEAD` share no history here, most often because a CI checkout is shallow.
    case noMergeBase(String)
    /// git ran and failed in a way not named above.
    case failed(arguments: [String], status: Int32, message: String)
    /// git could not be started, or its output could not be read.
    case couldNotRun(String)

    public var description: String {
        switch self {
        case .gitNotFound:
            "git is not installed or not on PATH"
        case .notARepository(let path):
            "\(path) is not inside a git work tree"
        case .unknownRevision(let revision):
            "git does not know the revision `\(revision)`"
        case .noMergeBase(let revision):
            "`\(revision)` and HEAD have no common history here; in a shallow clone, fetch more history "
                + "(for example `git fetch --unshallow`, or a checkout with full depth)"
        case .failed(let arguments, let status, let message):
            "`git \(arguments.joined(separator: " "))` failed with status \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .couldNotRun(let reason):
            "cannot run git: \(reason)"
        }
    }
}
