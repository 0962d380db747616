import NotelintLoader

/// Edits that keep YAML valid and touch only the bytes they mean to: a scalar's own text, one list item.
public enum YAMLEdits {
    /// Replaces a scalar (quotes included) with `value`, written plain when that reads back as the same string
    /// under YAML 1.1 and 1.2, else quoted in the scalar's own quote style when it had one.
    public static func replaceScalar(_ node: YAMLNode, with value: String, inFlow: Bool) -> Edit? {
        guard let scalar = node.scalar, node.anchor == nil, node.tag == nil,
            scalar.style != .literal, scalar.style != .folded
        else { return nil }
        return Edit(range: node.range.byteRange, replacement: render(value, keeping: scalar.style, inFlow: inFlow))
    }

    /// The YAML text of a string value.
    public static func render(_ value: String, keeping style: ScalarStyle = .plain, inFlow: Bool) -> String {
        let needsEscapes = value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if needsEscapes || style == .doubleQuoted && !isPlainSafe(value, inFlow: inFlow) {
            return doubleQuoted(value)
        }
        if style == .plain && isPlainSafe(value, inFlow: inFlow) { return value }
        if style == .doubleQuoted { return doubleQuoted(value) }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A plain scalar that every parser reads back as this very string.
    public static func isPlainSafe(_ value: String, inFlow: Bool) -> Bool {
        guard let first = value.first, let last = value.last, !first.isWhitespace, !last.isWhitespace else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
            // `-x`, `?x`, `:x` are fine when not followed by a space; keep it simple and quote them.
            return false
        }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") { return false }
        if inFlow, value.contains(where: { ",[]{}".contains($0) }) { return false }
        if value.contains(where: \.isNewline) { return false }
        // A date written plain stays a date to every reader; other YAML 1.1 readings (`no`, `0755`) must be quoted.
        let legacy = ScalarResolver.yaml11Reading(value)
        guard case .string = ScalarResolver.resolvePlain(value), legacy == nil || legacy == .timestamp else { return false }
        return true
    }

    private static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Removes `item` from `sequence`: its whole line in a block list, the item and one separating comma in a flow list.
    /// An anchored item stays: an alias elsewhere may name it.
    public static func removeItem(_ item: YAMLNode, from sequence: YAMLNode, in source: SourceText) -> Edit? {
        guard item.anchor == nil, case .sequence(let items, let style) = sequence.content,
            let index = items.firstIndex(where: { $0 === item })
        else { return nil }
        switch style {
        case .flow:
            if index > 0 {
                return Edit(range: items[index - 1].range.end.offset..<item.range.end.offset, replacement: "")
            }
            if items.count > 1 {
                return Edit(range: item.range.start.offset..<items[1].range.start.offset, replacement: "")
            }
            return Edit(range: item.range.byteRange, replacement: "")
        case .block:
            let bytes = source.bytes
            let lineStart = source.lineStarts[item.range.start.line - 1]
            // Only `   - item` lines: a nested or compact item shares its line with something else.
            let lead = bytes[lineStart..<item.range.start.offset]
            guard lead.filter({ $0 == UInt8(ascii: "-") }).count == 1,
                lead.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: "-") })
            else { return nil }
            let endLine = item.range.end.line
            let nextStart = endLine < source.lineStarts.count ? source.lineStarts[endLine] : bytes.count
            // The rest of the item's last line must be blank or a comment.
            let tail = bytes[item.range.end.offset..<nextStart]
            guard tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
            return Edit(range: lineStart..<nextStart, replacement: "")
        }
    }

    /// The sequence style the note already uses for lists, so that a new list looks like its neighbours.
    public static func preferredListStyle(in root: YAMLNode?) -> CollectionStyle {
        for pair in root?.pairs ?? [] {
            if case .sequence(let items, let style) = pair.value.content, !items.isEmpty { return style }
        }
        return .flow
    }
}
