import Foundation
import NotelintCore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one run of the binary ended, how long it took and how much memory it held at its peak.
struct HostileRun {
    /// The exit code; `nil` when a signal ended the process.
    var status: Int32?
    var signal: Int32?
    var timedOut: Bool
    var seconds: Double
    var peakMemoryBytes: Int
    var output: String
    var error: String

    var peakMegabytes: Double { Double(peakMemoryBytes) / (1024 * 1024) }

    /// The `--format json` report.
    func report() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(object as? [String: Any], "not a JSON report: \(output.prefix(500))")
    }

    func filesChecked() throws -> Int? {
        (try report()["summary"] as? [String: Any])?["filesChecked"] as? Int
    }

    /// The findings, but for those of the collection rules: the hostile notes are variants of one good note and share
    /// its title and source, which those rules rightly report. What these tests look at is how each note is read.
    func diagnostics() throws -> [[String: Any]] {
        (try report()["diagnostics"] as? [[String: Any]] ?? []).filter { !Self.collectionRules.contains($0["rule"] as? String ?? "") }
    }

    static let collectionRules: Set<String> = {
        var ids: Set<String> = []
        for rule in RuleRegistry.all where rule.needsCorpus && !(rule is any CollectionRule.Type) { ids.insert(rule.description.id) }
        return ids
    }()

    /// Diagnostics of the note named `name` (the report spells paths as given, `./name` or `folder/name`).
    func diagnostics(of name: String) throws -> [[String: Any]] {
        try diagnostics().filter { diagnostic in
            let path = diagnostic["path"] as? String ?? ""
            return path == name || path.hasSuffix("/" + name)
        }
    }

    /// `rule@line:column` for each diagnostic of `name`, in report order.
    func findings(of name: String) throws -> [String] {
        try diagnostics(of: name).map { "\($0["rule"] as? String ?? "?")@\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)" }
    }
}

/// Runs the built `notelint` on hostile input: with a wall-clock limit (the process is killed when it passes it),
/// output into files rather than pipes (so a flood of output cannot stall it), and its peak resident memory
/// taken from `wait4`.
///
/// `NOTELINT_BINARY` runs another build (`scripts/sanitizers.sh` points it at the sanitized one);
/// `NOTELINT_HOSTILE_SCALE` multiplies every time and memory bound (sanitizers are slower and larger);
/// `NOTELINT_HOSTILE_LOG` names a file to which each run appends its name, seconds and peak megabytes.
enum HostileRunner {
    static let environment = ProcessInfo.processInfo.environment

    static var binary: String {
        get throws {
            if let chosen = environment["NOTELINT_BINARY"] { return chosen.hasPrefix("/") ? chosen : RepositoryPaths.inRepository(chosen) }
            return try CommandRunner.binary
        }
    }

    static var scale: Double { environment["NOTELINT_HOSTILE_SCALE"].flatMap(Double.init) ?? 1 }

    /// The date the runs treat as today, so that the good note's date checks never drift.
    static let today = "2025-06-01"

    /// `wrapper` runs the binary through another program (`setpriv` to drop root), given as its absolute path
    /// and arguments.
    static func run(
        _ arguments: [String], in folder: String, seconds limit: Double, wrapper: [String] = [], label: String = #function
    ) throws -> HostileRun {
        let scratch = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outputPath = scratch + "/stdout"
        let errorPath = scratch + "/stderr"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard let addChdir = SpawnExtensions.addChdir else { throw Failure(message: "posix_spawn cannot change folders here") }
        guard addChdir(&actions, folder) == 0 else { throw Failure(message: "cannot spawn in \(folder)") }
        // Other tests' pipes are open in this process; a child holding them would delay those tests' reads.
        _ = SpawnExtensions.addCloseFrom?(&actions, 3)

        let binary = try Self.binary
        var environment = Self.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_ACTIONS"] = nil
        let argv = (wrapper + [binary] + arguments).map { strdup($0) } + [nil]
        let executable = wrapper.first ?? binary
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(message: "posix_spawn \(executable): \(String(cString: strerror(spawned)))") }

