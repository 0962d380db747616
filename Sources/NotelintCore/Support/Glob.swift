/// A gitignore-style glob over `/`-separated relative paths: `*` and `?` stay within a path segment,
/// `**` spans segments, `[abc]`/`[a-z]`/`[!a]` are classes. A pattern without `/` matches a file name at any depth.
///
/// Matching works on UTF-8 bytes (it runs for every file of a walk); `?` and classes match one Unicode scalar.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [[UInt8]]
    private static let globstar: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: "*")]

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasPrefix("/") {
            text.removeFirst()
        } else if !text.contains("/") {
            text = "**/" + text
        }
        if text.hasSuffix("/") { text += "**" }
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
    }

    public var description: String { pattern }

    public func matches(_ relativePath: String) -> Bool {
        var path = relativePath
        // `**/x`, the commonest pattern (`**/*.md`): only the path's last part can meet `x`, found without
        // splitting the path.
        if segments.count == 2, segments[0] == Self.globstar, segments[1] != Self.globstar {
            return path.withUTF8 { bytes in
                var end = bytes.count
                while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
                guard end > 0 else { return false }
                let start = (bytes[..<end].lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
                return segments[1].withUnsafeBufferPointer { patternBytes in
                    Self.matchSegment(patternBytes, 0, UnsafeBufferPointer(rebasing: bytes[start..<end]), 0)
                }
            }
        }
        return path.withUTF8 { bytes in
            var parts: [Range<Int>] = []
            parts.reserveCapacity(8)
            var start = 0
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "/") {
                if index > start { parts.append(start..<index) }
                start = index + 1
            }
            if bytes.count > start { parts.append(start..<bytes.count) }
            return match(0, parts[...], bytes)
        }
    }

    private func match(_ patternIndex: Int, _ path: ArraySlice<Range<Int>>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard patternIndex < segments.count else { return path.isEmpty }
        let segment = segments[patternIndex]
        if segment == Self.globstar {
            // `**/x` at the end, the commonest pattern (`**/*.md`): only the path's last part can meet `x`.
            if patternIndex + 2 == segments.count, segments[patternIndex + 1] != Self.globstar {
                guard let last = path.last else { return false }
                return segments[patternIndex + 1].withUnsafeBufferPointer { patternBytes in
                    Self.matchSegment(patternBytes, 0, UnsafeBufferPointer(rebasing: bytes[last]), 0)
                }
            }
            var remaining = path
            while true {
                if match(patternIndex + 1, remaining, bytes) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let part = path.first else { return false }
        let matched = segment.withUnsafeBufferPointer { patternBytes in
            Self.matchSegment(patternBytes, 0, UnsafeBufferPointer(rebasing: bytes[part]), 0)
        }
        return matched && match(patternIndex + 1, path.dropFirst(), bytes)
    }

    /// Length of the UTF-8 sequence starting with `byte`.
    private static func scalarLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0..<0xC0: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        default: 4
        }
    }

    private static func matchSegment(_ pattern: UnsafeBufferPointer<UInt8>, _ p: Int, _ text: UnsafeBufferPointer<UInt8>, _ t: Int) -> Bool {
        var p = p
        var t = t
        while p < pattern.count {
            let token = pattern[p]
            switch token {
            case UInt8(ascii: "*"):
                var candidate = t
                while true {
                    if matchSegment(pattern, p + 1, text, candidate) { return true }
                    guard candidate < text.count else { return false }
                    candidate += scalarLength(text[candidate])
                }
            case UInt8(ascii: "?"):
                guard t < text.count else { return false }
                t += scalarLength(text[t])
                p += 1
            case UInt8(ascii: "["):
                guard t < text.count, let close = (p + 1..<pattern.count).first(where: { pattern[$0] == UInt8(ascii: "]") && $0 > p + 1 }) else {
                    guard t < text.count, text[t] == token else { return false }
                    p += 1
                    t += 1
                    continue
                }
                let length = scalarLength(text[t])
                let character = scalar(text, t, length)
                var index = p + 1
                let negated = pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^")
                if negated { index += 1 }
                var found = false
                while index < close {
                    let low = scalar(pattern, index, scalarLength(pattern[index]))
                    index += scalarLength(pattern[index])
                    if index + 1 < close, pattern[index] == UInt8(ascii: "-") {
                        let high = scalar(pattern, index + 1, scalarLength(pattern[index + 1]))
                        index += 1 + scalarLength(pattern[index + 1])
                        if low <= character && character <= high { found = true }
                    } else if low == character {
                        found = true
                    }
                }
                guard found != negated else { return false }
                p = close + 1
                t += length
            default:
                guard t < text.count, text[t] == token else { return false }
                p += 1
                t += 1
            }
        }
        return t == text.count
    }

    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in start..<min(start + length, bytes.count) { value = value << 8 | UInt32(bytes[index]) }
        return value
    }
}
