import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's content so that readers and crashes see either the old or the new file, never a mix:
/// a temporary file in the same folder, written and flushed, takes the original's permission bits (and owner, where
/// allowed), then is renamed over it. Through a symlink, the link's target is replaced and the link kept — and only
/// when that target lies inside the run's boundary: a fix never writes outside the folders being linted.
public enum AtomicFileWriter {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case changedOnDisk
        case io(String)

        public var description: String {
            switch self {
            case .changedOnDisk: "the file changed on disk while it was being fixed; left untouched"
            case .io(let reason): reason
            }
        }
    }

    /// Writes `bytes` to `path` if the file still holds `expected` and lies, links resolved, inside `boundary`.
    public static func replace(
        _ path: String, with bytes: [UInt8], expecting expected: [UInt8], boundary: ReadBoundary = .unbounded
    ) -> Result<Void, Failure> {
        let target = resolvedTarget(path)
        guard boundary.contains(canonical: target) else {
            return .failure(.io("it lies outside the folder being linted (a symbolic link leads out of it)"))
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return .failure(.io("cannot stat: \(errorText())")) }
        let directory = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let name = target.split(separator: "/").last.map(String.init) ?? target
        var template = Array((directory + "/." + Self.shortened(name) + ".notelint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(.io("cannot create a temporary file: \(errorText())")) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func abandon(_ failure: Failure) -> Result<Void, Failure> {
            close(descriptor)
            unlink(temporary)
            return .failure(failure)
        }
        var written = 0
        // An injected full disk takes half the bytes, then refuses the rest.
        let diskFull = Fault.injected(.write, name)
        while written < bytes.count {
            let length = diskFull ? min(bytes.count - written, bytes.count / 2) : bytes.count - written
            let result = diskFull && written >= bytes.count / 2 ? Fault.fail(ENOSPC)
                : bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress! + written, length) }
            if result < 0 {
                if errno == EINTR { continue }
                return abandon(.io("cannot write: \(errorText())"))
            }
            written += result
        }
        // The owner too, where allowed (a note fixed by root in a mounted folder stays its user's); else the
        // file becomes the fixer's, as with any editor that saves by renaming.
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { return abandon(.io("cannot set permissions: \(errorText())")) }
        guard (Fault.injected(.fsync, name) ? Fault.fail(EIO) : Int(fsync(descriptor))) == 0 else {
            return abandon(.io("cannot flush: \(errorText())"))
        }
        // Last check before the swap: someone else may have saved the note meanwhile. Between this read and the
        // rename a save can still slip in and be replaced; two notelint runs compute the same fix, so between them
        // the outcome is the same either way (scripts/test-fix-interruptions.py runs two at once).
        guard case .success(let current) = NoteReader.readAll(path: target, boundary: boundary), current == expected else {
            return abandon(.changedOnDisk)
        }
        guard (Fault.injected(.rename, name) ? Fault.fail(ENOSPC) : Int(rename(temporary, target))) == 0 else {
            return abandon(.io("cannot replace the file: \(errorText())"))
        }
        close(descriptor)
        return .success(())
    }

    /// Creates or replaces a file of notelint's own (a report, a baseline) whole: readers see the old file or
    /// the new one, never a part. A new file gets the usual permissions (0644 less the umask).
    public static func save(_ path: String, _ bytes: [UInt8]) -> Result<Void, Failure> {
        let directory = PathText.directory(of: path)
        let name = PathText.fileName(of: path)
        var template = Array((directory + "/." + Self.shortened(name) + ".notelint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(.io("cannot create a temporary file: \(errorText())")) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(descriptor) }
        var info = stat()
        let mode: mode_t
        if stat(path, &info) == 0 {
            mode = info.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        if let reason = bytes.withUnsafeBufferPointer({ DescriptorWriter.writeAll($0, to: descriptor) }) {
            unlink(temporary)
            return .failure(.io("cannot write: \(reason)"))
        }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0, rename(temporary, path) == 0 else {
            let failure = Failure.io(errorText())
            unlink(temporary)
            return .failure(failure)
        }
        return .success(())
    }

    /// Failures that tests provoke on purpose, in debug builds only: `NOTELINT_FAULT=STAGE:NAME` makes writing the
    /// note whose file name (after following links) is NAME fail at STAGE — `write` (no space left on the device, after half the bytes),
    /// `fsync` (an input/output error) or `rename` (no space left on the device). Release builds compile the
    /// variable out: no environment makes them fail on purpose.
    enum Fault: String {
        case write, fsync, rename

        #if DEBUG
        static let requested: (stage: Fault, name: String)? = {
            guard let value = getenv("NOTELINT_FAULT").map({ String(cString: $0) }),
                let colon = value.firstIndex(of: ":"), let stage = Fault(rawValue: String(value[..<colon]))
            else { return nil }
            return (stage, String(value[value.index(after: colon)...]))
        }()
        #endif

        static func injected(_ stage: Fault, _ name: String) -> Bool {
            #if DEBUG
            guard let requested else { return false }
            return requested.stage == stage && requested.name == name
            #else
            return false
            #endif
        }

        /// What a failed system call returns, with `errno` set as it would be.
        static func fail(_ code: Int32) -> Int {
            errno = code
            return -1
        }
    }

    /// At most 100 bytes of a file name, cut between characters: the temporary file's name adds 17 bytes, and a
    /// name of 255 (85 CJK characters) must still leave room under the usual limit.
    static func shortened(_ name: String) -> String {
        let utf8 = Array(name.utf8)
        guard utf8.count > 100 else { return name }
        // Back from the cut to the start of the character it falls in (continuation bytes are 10xxxxxx).
        var end = 100
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// The file a path finally names, following symlinks, so that a link stays a link.
    static func resolvedTarget(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        let length = strlen(resolved)
        return String(decoding: UnsafeRawBufferPointer(start: resolved, count: length), as: UTF8.self)
    }

    private static func errorText() -> String {
        let text = strerror(errno)!
        return String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
    }
}
