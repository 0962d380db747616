#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One ignore file (`.gitignore`, `.ignore`, `.notelintignore`, `.git/info/exclude`), parsed, with gitignore
/// semantics: git's own behaviour is the reference, and the tests compare against it.
///
/// Paths are matched as lists of name segments relative to the folder the file applies to, so that a walk can
/// hand over the segments it already has instead of building and re-splitting strings for every entry. `*`, `?`
/// and classes never match `/`, so a pattern is matched segment by segment, and `**` segments by a table over
/// (pattern segment, path segment): no backtracking, so a hostile pattern cannot make the walk exponential.
public final class IgnoreFile: Sendable {
    /// The file as named when read, for `--verbose` explanations.
    public let path: String
    /// How many path segments lie between the walk's anchor and the folder the patterns are relative to.
    public let depth: Int
    public let patterns: [IgnorePattern]

    /// For each last byte of a name (and whether it names a folder), the patterns that could match it, in file
    /// order: most patterns end in a literal byte, so most entries meet only a few of them.
    private let candidates: [[Int]]

    public init(path: String, depth: Int, patterns: [IgnorePattern]) {
        self.path = path
        self.depth = depth
        self.patterns = patterns
        var candidates = [[Int]](repeating: [], count: 512)
        for (index, pattern) in patterns.enumerated() {
            for isDirectory in [false, true] where isDirectory || !pattern.directoryOnly {
                let base = isDirectory ? 256 : 0
                if let last = pattern.lastByte {
                    candidates[base + Int(last)].append(index)
                } else {
                    for byte in 0..<256 { candidates[base + byte].append(index) }
                }
            }
        }
        self.candidates = candidates
    }

    /// The deciding pattern of this file for an entry, or nil.
    func match(parents: [[UInt8]], name: [UInt8], isDirectory: Bool) -> IgnorePattern? {
        guard let last = name.last else { return nil }
        let indices = candidates[(isDirectory ? 256 : 0) + Int(last)]
        var position = indices.count - 1
        while position >= 0 {
            let pattern = patterns[indices[position]]
            if pattern.matches(parents: parents, from: depth, name: name, isDirectory: isDirectory) { return pattern }
            position -= 1
        }
        return nil
    }

    public convenience init(path: String, depth: Int, bytes: [UInt8]) {
        self.init(path: path, depth: depth, patterns: IgnorePattern.parse(bytes))
    }
}

/// The verdict of the last pattern that matched, and which.
public struct IgnoreMatch: Sendable {
    public var file: IgnoreFile
    public var pattern: IgnorePattern
    public var isIgnored: Bool { !pattern.isNegated }
}

/// The ignore files that apply in one folder, lowest precedence first: a deeper file, or a later one in the same
/// folder, overrides what an earlier one says.
public struct IgnoreStack: Sendable {
    public private(set) var files: [IgnoreFile] = []

    public init(files: [IgnoreFile] = []) {
        self.files = files
    }

    public mutating func push(_ file: IgnoreFile) {
        if !file.patterns.isEmpty { files.append(file) }
    }

    public var isEmpty: Bool { files.isEmpty }

    /// The deciding match for the entry whose segments from the anchor are `parents` + `name`, or nil when no
    /// pattern speaks of it.
    public func match(parents: [[UInt8]], name: [UInt8], isDirectory: Bool) -> IgnoreMatch? {
        var fileIndex = files.count - 1
        while fileIndex >= 0 {
            let file = files[fileIndex]
            if let pattern = file.match(parents: parents, name: name, isDirectory: isDirectory) {
                return IgnoreMatch(file: file, pattern: pattern)
            }
            fileIndex -= 1
        }
        return nil
    }

    public func isIgnored(parents: [[UInt8]], name: [UInt8], isDirectory: Bool) -> Bool {
        match(parents: parents, name: name, isDirectory: isDirectory)?.isIgnored ?? false
    }
}

