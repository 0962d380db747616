#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a note's bytes with POSIX calls, only as far as the front matter needs: bodies can be megabytes.
public enum NoteReader {
    public enum Failure: Error, Sendable, Equatable {
        /// `errno`'s text, such as "Permission denied".
        case unreadable(String)
        /// A directory, FIFO, socket or device: never opened, since reading one could block or never end.
        case notRegularFile(String)
        /// The file opened, links resolved, lies outside the run's roots: it was not read.
        case outsideBoundary
        /// A file of the kernel's pseudo file systems (`/proc`, `/sys`, `/dev`): why, never read.
        case specialFile(String)

        /// Why, in a few words, for messages about files other than notes (configuration, word lists).
        public var reason: String {
            switch self {
            case .unreadable(let text): text
            case .notRegularFile(let what): "not a regular file: \(what)"
            case .outsideBoundary: "it lies outside the folder being linted (a symbolic link leads out of it)"
            case .specialFile(let why): "not read: \(why)"
            }
        }
    }

    public struct Prefix: Sendable {
        /// The bytes read: at least through the closing fence, or the whole file.
        public var bytes: [UInt8]
        public var split: FrontMatterSplit?
        /// True when `bytes` is the whole file.
        public var isWholeFile: Bool
    }

    /// Reads until the front matter is closed, the file ends, or `limit` bytes were read without a closing fence
    /// (then `split` is nil).
    public static func readFrontMatter(path: String, limit: Int, boundary: ReadBoundary = .unbounded) -> Result<Prefix, Failure> {
        let descriptor: Int32
        switch openRegularFile(path, boundary: boundary) {
        case .success(let opened): descriptor = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = 16 * 1024
        while true {
            let before = bytes.count
            switch append(from: descriptor, into: &bytes, upTo: chunk) {
            case .failure(let failure): return .failure(failure)
            case .success: break
            }
            let atEnd = bytes.count - before < chunk
            if let split = bytes.withUnsafeBufferPointer({ FrontMatterSplitter.split($0, atEndOfFile: atEnd) }) {
                return .success(Prefix(bytes: bytes, split: split, isWholeFile: atEnd))
            }
            if bytes.count > limit {
                return .success(Prefix(bytes: bytes, split: nil, isWholeFile: false))
            }
            chunk = min(chunk * 2, 4 << 20)
        }
    }

    /// Reads a whole regular file.
    public static func readAll(path: String, boundary: ReadBoundary = .unbounded) -> Result<[UInt8], Failure> {
        readAll(path: path, boundary: boundary, limit: .max)
    }

    /// Reads a whole regular file; one longer than `limit` bytes is refused, read no further than that.
    public static func readAll(path: String, boundary: ReadBoundary, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor: Int32
        switch openRegularFile(path, boundary: boundary) {
        case .success(let opened): descriptor = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        while true {
            let before = bytes.count
            if case .failure(let failure) = append(from: descriptor, into: &bytes, upTo: 1 << 20) { return .failure(failure) }
            if bytes.count > limit { return .failure(.unreadable("larger than \(limit) bytes")) }
            if bytes.count == before { return .success(bytes) }
        }
    }

    /// Opens a regular file for reading, and keeps it open only if the file actually opened may be read: inside
    /// `boundary`, and not on one of the kernel's pseudo file systems. Where it lies is asked of the descriptor,
    /// not the name, so that a link swapped after any earlier check cannot lead elsewhere.
    static func openRegularFile(_ path: String, boundary: ReadBoundary) -> Result<Int32, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.unreadable(errorText())) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(.notRegularFile(kindName(info.st_mode)))
        }
        // O_NONBLOCK: if the path was swapped for a FIFO since stat, open must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(.unreadable(errorText())) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(.notRegularFile(kindName(opened.st_mode)))
        }
        guard let canonical = ReadBoundary.canonicalPath(ofDescriptor: descriptor, openedAs: path) else {
            close(descriptor)
            return .failure(.unreadable("cannot tell where the file lies"))
        }
        if let reason = ReadBoundary.specialFileSystem(canonical: canonical, device: UInt64(opened.st_dev)) {
            close(descriptor)
            return .failure(.specialFile(reason))
        }
        guard boundary.contains(canonical: canonical) else {
            close(descriptor)
            return .failure(.outsideBoundary)
        }
        return .success(descriptor)
    }

    /// Appends up to `count` bytes; stops early only at end of file.
    private static func append(from descriptor: Int32, into bytes: inout [UInt8], upTo count: Int) -> Result<Void, Failure> {
        // Read into scratch memory and append once: growing the array element by element, or zero-filling it
        // first, costs more than the read itself for the small files that are the common case.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { scratch in
            var filled = 0
            var failure: Failure?
            while filled < count {
                let got = read(descriptor, scratch.baseAddress! + filled, count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(errorText())
                    break
                }
                if got == 0 { break }
                filled += got
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<filled]))
            if let failure { return .failure(failure) }
            return .success(())
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }
}
