import NotelintLoader
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the git pre-commit hook that runs `notelint lint --staged`, for `notelint install-hook`.
///
/// A hook notelint wrote carries `marker`, and installing again replaces it; any other hook (a hand-written one,
/// or the pre-commit framework's) is left alone unless forced, since replacing it would silently drop its checks.
public enum HookInstaller {
    public static let marker = "# Written by `notelint install-hook`, which replaces this file while this line is in it."

    /// Runs the `notelint` found on `PATH`, so that the hook keeps working when notelint is rebuilt or moved.
    public static let script = """
        #!/bin/sh
        \(marker)
        # Checks the staged content of each staged note before a commit; `git commit --no-verify` skips the check.
        if ! command -v notelint >/dev/null 2>&1; then
            echo "pre-commit hook: notelint is not on PATH; install it, or commit with --no-verify" >&2
            exit 1
        fi
        exec notelint lint --staged

        """

    public enum Outcome: Sendable, Equatable {
        /// There was no pre-commit hook.
        case installed
        /// A hook notelint wrote earlier was replaced.
        case updated
        /// A hook notelint did not write was replaced, as `force` allowed.
        case replacedOtherHook
    }

    public struct Installation: Sendable, Equatable {
        public var path: String
        public var outcome: Outcome
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case otherHookExists(path: String)
        case git(GitError)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .otherHookExists(let path):
                "\(path) already exists and was not written by notelint; keep it and call `notelint lint --staged` "
                    + "from it, or replace it with `notelint install-hook --force`"
            case .git(let error):
                error.description
            case .cannotWrite(let path, let reason):
                "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes `script` as the repository's executable pre-commit hook.
    public static func install(in repository: GitRepository, force: Bool) throws(Failure) -> Installation {
        let directory: String
        do {
            directory = try repository.hooksDirectory()
        } catch {
            throw .git(error)
        }
        let path = directory + "/pre-commit"
        let outcome: Outcome
        switch existingHook(at: path) {
        case nil: outcome = .installed
        case let bytes? where isNotelintHook(bytes): outcome = .updated
        case _? where force: outcome = .replacedOtherHook
        case _?: throw .otherHookExists(path: path)
        }
        if let reason = createDirectories(directory) {
            throw .cannotWrite(path: path, reason: "cannot create \(directory): \(reason)")
        }
        if let reason = writeExecutable(Array(script.utf8), to: path) { throw .cannotWrite(path: path, reason: reason) }
        return Installation(path: path, outcome: outcome)
    }

    public static func isNotelintHook(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0.trimmingCharacters(in: "\r") == marker }
    }

    /// The hook's bytes, empty when it cannot be read (a directory, a dangling link); nil when nothing is there.
    private static func existingHook(at path: String) -> [UInt8]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (try? NoteReader.readAll(path: path).get()) ?? []
    }

    /// Creates `directory` and the folders above it that are missing, like `mkdir -p`; the reason when it cannot.
    private static func createDirectories(_ directory: String) -> String? {
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            path += "/" + component
            var info = stat()
            // Already there, as a folder or a link to one.
            if stat(path, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else { return String(cString: strerror(ENOTDIR)) }
                continue
            }
            guard mkdir(path, 0o777) != 0 else { continue }
            let failure = errno
            // Made meanwhile by another process.
            if failure == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
            return String(cString: strerror(failure == EEXIST ? ENOTDIR : failure))
        }
        return nil
    }

    /// Writes a temporary file beside `path`, executable, then renames it over `path`: git never runs half a hook.
    private static func writeExecutable(_ bytes: [UInt8], to path: String) -> String? {
        var template = Array((path + ".notelint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { break }
            written += result
        }
        // rwxr-xr-x like git's sample hooks, whatever the umask gave the temporary file.
        let failure = written < bytes.count || fchmod(descriptor, 0o755) != 0 ? String(cString: strerror(errno)) : nil
        close(descriptor)
        guard failure == nil, rename(temporary, path) == 0 else {
            let reason = failure ?? String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        return nil
    }
}
