import NotelintLoader
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard streams, for every front end: whole writes (a short write or a signal does not cut
/// a report), and standard input read to its end.
public enum StandardStreams {
    public struct WriteFailed: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "cannot write to standard output: \(reason)" }
    }

    /// Writes all of `bytes` to `descriptor` (1: standard output, 2: standard error).
    public static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32 = 1) throws(WriteFailed) {
        let failure: WriteFailed? = bytes.withContiguousStorageIfAvailable { buffer in
            writeAll(buffer, to: descriptor)
        } ?? Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor) }
        if let failure { throw failure }
    }

    public static func write(_ text: String, to descriptor: Int32 = 1) throws(WriteFailed) {
        try write(Array(text.utf8), to: descriptor)
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> WriteFailed? {
        DescriptorWriter.writeAll(buffer, to: descriptor).map(WriteFailed.init(reason:))
    }

    /// Standard input, read to its end.
    public static func readInput() -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { buffer in
            while true {
                let count = read(0, buffer.baseAddress!, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
        return bytes
    }

    /// Colour for `auto`, `always` or `never`: `auto` colours a terminal unless `NO_COLOR` is set.
    public static func usesColor(_ setting: String) -> Bool {
        switch setting {
        case "always": return true
        case "never": return false
        default: return getenv("NO_COLOR") == nil && isatty(1) == 1
        }
    }

    /// An environment variable of this process.
    @Sendable public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
