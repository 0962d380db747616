import NotelintLoader

/// The values a collection rule reads from a note's keys: a scalar, or each scalar of a list, with its node.
enum CollectionValues {
    /// The non-empty scalar values of `key` (the items of a list, in order).
    static func of(_ key: String, in root: YAMLNode?) -> [(node: YAMLNode, text: String)] {
        of(root?[key])
    }

    /// The non-empty scalar values of a key's value (the items of a list, in order).
    static func of(_ value: YAMLNode?) -> [(node: YAMLNode, text: String)] {
        guard let value = value?.dereferenced else { return [] }
        return (value.items ?? [value]).compactMap { item in
            let node = item.dereferenced
            guard let scalar = node.scalar, scalar.resolved.type != .null else { return nil }
            let text = scalar.text
            return text.allSatisfy(\.isWhitespace) ? nil : (node, text)
        }
    }

    /// The first pair of each of `keys` (nil where there is none), found in one walk over the mapping rather than
    /// one a key: a rule reading several keys of every note reads each key's name once.
    static func pairs(_ keys: [String], in root: YAMLNode) -> [YAMLPair?] {
        var found = [YAMLPair?](repeating: nil, count: keys.count)
        var missing = keys.count
        for pair in root.pairs ?? [] where missing > 0 {
            guard let name = pair.name else { continue }
            for (number, key) in keys.enumerated() where found[number] == nil && key == name {
                found[number] = pair
                missing -= 1
            }
        }
        return found
    }

    /// The values met so far in one list: a few compared one by one (most lists are short), a set past that.
    struct Seen {
        private var few: [String] = []
        private var many: Set<String> = []

        /// False when the value was met already.
        mutating func insert(_ value: String) -> Bool {
            if many.isEmpty {
                if few.contains(value) { return false }
                if few.count < 8 {
                    few.append(value)
                    return true
                }
                many = Set(few)
                few = []
            }
            return many.insert(value).inserted
        }
    }

    /// Whether the text has this byte: a plain loop over its bytes, not a walk of its UTF-8 view (long summaries
    /// are scanned for `[` in every note).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? text.utf8.contains(byte)
    }

    /// The text with its capitals made small, as `lowercased()` does; ASCII text (most values) byte by byte, and
    /// returned as it is when it has no capital.
    static func lowercased(_ text: String) -> String {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var hasCapital = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasCapital = true }
            }
            guard hasCapital else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return bytes.count
            }
        }
        if case let lowered?? = ascii { return lowered }
        return text.lowercased()
    }

    /// Whitespace trimmed and every run of it one space.
    static func collapsingWhitespace(_ text: String) -> String {
        // Most values have single spaces between words and none around them: returned as they are.
        var previousIsSpace = true
        var plain = true
        // ASCII text (most values) is settled byte by byte.
        var isASCII = true
        func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                if byte >= 0x80 {
                    isASCII = false
                    break
                }
                let isSpace = byte == UInt8(ascii: " ")
                if isSpace && previousIsSpace || byte < 0x20 {
                    plain = false
                    break
                }
                previousIsSpace = isSpace
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(scan) == nil { scan(text.utf8) }
        if isASCII || !plain {
            if plain && (!previousIsSpace || text.isEmpty) { return text }
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        previousIsSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " "
            if isSpace && previousIsSpace || scalar.value < 0x20 || !scalar.isASCII && scalar.properties.isWhitespace {
                plain = false
                break
            }
            previousIsSpace = isSpace
        }
        if plain && !previousIsSpace { return text }
        if plain && text.isEmpty { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "a", "a and b", "a, b and c", then "and N more" past `limit`, of `total` items (the first of which are given).
    static func list(_ items: [String], total: Int? = nil, limit: Int = 3) -> String {
        let total = max(total ?? items.count, items.count)
        let shown = items.prefix(limit)
        if total > shown.count { return shown.joined(separator: ", ") + " and \(total - shown.count) more" }
        return shown.count > 1 ? shown.dropLast().joined(separator: ", ") + " and " + shown.last! : shown.first ?? ""
    }

    /// The folder of a path relative to the configuration (empty at its top).
    static func folder(of relativePath: String) -> String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[..<slash])
    }
}
