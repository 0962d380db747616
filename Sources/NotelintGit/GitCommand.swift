import NotelintText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts git with an argument array, never through a shell, so that no path is ever split or expanded.
public struct GitCommand: Sendable {
    /// git's environment. Inherited by default: inside a hook, `git commit` passes `GIT_INDEX_FILE` (a temporary
    /// index for `git commit -a` or `git commit PATH`), and git must read that index, not the usual one.
    public var environment: [String: String]
    /// A git executable to use instead of the `git` found on the environment's `PATH`.
    public var executable: String?

    public init(executable: String? = nil, environment: [String: String] = ChildProcess.inheritedEnvironment()) {
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
        var environment = environment
        // git's own messages in English, so that the few this code tells apart are recognised in every locale.
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        let finished: ChildProcess.Finished
        do {
            finished = try ChildProcess.run(executable, arguments: ["-C", directory] + arguments, environment: environment)
        } catch {
            throw .couldNotRun(error.reason)
        }
        let message = String(decoding: finished.standardError, as: UTF8.self).trimmingCharacters(in: " \n")
        return Output(status: finished.status, standardOutput: finished.standardOutput, standardError: message)
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

/// Starts a program with an argument array and collects what it writes, on the C library alone: standard input is
/// /dev/null, standard output and standard error are read through two pipes at once. Only `GitCommand` uses it.
@usableFromInline
enum ChildProcess {
    struct Finished {
        /// The exit status, or the number of the signal that ended the program.
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
    }

    struct Failure: Error {
        var reason: String
    }

    /// The environment this process was started with, as `NAME=value` entries; the first of a repeated name wins,
    /// as with `getenv`.
    @usableFromInline
    static func inheritedEnvironment() -> [String: String] {
        #if canImport(Darwin)
        guard let entries = _NSGetEnviron()?.pointee else { return [:] }
        #else
        let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard let entries = table else { return [:] }
        #endif
        var environment: [String: String] = [:]
        var index = 0
        while let entry = entries[index] {
            index += 1
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry))
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: bytes[..<equals], as: UTF8.self)
            if environment[name] == nil { environment[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self) }
        }
        return environment
    }

    /// Runs `executable` with `arguments` (after its own path as `argv[0]`) in a process group of its own, and
    /// waits for it. Only a failure to start it, to read its output or to learn its status is thrown.
    static func run(_ executable: String, arguments: [String], environment: [String: String]) throws(Failure) -> Finished {
        let output = try makePipe()
        let errors: (read: Int32, write: Int32)
        do {
            errors = try makePipe()
        } catch {
            close(output.read)
            close(output.write)
            throw error
        }
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments: arguments, environment: environment, output: output.write, errors: errors.write)
        } catch {
            for descriptor in [output.read, output.write, errors.read, errors.write] { close(descriptor) }
            throw error
        }
        close(output.write)
        close(errors.write)
        // Both pipes are drained at once: the child blocks when either fills, so reading one to its end first
        // could hang.
        let collected = drain(output.read, errors.read)
        let status = try wait(for: pid)
        if let failure = collected.failure { throw Failure(reason: "cannot read git's output: \(failure)") }
        return Finished(status: status, standardOutput: collected.output, standardError: collected.errors)
    }

    /// A pipe whose ends are closed on exec and are not 0, 1 or 2: the child's standard streams are made from them
    /// with `dup2`, which must not find one of them already in place of another (when this process was started
    /// with a standard stream closed). Another thread's child may inherit the ends between `pipe` and `fcntl`, but
    /// the C library closes every other descriptor in the child (below), except on a glibc older than 2.34.
    private static func makePipe() throws(Failure) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw Failure(reason: "cannot create a pipe: \(errorText())") }
        for index in descriptors.indices {
            _ = fcntl(descriptors[index], F_SETFD, FD_CLOEXEC)
            guard descriptors[index] <= 2 else { continue }
            let moved = fcntl(descriptors[index], F_DUPFD_CLOEXEC, 3)
            guard moved >= 0 else {
                let reason = errorText()
                for descriptor in descriptors { close(descriptor) }
                throw Failure(reason: "cannot create a pipe: \(reason)")
            }
            close(descriptors[index])
            descriptors[index] = moved
        }
        return (descriptors[0], descriptors[1])
    }

    private static func spawn(
        _ executable: String, arguments: [String], environment: [String: String], output: Int32, errors: Int32
    ) throws(Failure) -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        guard posix_spawn_file_actions_init(&actions) == 0 else { throw Failure(reason: "cannot prepare to start git") }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { throw Failure(reason: "cannot prepare to start git") }
        defer { posix_spawnattr_destroy(&attributes) }

        var flags = Int32(POSIX_SPAWN_SETPGROUP)
        #if canImport(Darwin)
        // Only the descriptors set up below reach the child.
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        var prepared = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) == 0
            && posix_spawn_file_actions_adddup2(&actions, output, 1) == 0
            && posix_spawn_file_actions_adddup2(&actions, errors, 2) == 0
            && posix_spawnattr_setflags(&attributes, Int16(flags)) == 0
            && posix_spawnattr_setpgroup(&attributes, 0) == 0
        #if canImport(Glibc)
        // Only the descriptors set up above reach the child, where the C library can close the others (glibc 2.34
        // and later); elsewhere those that this code opens are closed on exec all the same.
        if prepared, let closeFrom = closeFromAction() { prepared = closeFrom(&actions, 3) == 0 }
        #endif
        guard prepared else { throw Failure(reason: "cannot prepare to start git: \(errorText())") }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for entry in envp { free(entry) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(reason: "\(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    #if canImport(Glibc)
    private typealias CloseFromAction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// `posix_spawn_file_actions_addclosefrom_np`, looked up when git is started, since older C libraries lack it.
    private static func closeFromAction() -> CloseFromAction? {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFromAction.self)
    }
    #endif

    /// Reads both descriptors to their ends, then closes them.
    private static func drain(_ output: Int32, _ errors: Int32) -> (output: [UInt8], errors: [UInt8], failure: String?) {
        var collected: [[UInt8]] = [[], []]
        var descriptors = [output, errors].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var failure: String?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while failure == nil, descriptors.contains(where: { $0.fd >= 0 }) {
            // Negative descriptors, those already at their end, are left out by poll.
            guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 else {
                if errno != EINTR { failure = errorText() }
                continue
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    collected[index].append(contentsOf: buffer[0..<count])
                    continue
                }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errorText()
                }
                close(descriptors[index].fd)
                descriptors[index].fd = -1
            }
        }
        for descriptor in descriptors where descriptor.fd >= 0 { close(descriptor.fd) }
        return (collected[0], collected[1], failure)
    }

    /// Waits for the child to end: its exit status, or the number of the signal that ended it.
    private static func wait(for pid: pid_t) throws(Failure) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(reason: "cannot learn how git ended: \(errorText())") }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
