import NotelintLoader

/// Paths as CI services want them: relative to the directory the tool runs in, which in CI is the checkout's
/// root that annotations and code-scanning alerts are resolved against.
enum ReportPath {
    /// `path` relative to `directory` when it lies inside it (`./notes/a.md` becomes `notes/a.md`), nil otherwise.
    static func relative(_ path: String, to directory: String) -> String? {
        let base = PathText.normalize(directory)
        // Without a known current directory (it was deleted), only relative paths can be relative to it.
        guard base.hasPrefix("/") else {
            let normalized = PathText.normalize(path)
            return normalized.hasPrefix("/") || normalized.hasPrefix("..") || normalized == "." ? nil : normalized
        }
        let absolute = absolute(path, in: base)
        let prefix = base == "/" ? "/" : base + "/"
        guard absolute.hasPrefix(prefix), absolute.count > prefix.count else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The relative path when there is one, else the absolute path.
    static func display(_ path: String, from directory: String) -> String {
        relative(path, to: directory) ?? absolute(path, in: PathText.normalize(directory))
    }

    static func absolute(_ path: String, in directory: String) -> String {
        PathText.absolute(path, in: directory)
    }

    /// `path` as the path of a URI: each UTF-8 byte other than RFC 3986's unreserved characters and `/` is
    /// percent-encoded, so spaces, `%`, `#`, `?` and a `:` that would read as a scheme all survive.
    static func uriEncoded(_ path: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