/// A class: the walk tests every pattern at every entry, and copying a struct of arrays there costs more than
/// the matching.
public final class IgnorePattern: Sendable {
    /// The line as written (trailing spaces removed), for explanations.
    public let text: String
    public let line: Int
    public let isNegated: Bool
    /// A trailing `/`: only folders match.
    public let directoryOnly: Bool
    /// A `/` at the start or in the middle: matched against the whole path below the file's folder; otherwise
    /// against the entry's name at any depth.
    public let isAnchored: Bool
    private let segments: [Segment]
    /// The literal bytes every matching name ends with: a cheap test that settles most entries before any glob.
    private let nameSuffix: [UInt8]
    /// The byte every matching name ends with, when the pattern says.
    var lastByte: UInt8? { nameSuffix.last }
    /// Segments after the last `**` (all of them without one): they match the path's last segments one for one.
    private let tailCount: Int

    private enum Segment: Sendable {
        /// `**`: any number of whole segments.
        case anySegments
        /// Bytes without a wildcard, escapes removed.
        case literal([UInt8])
        case glob([Token])
    }

    private enum Token: Sendable {
        case byte(UInt8)
        /// `?`: one byte.
        case one
        case star
        case set(CharacterSet)
    }

    private struct CharacterSet: Sendable {
        var negated: Bool
        var ranges: [(ClosedRange<UInt32>)]
        var classes: [String]

        func contains(_ value: UInt32) -> Bool {
            var found = ranges.contains { $0.contains(value) }
            if !found { found = classes.contains { Self.isMember(value, of: $0) } }
            return found != negated
        }

        static func isMember(_ scalar: UInt32, of name: String) -> Bool {
            guard scalar < 128 else { return false }
            let c = UInt8(scalar)
            let isUpper = (65...90).contains(c), isLower = (97...122).contains(c), isDigit = (48...57).contains(c)
            switch name {
            case "alpha": return isUpper || isLower
            case "digit": return isDigit
            case "alnum": return isUpper || isLower || isDigit
            case "upper": return isUpper
            case "lower": return isLower
            case "space": return c == 32 || (9...13).contains(c)
            case "blank": return c == 32 || c == 9
            case "punct": return (33...126).contains(c) && !(isUpper || isLower || isDigit)
            case "xdigit": return isDigit || (65...70).contains(c) || (97...102).contains(c)
            case "cntrl": return c < 32 || c == 127
            case "print": return (32...126).contains(c)
            case "graph": return (33...126).contains(c)
            default: return false
            }
        }
    }

