/// The base protocol's framing: `Content-Length: N` and other header lines, each ended by CRLF, an empty line,
/// then N bytes of JSON. `MessageFramer` is fed bytes as they arrive and hands out whole bodies; it never
/// crashes, never waits for more than a frame's declared length, and gets past a bad header.
public struct MessageFramer: Sendable {
    /// What the next frame holds.
    public enum Frame: Sendable, Equatable {
        case body([UInt8])
        /// A header that cannot be read; its bytes are dropped and reading goes on after it.
        case malformedHeader(String)
    }

    /// A body larger than this is refused: its header is reported and its bytes skipped.
    public static let maxBodyLength = 64 << 20
    /// Headers longer than this without an empty line are garbage.
    public static let maxHeaderLength = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of a refused body still to skip.
    private var skipping = 0

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet handed out.
    public var pendingCount: Int { buffer.count - start }

    /// The next frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let taken = min(skipping, buffer.count - start)
            start += taken
            skipping -= taken
            compact()
            if skipping > 0 { return nil }
        }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maxHeaderLength {
                // No empty line in sight: drop up to the last line break, or everything, and report it.
                start = buffer.count
                compact()
                return .malformedHeader("header longer than \(Self.maxHeaderLength) bytes")
            }
            return nil
        }
        let header = buffer[start..<headerEnd]
        let bodyStart = headerEnd + 4
        switch Self.contentLength(of: header) {
        case .failure(let reason):
            start = bodyStart
            compact()
            return .malformedHeader(reason.text)
        case .success(let length):
            if length > Self.maxBodyLength {
                start = bodyStart
                skipping = length
                compact()
                return .malformedHeader("body of \(length) bytes is larger than \(Self.maxBodyLength)")
            }
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            compact()
            return .body(body)
        }
    }

    private func findHeaderEnd() -> Int? {
        var index = start
        let end = buffer.count - 3
        while index < end {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16, start > buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    struct Reason: Error { var text: String }

    /// `Content-Length` from the header lines; `Content-Type` and other fields are accepted and ignored.
    static func contentLength(of header: ArraySlice<UInt8>) -> Result<Int, Reason> {
        var length: Int?
        for line in header.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(Reason(text: "header line without `:`"))
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = line[(colon + 1)...].drop(while: { $0 == 0x20 || $0 == 0x09 })
            guard name == "content-length" else { continue }
            var trimmed = value
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            guard !trimmed.isEmpty, trimmed.count <= 12, trimmed.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return .failure(Reason(text: "Content-Length is not a number"))
            }
            length = trimmed.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let length else { return .failure(Reason(text: "no Content-Length header")) }
        return .success(length)
    }

    /// One message framed for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
