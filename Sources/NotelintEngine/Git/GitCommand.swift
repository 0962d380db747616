import Foundation

/// Starts git with an argument array, never through a shell, so that no path is ever split or expanded.
public struct GitCommand: Sendable {
    /// git's environment. Inherited by default: inside a hook, `git commit` passes `GIT_INDEX_FILE` (a temporary
    /// index for `git commit -a` or `git commit PATH`), and git must read that index, not the usual one.
    public var environment: [String: String]
    /// A git executable to use instead of the `git` found on the environment's `PATH`.
    public var executable: String?

    public init(executable: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.executable = executable
        self.environment = environment
    }

    struct Output {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: String

        var text: String { String(decoding: standardOutput, as: UTF8.self) }
        /// The first line, for answers of one path or revision.
        var line: String { String(text.prefix { $0 != "\n" }) }
    }

    /// Runs `git -C directory arguments…`. A non-zero status is returned, not thrown: some commands answer with it.
    func run(_ arguments: [String], in directory: String) throws(GitError) -> Output {
        guard let executable = executable ?? Self.find(onPath: environment["PATH"] ?? "/usr/bin:/bin"),
            access(executable, X_OK) == 0
        else { throw .gitNotFound }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", directory] + arguments
        var environment = environment
        // git's own messages in English, so that the few this code tells apart are recognised in every locale.
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .couldNotRun("\(error)")
        }
        // Both pipes are drained at once: git blocks when either fills, so reading one to its end first could hang.
        let collected = CollectedBytes()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            collected.bytes = [UInt8](errors.fileHandleForReading.readDataToEndOfFile())
        }
        let standardOutput = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        reader.wait()
        process.waitUntilExit()
        let message = String(decoding: collected.bytes, as: UTF8.self).trimmingCharacters(in: " \n")
        return Output(status: process.terminationStatus, standardOutput: standardOutput, standardError: message)
    }

    /// Like `run`, but any status other than 0 becomes an error.
    func succeed(_ arguments: [String], in directory: String) throws(GitError) -> Output {
        let output = try run(arguments, in: directory)
        guard output.status == 0 else {
            throw .failed(arguments: arguments, status: output.status, message: output.standardError)
        }
        return output
    }

    static func find(onPath path: String) -> String? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder.hasSuffix("/") ? "\(folder)git" : "\(folder)/git"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Standard error's bytes, written by the reading thread and read only after it has finished.
private final class CollectedBytes: @unchecked Sendable {
    var bytes: [UInt8] = []
}