    /// The patterns of a file's lines; blank lines, comments and lines that cannot be a pattern are passed over.
    public static func parse(_ bytes: [UInt8]) -> [IgnorePattern] {
        var patterns: [IgnorePattern] = []
        var lineNumber = 0
        var start = 0
        // A UTF-8 byte order mark at the start is not part of the first pattern (git drops it too).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start <= bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var line = Array(bytes[start..<end])
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let pattern = IgnorePattern(line: line, number: lineNumber) { patterns.append(pattern) }
            if end == bytes.count { break }
            start = end + 1
        }
        return patterns
    }

    public init?(line raw: [UInt8], number: Int) {
        var line = raw
        // Trailing spaces go unless escaped: `a\ ` keeps its last space. Tabs stay, as git keeps them.
        while let last = line.last, last == UInt8(ascii: " ") {
            var backslashes = 0
            var index = line.count - 2
            while index >= 0, line[index] == UInt8(ascii: "\\") {
                backslashes += 1
                index -= 1
            }
            if backslashes % 2 == 1 { break }
            line.removeLast()
        }
        guard !line.isEmpty, line[0] != UInt8(ascii: "#") else { return nil }
        text = String(decoding: line, as: UTF8.self)
        self.line = number
        isNegated = line[0] == UInt8(ascii: "!")
        if isNegated { line.removeFirst() }
        directoryOnly = line.last == UInt8(ascii: "/") && !Self.isEscaped(line, at: line.count - 1)
        if directoryOnly { line.removeLast() }
        let parts = Self.splitOnSlashes(line)
        // `/a` and `a/b` are anchored; `a` (and `a/` once its slash is gone) matches at any depth.
        isAnchored = parts.count > 1
        let kept = parts.first?.isEmpty == true ? Array(parts.dropFirst()) : parts
        guard !kept.isEmpty, !kept.contains(where: \.isEmpty) else { return nil }
        var segments: [Segment] = []
        for part in kept {
            if part == [UInt8(ascii: "*"), UInt8(ascii: "*")] {
                // `a/**/**/b` is `a/**/b`.
                if case .anySegments = segments.last { continue }
                segments.append(.anySegments)
                continue
            }
            guard let tokens = Self.tokens(part) else { return nil }
            var literal: [UInt8] = []
            var isLiteral = true
            for token in tokens {
                if case .byte(let byte) = token { literal.append(byte) } else { isLiteral = false }
            }
            segments.append(isLiteral ? .literal(literal) : .glob(tokens))
        }
        self.segments = segments
        var suffix: [UInt8] = []
        switch segments.last {
        case .literal(let bytes): suffix = bytes
        case .glob(let tokens):
            for token in tokens.reversed() {
                guard case .byte(let byte) = token else { break }
                suffix.append(byte)
            }
            suffix.reverse()
        default: break
        }
        nameSuffix = suffix
        tailCount = segments.count - 1 - (segments.lastIndex { if case .anySegments = $0 { return true }; return false } ?? -1)
    }

    private static func isEscaped(_ line: [UInt8], at index: Int) -> Bool {
        var backslashes = 0
        var cursor = index - 1
        while cursor >= 0, line[cursor] == UInt8(ascii: "\\") {
            backslashes += 1
            cursor -= 1
        }
        return backslashes % 2 == 1
    }

    /// Splits on `/` that is not escaped.
    private static func splitOnSlashes(_ line: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = [[]]
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < line.count {
                parts[parts.count - 1] += [byte, line[index + 1]]
                index += 2
                continue
            }
            if byte == UInt8(ascii: "/") {
                parts.append([])
            } else {
                parts[parts.count - 1].append(byte)
            }
            index += 1
        }
        return parts
    }

    /// A segment's tokens; nil when it cannot match anything git would match (an unclosed class, a lone `\`).
    private static func tokens(_ part: [UInt8]) -> [Token]? {
        var tokens: [Token] = []
        var index = 0
        while index < part.count {
            let byte = part[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < part.count else { return nil }
                tokens.append(.byte(part[index + 1]))
                index += 2
            case UInt8(ascii: "?"):
                tokens.append(.one)
                index += 1
            case UInt8(ascii: "*"):
                // Stars that are not a whole segment are one star: they stop at `/` anyway.
                if case .star = tokens.last {} else { tokens.append(.star) }
                index += 1
            case UInt8(ascii: "["):
                guard let (set, next) = characterSet(part, from: index + 1) else { return nil }
                tokens.append(.set(set))
                index = next
            default:
                tokens.append(.byte(byte))
                index += 1
            }
        }
        return tokens
    }

    /// Parses a class after its `[`; returns it and the index after its `]`.
    private static func characterSet(_ part: [UInt8], from start: Int) -> (CharacterSet, Int)? {
        var index = start
        var set = CharacterSet(negated: false, ranges: [], classes: [])
        if index < part.count, part[index] == UInt8(ascii: "!") || part[index] == UInt8(ascii: "^") {
            set.negated = true
            index += 1
        }
        var first = true
        while index < part.count {
            var byte = part[index]
            if byte == UInt8(ascii: "]"), !first { return (set, index + 1) }
            first = false
            if byte == UInt8(ascii: "["), index + 1 < part.count, part[index + 1] == UInt8(ascii: ":") {
                if let close = findClassEnd(part, from: index + 2) {
                    set.classes.append(String(decoding: part[(index + 2)..<close], as: UTF8.self))
                    index = close + 2
                    continue
                }
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < part.count else { return nil }
                byte = part[index]
            }
            guard let (low, afterLow) = unit(part, at: index) else { return nil }
            index = afterLow
            if index + 1 < part.count, part[index] == UInt8(ascii: "-"), part[index + 1] != UInt8(ascii: "]") {
                var highAt = index + 1
                if part[highAt] == UInt8(ascii: "\\") { highAt += 1 }
                guard let (high, afterHigh) = unit(part, at: highAt) else { return nil }
                if low <= high { set.ranges.append(low...high) }
                index = afterHigh
            } else {
                set.ranges.append(low...low)
            }
        }
        return nil
    }

    private static func findClassEnd(_ part: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < part.count {
            if part[index] == UInt8(ascii: ":"), part[index + 1] == UInt8(ascii: "]") { return index }
            guard (97...122).contains(part[index]) else { return nil }
            index += 1
        }
        return nil
    }

    /// The byte at `index` and the index after it. Byte-wise as git's own matcher is: `?` is one byte, so it does
    /// not match `é`, and git is the reference.
    private static func unit(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        index < bytes.count ? (UInt32(bytes[index]), index + 1) : nil
    }

    /// Whether the entry `parents[from...]` + `name` (relative to this pattern's file) matches.
    public func matches(parents: [[UInt8]], from depth: Int, name: [UInt8], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        if !nameSuffix.isEmpty && !Self.hasSuffix(name, nameSuffix) { return false }
        if !isAnchored { return Self.matches(segments[0], name) }
        let count = parents.count - depth + 1
        guard count >= 1 else { return false }
        func segment(_ index: Int) -> [UInt8] { index == count - 1 ? name : parents[depth + index] }
        // The segments after the last `**` match the path's last segments one for one: checked first, they
        // settle almost every entry before the table below is built.
        guard tailCount <= count, tailCount < segments.count || tailCount == count else { return false }
        // Folders before the name: a literal folder rejects an entry before any glob runs on the name.
        for offset in stride(from: tailCount - 1, through: 0, by: -1)
        where !Self.matches(segments[segments.count - 1 - offset], segment(count - 1 - offset)) {
            return false
        }
        if tailCount == segments.count { return true }
        // reachable[j]: the pattern's first i segments can cover the path's first j segments.
        var reachable = [Bool](repeating: false, count: count + 1)
        reachable[0] = true
        for (patternIndex, patternSegment) in segments.enumerated() {
            var next = [Bool](repeating: false, count: count + 1)
            switch patternSegment {
            case .anySegments:
                // A trailing `**` needs something inside the folder: `a/**` does not match `a` itself.
                let isLast = patternIndex == segments.count - 1
                var seen = false
                for j in 0...count {
                    if isLast {
                        if seen { next[j] = true }
                        if reachable[j] { seen = true }
                    } else {
                        if reachable[j] { seen = true }
                        next[j] = seen
                    }
                }
            default:
                for j in 0..<count where reachable[j] && Self.matches(patternSegment, segment(j)) {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        return reachable[count]
    }

    private static func hasSuffix(_ name: [UInt8], _ suffix: [UInt8]) -> Bool {
        guard name.count >= suffix.count else { return false }
        let offset = name.count - suffix.count
        return name.withUnsafeBufferPointer { n in
            suffix.withUnsafeBufferPointer { s in memcmp(n.baseAddress! + offset, s.baseAddress!, s.count) == 0 }
        }
    }

    private static func matches(_ segment: Segment, _ name: [UInt8]) -> Bool {
        switch segment {
        case .anySegments: return true
        case .literal(let bytes): return bytes == name
        case .glob(let tokens): return glob(tokens, name)
        }
    }

    /// One segment: the classic matcher with a single backtrack point, enough since `*` never meets `/` here.
    private static func glob(_ tokens: [Token], _ name: [UInt8]) -> Bool {
        var t = 0
        var n = 0
        var starToken = -1
        var starName = 0
        while n < name.count {
            if t < tokens.count {
                switch tokens[t] {
                case .star:
                    starToken = t
                    starName = n
                    t += 1
                    continue
                case .byte(let byte) where byte == name[n]:
                    t += 1
                    n += 1
                    continue
                case .one:
                    t += 1
                    n = unit(name, at: n)?.1 ?? n + 1
                    continue
                case .set(let set):
                    if let (value, after) = unit(name, at: n), set.contains(value) {
                        t += 1
                        n = after
                        continue
                    }
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            t = starToken + 1
            starName = unit(name, at: starName)?.1 ?? starName + 1
            n = starName
        }
        while t < tokens.count, case .star = tokens[t] { t += 1 }
        return t == tokens.count
    }
}
