import NotelintLoader
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `# notelint-disable-next-line RULE[, RULE]` and `# notelint-disable RULE` comments in a front matter.
/// YAML comments never reach the tree, so they are read from the block's lines here.
struct Suppressions {
    struct Directive {
        /// The comment's position, for reporting an unused one.
        var range: SourceRange
        var rules: [String]
        /// 1-based line it silences; `nil` silences the rest of the file.
        var line: Int?
        var used = false
    }

    var directives: [Directive] = []

    init(note: Note) {
        guard Self.mayHoldDirectives(note), let block = note.block else { return }
        let source = note.source
        let firstLine = source.line(ofByte: block.content.lowerBound)
        let lastLine = source.line(ofByte: max(block.content.lowerBound, block.content.upperBound - 1))
        guard block.content.count > 0 else { return }
        var scalars: [Range<Int>] = []
        note.root?.forEachNode { node in
            if case .scalar = node.content { scalars.append(node.range.byteRange) }
        }
        for line in firstLine...lastLine {
            let bytes = source.lineBytes(line)
            guard let directive = Self.parse(bytes, line: line, source: source) else { continue }
            // `# notelint-disable` written inside a value (a quoted string, a `|` block) is text, not a comment.
            let offset = directive.range.start.offset
            if scalars.contains(where: { $0.contains(offset) }) { continue }
            directives.append(directive)
        }
    }

    private static let marker = Array("notelint-disable".utf8)

    /// False when the front matter cannot hold a directive: most notes, told apart without reading them by line.
    private static func mayHoldDirectives(_ note: Note) -> Bool {
        guard let block = note.block, block.content.count >= marker.count else { return false }
        return note.source.bytes.withUnsafeBytes { bytes in
            marker.withUnsafeBytes { needle in
                // memchr to each `n`, then memcmp: a front matter is scanned at memory speed.
                var cursor = bytes.baseAddress! + block.content.lowerBound
                let end = bytes.baseAddress! + block.content.upperBound
                while end - cursor >= needle.count, let found = memchr(cursor, Int32(needle[0]), end - cursor) {
                    let candidate = UnsafeRawPointer(found)
                    if end - candidate < needle.count { return false }
                    if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return true }
                    cursor = candidate + 1
                }
                return false
            }
        }
    }

    private static func parse(_ bytes: ArraySlice<UInt8>, line: Int, source: SourceText) -> Directive? {
        // A comment starts with `#` at the line start or after a blank.
        var hash: Int?
        var previous: UInt8 = 0x20
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "#"), previous == 0x20 || previous == 0x09 {
                hash = index
                break
            }
            previous = bytes[index]
        }
        guard let hash else { return nil }
        let comment = String(decoding: bytes[(hash + 1)...], as: UTF8.self).trimmingCharacters(in: " \t")
        let nextLine = "notelint-disable-next-line"
        let rest: Substring
        let target: Int?
        if comment.hasPrefix(nextLine) {
            rest = comment.dropFirst(nextLine.count)
            target = line + 1
        } else if comment.hasPrefix("notelint-disable") {
            rest = comment.dropFirst("notelint-disable".count)
            target = nil
        } else {
            return nil
        }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let rules = rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let range = source.range(ofBytes: hash..<bytes.endIndex)
        return Directive(range: range, rules: rules.isEmpty ? ["all"] : rules, line: target)
    }

    /// True when a directive silences `ruleID` on `line`; marks it used.
    mutating func suppresses(_ ruleID: String, line: Int) -> Bool {
        for index in directives.indices {
            let directive = directives[index]
            guard directive.rules.contains(ruleID) || directive.rules.contains("all") else { continue }
            if directive.line == nil || directive.line == line {
                directives[index].used = true
                return true
            }
        }
        return false
    }
}
