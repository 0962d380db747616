#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic on strings, without Foundation's URL machinery in the hot path.
public enum PathText {
    /// Removes `.` and `..` segments and doubled slashes.
    public static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// No `//`, no `.` or `..` segment, no trailing slash: most paths, cheaply recognised.
    static func isNormal(_ path: String) -> Bool {
        var previous: UInt8 = 0
        var segmentStart = true
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") || (dots > 0 && segmentStart) { return false }
                segmentStart = true
                dots = 0
            } else if byte == UInt8(ascii: "."), segmentStart, dots < 2 {
                dots += 1
            } else {
                segmentStart = false
                dots = 0
            }
            previous = byte
        }
        return !(segmentStart && dots > 0) && (previous != UInt8(ascii: "/") || path.utf8.count == 1) && !path.isEmpty
    }

    /// `path` made absolute against the current folder, normalised. Lexical: links are not resolved.
    public static func absolute(_ path: String, in currentDirectory: String = PathText.currentDirectory()) -> String {
        normalize(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
    }

    /// The process's current folder ("." when it cannot be known).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A path as people expect to see it: relative to the current folder when it lies inside it.
    public static func shown(_ path: String) -> String {
        relative(path, to: currentDirectory())
    }

    /// The last component of a path.
    public static func fileName(of path: String) -> String {
        guard let slash = lastSlash(in: path) else { return path }
        return String(path[path.index(after: slash)...])
    }

    public static func directory(of path: String) -> String {
        guard let slash = lastSlash(in: path) else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Whether `directory` is the folder `path` names its file in (`directory(of: path) == directory`), without
    /// making that string.
    public static func isDirectParent(_ directory: String, of path: String) -> Bool {
        guard let slash = lastSlash(in: path), slash != path.startIndex else { return directory == self.directory(of: path) }
        let length = path.utf8.distance(from: path.startIndex, to: slash)
        guard directory.utf8.count == length else { return false }
        var path = path
        var directory = directory
        return path.withUTF8 { pathBytes in
            directory.withUTF8 { directoryBytes in memcmp(pathBytes.baseAddress!, directoryBytes.baseAddress!, length) == 0 }
        }
    }

    /// The last `/`, found in the UTF-8 view: a search by `Character` costs grapheme breaking on every path of a walk.
    private static func lastSlash(in path: String) -> String.Index? {
        path.utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    /// `path` relative to `base` when it lies inside it; otherwise `path` unchanged. Both must be absolute or both relative.
    public static func relative(_ path: String, to base: String) -> String {
        if base == "." || base.isEmpty { return path }
        // Paths are compared as bytes, as the file system names them (not as canonically equivalent text).
        let baseBytes = base.utf8
        let utf8 = path.utf8
        let length = baseBytes.last == UInt8(ascii: "/") ? baseBytes.count : baseBytes.count + 1
        guard utf8.count >= length, utf8.starts(with: baseBytes) else { return path }
        let slash = utf8.index(utf8.startIndex, offsetBy: length - 1)
        guard utf8[slash] == UInt8(ascii: "/") else { return path }
        return String(path[utf8.index(after: slash)...])
    }
}
