import NotelintCore
import NotelintEngine

/// What the subcommands print: through the library's one writer of standard streams.
enum Output {
    static func write(_ text: String) {
        try? StandardStreams.write(text)
    }

    /// A `notelint: …` line on standard error.
    static func error(_ text: String) {
        try? StandardStreams.write("notelint: " + text + "\n", to: 2)
    }

    struct WriteFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// A file written whole or not at all.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        if case .failure(let failure) = AtomicFileWriter.save(path, bytes) {
            throw WriteFailure(description: "\(path): cannot write: \(failure)")
        }
    }
}
