/// A gitignore-style glob over `/`-separated relative paths: `*` and `?` stay within a path segment,
/// `**` spans segments, `[abc]`/`[a-z]`/`[!a]` are classes. A pattern without `/` matches a file name at any depth.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [[Character]]

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
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
    }

    public var description: String { pattern }

    public func matches(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return Glob.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<[Character]>, _ path: ArraySlice<[Character]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == ["*", "*"] {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(first[...], segment[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var pattern = pattern
        var text = text
        while let token = pattern.first {
            switch token {
            case "*":
                let rest = pattern.dropFirst()
                var candidate = text
                while true {
                    if matchSegment(rest, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard !text.isEmpty else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            case "[":
                guard let character = text.first, let close = pattern.dropFirst().firstIndex(of: "]") else {
                    // An unclosed `[` is a literal.
                    guard text.first == "[" else { return false }
                    pattern = pattern.dropFirst()
                    text = text.dropFirst()
                    continue
                }
                var set = pattern[(pattern.startIndex + 1)..<close]
                let negated = set.first == "!" || set.first == "^"
                if negated { set = set.dropFirst() }
                var found = false
                var index = set.startIndex
                while index < set.endIndex {
                    if index + 2 < set.endIndex, set[index + 1] == "-" {
                        if set[index] <= character && character <= set[index + 2] { found = true }
                        index += 3
                    } else {
                        if set[index] == character { found = true }
                        index += 1
                    }
                }
                guard found != negated else { return false }
                pattern = pattern[(close + 1)...]
                text = text.dropFirst()
            default:
                guard text.first == token else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            }
        }
        return text.isEmpty
    }
}