        let deadline = limit * scale
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var polledPeak = 0
        while true {
            polledPeak = max(polledPeak, Self.highWaterMark(of: String(pid)) ?? 0)
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw Failure(message: "wait4: \(String(cString: strerror(errno)))") }
            if Date().timeIntervalSince(started) > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                break
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(started)
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss)  // bytes
        #else
        // Linux counts the spawning process's peak into the child's (posix_spawn shares its memory until exec), so
        // a figure no larger than this process's own peak says nothing about the child: then the child's own
        // high-water mark, read from /proc while it ran, stands in.
        let reported = Int(usage.ru_maxrss) * 1024  // kilobytes
        let parentHighWater = Self.highWaterMark(of: "self")  // read after the spawn, so at least what was counted
        // The kernel's resident counts are kept per CPU and summed lazily, so the two figures can differ by more
        // than a few pages while other tests' threads allocate and free: the margin grows with this process.
        let margin = (4 << 20) + (parentHighWater ?? 0) / 16
        let peak = parentHighWater.map { reported > $0 + margin } == false ? max(polledPeak, 1) : reported
        #endif
        // The low 7 bits of the wait status are the terminating signal, 0 for a normal exit.
        let signal = status & 0x7F
        let run = HostileRun(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal, timedOut: timedOut,
            seconds: seconds, peakMemoryBytes: peak,
            output: Self.text(of: outputPath), error: Self.text(of: errorPath))
        if let log = Self.environment["NOTELINT_HOSTILE_LOG"], let handle = FileHandle(forWritingAtPath: log) {
            handle.seekToEndOfFile()
            handle.write(Data(String(format: "%@\t%.2f s\t%.0f MB\n", label, seconds, run.peakMegabytes).utf8))
            handle.closeFile()
        }
        return run
    }

    struct Failure: Error { var message: String }

    /// A file's bytes as text, read with POSIX calls: Foundation's readers leak their buffer on empty files
    /// (AddressSanitizer's leak check reports it), and most captured outputs are empty.
    static func text(of path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `VmHWM` of `/proc/PROCESS/status` in bytes: the peak resident size of the process's current program.
    static func highWaterMark(of process: String) -> Int? {
        #if os(Linux)
        let status = text(of: "/proc/\(process)/status")
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber))
        else { return nil }
        return kilobytes * 1024
        #else
        return nil
        #endif
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15) and `…_addclosefrom_np` (glibc 2.34) exist
    /// in the C library but are not imported into Swift; they are looked up by name.
    enum SpawnExtensions {
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

        static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
        static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

        private static func symbol<Function>(_ name: String) -> Function? {
            guard let address = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
            return unsafeBitCast(address, to: Function.self)
        }
    }

    /// What every hostile run must show: it ended by itself within `seconds`, not by a signal, with a documented
    /// exit code, and it held at most `megabytes` of memory.
    static func expectBounded(
        _ run: HostileRun, seconds: Double, megabytes: Double, exitCodes: Set<Int32> = [0, 1, 2],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!run.timedOut, "killed after \(seconds * scale) s", sourceLocation: sourceLocation)
        #expect(run.signal == nil, "ended by signal \(run.signal ?? 0): \(run.error.suffix(2000))", sourceLocation: sourceLocation)
        #expect(run.status.map { exitCodes.contains($0) } == true,
                "exit status \(run.status.map(String.init) ?? "none"), expected one of \(exitCodes.sorted()): \(run.error.suffix(2000))",
                sourceLocation: sourceLocation)
        #expect(run.peakMegabytes <= megabytes * scale,
                "peak memory \(Int(run.peakMegabytes)) MB, bound \(Int(megabytes * scale)) MB", sourceLocation: sourceLocation)
    }
}

/// A temporary folder holding a good note beside the hostile input, removed when the test ends.
final class HostileFolder {
    static let goodNoteName = "korean-war-origins.md"
    static let goodNote: [UInt8] = {
        let path = RepositoryPaths.inRepository("Fixtures/good/" + goodNoteName)
        return Array(FileManager.default.contents(atPath: path) ?? Data())
    }()

    static var goodText: String { String(decoding: goodNote, as: UTF8.self) }

    let path: String

    init(withGoodNote: Bool = true) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if withGoodNote { try write(Self.goodNoteName, Self.goodNote) }
    }

    /// Files and folders whose permissions a test took away; given back before the folder is removed.
    private var locked: [String] = []

    deinit {
        // Only what `lock` changed: chmod follows links, and the folder holds links to devices and other folders.
        for path in locked { chmod(path, 0o755) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Takes every permission away from `name` (a file or folder of this folder, not a link).
    func lock(_ name: String) -> Bool {
        let path = url(name)
        guard chmod(path, 0) == 0 else { return false }
        locked.append(path)
        return true
    }

    func url(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url(name)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw HostileRunner.Failure(message: "cannot create \(file)")
        }
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(name), withDestinationPath: destination)
    }

    /// `notelint lint --format json ARGS` (default `.`), run inside the folder.
    func lint(_ arguments: [String] = ["."], seconds: Double, label: String = #function) throws -> HostileRun {
        try run(["lint", "--format", "json", "--now", HostileRunner.today] + arguments, seconds: seconds, label: label)
    }

    /// `notelint ARGS`, run inside the folder (which lives at least as long as the run).
    func run(_ arguments: [String], seconds: Double, wrapper: [String] = [], label: String = #function) throws -> HostileRun {
        try HostileRunner.run(arguments, in: path, seconds: seconds, wrapper: wrapper, label: label)
    }
}
