import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The values a collection rule reads from a note's keys: a scalar, or each scalar of a list, with its node.
enum CollectionValues {
    /// The non-empty scalar values of `key` (the items of a list, in order).
    static func of(_ key: String, in root: YAMLNode?) -> [(node: YAMLNode, text: String)] {
        of(root?[key])
    }

    /// The non-empty scalar values of a key's value (the items of a list, in order).
    static func of(_ value: YAMLNode?) -> [(node: YAMLNode, text: String)] {
        var values: [(node: YAMLNode, text: String)] = []
        forEach(value) { values.append(($0, $1)) }
        return values
    }

    /// `body` with each non-empty scalar value of a key's value (the items of a list, in order): what `of` gathers,
    /// without an array a key and note.
    @inline(__always)
    static func forEach(_ value: YAMLNode?, _ body: (_ node: YAMLNode, _ text: String) -> Void) {
        guard let value = value?.dereferenced else { return }
        if case .sequence(let items, _) = value.content {
            for item in items { visit(item.dereferenced, body) }
        } else {
            visit(value, body)
        }
    }

    @inline(__always)
    private static func visit(_ node: YAMLNode, _ body: (_ node: YAMLNode, _ text: String) -> Void) {
        guard case .scalar(let scalar) = node.content, scalar.resolved.type != .null, !isBlank(scalar.text) else { return }
        body(node, scalar.text)
    }

    /// Whether every character of the text is whitespace, as `allSatisfy(\.isWhitespace)` says. A character is
    /// whitespace when its first scalar is, so a text whose first scalar is not (nearly every value) is settled
    /// by that one scalar.
    static func isBlank(_ text: String) -> Bool {
        guard let byte = text.utf8.first else { return true }
        if byte < 0x80 ? !isWhitespace(UInt32(byte)) : !isWhitespace(text.unicodeScalars.first!.value) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// The first pair of each of `keys` (nil where there is none), found in one walk over the mapping rather than
    /// one a key: a rule reading several keys of every note reads each key's name once.
    static func pairs(_ keys: [String], in root: YAMLNode) -> [YAMLPair?] {
        Keys(keys).pairs(in: root)
    }

    /// Keys a rule looks up in every note, made ready once. Names are compared as strings are (`é` composed or
    /// decomposed alike), but most names are settled by their first byte and length: a name equal to an ASCII key
    /// is either its very bytes or holds a non-ASCII scalar standing for an ASCII one (`\u{212A}`, the Kelvin sign,
    /// is `K`), which takes more bytes; either way it is no shorter, and if its first byte is ASCII, it is the
    /// key's first byte.
    struct Keys: Sendable {
        let names: [String]
        /// Each key's length in bytes.
        private let lengths: [Int]
        /// Whether each key is ASCII and not empty.
        private let isASCII: [Bool]
        /// For each ASCII byte, the keys (one bit each) that a name starting with it may be: the ASCII keys starting
        /// with it and the others. Nil past 64 keys: every name is compared with every key.
        private let candidates: [UInt64]?

        init(_ names: [String]) {
            self.names = names
            lengths = names.map(\.utf8.count)
            isASCII = names.map { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }
            guard names.count <= 64 else {
                candidates = nil
                return
            }
            var table = [UInt64](repeating: 0, count: 128)
            var others: UInt64 = 0
            for (number, name) in names.enumerated() {
                if isASCII[number], let first = name.utf8.first { table[Int(first)] |= 1 << number } else { others |= 1 << number }
            }
            candidates = table.map { $0 | others }
        }

        /// Which keys the mapping has (bit `n` for `names[n]`), in a walk that copies nothing: a rule that has
        /// nothing to do without some key asks this before `pairs`. Past 64 keys, every bit is set.
        func present(in root: YAMLNode) -> UInt64 {
            guard candidates != nil else { return ~0 }
            var found: UInt64 = 0
            forEachFirstPair(in: root) { _, number in found |= 1 << number }
            return found
        }

        /// The first pair of each key (nil where there is none), in one walk over the mapping.
        func pairs(in root: YAMLNode) -> [YAMLPair?] {
            var found = [YAMLPair?](repeating: nil, count: names.count)
            found.withUnsafeMutableBufferPointer { found in
                guard candidates != nil else {
                    guard case .mapping(let pairs, _) = root.content else { return }
                    var missing = names.count
                    for pair in pairs where missing > 0 {
                        guard let name = pair.name else { continue }
                        for number in names.indices where found[number] == nil && names[number] == name {
                            found[number] = pair
                            missing -= 1
                        }
                    }
                    return
                }
                forEachFirstPair(in: root) { pair, number in found[number] = pair }
            }
            return found
        }

        /// Calls `body` with the first pair of each key the mapping has and the key's number (at most 64 keys).
        @inline(__always)
        private func forEachFirstPair(in root: YAMLNode, _ body: (YAMLPair, Int) -> Void) {
            guard let candidates, case .mapping(let pairs, _) = root.content else { return }
            let all: UInt64 = names.count == 64 ? ~0 : (1 << names.count) - 1
            var missing = all
            pairs.withUnsafeBufferPointer { pairs in
                for index in pairs.indices where missing != 0 {
                    // The first byte read where the name lies: a name copied out of its pair is retained and
                    // released, which for most names is all the work there is. (An empty name counts as non-ASCII.)
                    let first: UInt8
                    if let byte = pairs[index].name?.utf8.first {
                        first = byte
                    } else {
                        guard pairs[index].name != nil else { continue }
                        first = 0x80
                    }
                    var maybe = (first < 0x80 ? candidates[Int(first)] : all) & missing
                    while maybe != 0 {
                        let number = maybe.trailingZeroBitCount
                        maybe &= maybe - 1
                        // An ASCII key is never a shorter name.
                        guard let name = pairs[index].name, !isASCII[number] || name.utf8.count >= lengths[number], names[number] == name
                        else { continue }
                        body(pairs[index], number)
                        missing &= ~(1 << number)
                    }
                }
            }
        }
    }

    /// The values met so far in one list: a few compared one by one (most lists are short), a set past that.
    struct Seen {
        /// The first value, kept apart: most lists (and every single value) never need the array.
        private var first: String?
        private var few: [(value: String, shape: Shape)] = []
        private var many: Set<String> = []

        /// A value's length in bytes, whether it is ASCII, and its first scalar when that one begins every string
        /// equal to the value (ASCII and CJK ideographs: no decomposition, no combining class): two values with
        /// different such first scalars, or ASCII ones of different lengths, are different strings, told apart
        /// without a comparison (most tags of a list).
        private struct Shape {
            let count: Int
            let isASCII: Bool
            /// Zero when the first scalar is not one of those.
            let head: UInt32

            init(_ value: String) {
                (count, isASCII, head) = CollectionValues.withBytes(of: value) { bytes -> (Int, Bool, UInt32) in
                    guard let first = bytes.first else { return (0, true, 0) }
                    let isASCII = !bytes.contains { $0 >= 0x80 }
                    if first < 0x80 { return (bytes.count, isASCII, UInt32(first)) }
                    let head = scalar(at: 0, in: bytes).value
                    return (bytes.count, isASCII, (0x4E00...0x9FFF).contains(head) ? head : 0)
                }
            }

            func mayEqual(_ other: Shape) -> Bool {
                if head != 0 && other.head != 0 && head != other.head { return false }
                return !(isASCII && other.isASCII && count != other.count)
            }
        }

        /// False when the value was met already.
        mutating func insert(_ value: String) -> Bool {
            guard let first else {
                self.first = value
                return true
            }
            if many.isEmpty {
                let shape = Shape(value)
                if few.isEmpty {
                    few.reserveCapacity(8)
                    few.append((first, Shape(first)))
                }
                if few.contains(where: { $0.shape.mayEqual(shape) && $0.value == value }) { return false }
                if few.count < 8 {
                    few.append((value, shape))
                    return true
                }
                many = Set(few.map(\.value))
                few = []
            }
            return many.insert(value).inserted
        }
    }

    /// Whether the text has this byte: `memchr` over its bytes, not a walk of its UTF-8 view (long summaries are
    /// scanned for `[` in every note).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        withBytes(of: text) { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// `body` with the text's UTF-8 bytes, in place (a string not stored as UTF-8 is made so first, on a copy).
    @inline(__always)
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }

    /// The scalar whose UTF-8 encoding starts at `index` (not ASCII: its first byte is at least 0xC0), and the
    /// number of its bytes. The bytes are a string's, hence well formed.
    @inline(__always)
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F, 3)
        }
        return ((lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
            | UInt32(bytes[index + 3]) & 0x3F, 4)
    }

    /// Whether the scalar has the Unicode property White_Space, as `properties.isWhitespace` says, without asking
    /// the tables (a test compares the two for every scalar).
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Scalars that `lowercased()` leaves as they are, in the blocks notes use most beside ASCII: Latin-1's signs and
    /// small letters, combining accents, punctuation, CJK, kana and Hangul, fullwidth signs and small letters. (Any
    /// other scalar is not settled here; a test holds every one of these to the Unicode tables.)
    @inline(__always)
    static func isUnchangedByLowercasing(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0xBF, 0xD7, 0xDF...0xFF, 0x300...0x36F, 0x2000...0x206F, 0x3000...0x9FFF, 0xAC00...0xD7A3,
            0xFF00...0xFF20, 0xFF3B...0xFFEF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// The text with its capitals made small, as `lowercased()` does; text of ASCII and of scalars without case
    /// (most values, CJK ones too) byte by byte, and returned as it is when it has no capital.
    static func lowercased(_ text: String) -> String {
        let quick = withBytes(of: text) { bytes -> String? in
            var hasCapital = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasCapital = true }
                    index += 1
                    continue
                }
                let (value, length) = scalar(at: index, in: bytes)
                if !isUnchangedByLowercasing(value) { return nil }
                index += length
            }
            guard hasCapital else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return bytes.count
            }
        }
        return quick ?? text.lowercased()
    }

    /// `collapsingWhitespace` then `lowercased`, each where asked, settled in one walk over the bytes for most
    /// values (no whitespace to collapse; ASCII or caseless scalars): a duplicate's value and a reference's name.
    static func folded(_ text: String, collapsing: Bool, lowercasing: Bool) -> String {
        // nil: not settled here, and left to the two functions.
        let quick = withBytes(of: text) { bytes -> String? in
            var previousIsSpace = true
            var hasCapital = false
            var isCaseless = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let isSpace = byte == UInt8(ascii: " ")
                    if collapsing && (isSpace && previousIsSpace || byte < 0x20) { return nil }
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasCapital = true }
                    previousIsSpace = isSpace
                    index += 1
                    continue
                }
                // U+4000 to U+9FFF (lead bytes 0xE4 to 0xE9), most of the CJK ideographs: no case, no whitespace.
                if byte >= 0xE4 && byte <= 0xE9 {
                    previousIsSpace = false
                    index += 3
                    continue
                }
                let (value, length) = scalar(at: index, in: bytes)
                if collapsing && isWhitespace(value) { return nil }
                if !isUnchangedByLowercasing(value) { isCaseless = false }
                previousIsSpace = false
                index += length
            }
            if collapsing && previousIsSpace && !bytes.isEmpty { return nil }
            // The text is its own collapsed form.
            guard lowercasing else { return text }
            guard isCaseless else { return nil }
            guard hasCapital else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return bytes.count
            }
        }
        if let quick { return quick }
        let collapsed = collapsing ? collapsingWhitespace(text) : text
        return lowercasing ? lowercased(collapsed) : collapsed
    }

    /// Whitespace trimmed and every run of it one space.
    static func collapsingWhitespace(_ text: String) -> String {
        // Most values have single spaces between words and none around them: returned as they are. That is settled
        // in one walk over the bytes: no space first, last or after another, no control character and no other
        // whitespace.
        let plain = withBytes(of: text) { bytes -> Bool in
            var previousIsSpace = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let isSpace = byte == UInt8(ascii: " ")
                    if isSpace && previousIsSpace || byte < 0x20 { return false }
                    previousIsSpace = isSpace
                    index += 1
                    continue
                }
                let (value, length) = scalar(at: index, in: bytes)
                if isWhitespace(value) { return false }
                previousIsSpace = false
                index += length
            }
            return !previousIsSpace || bytes.isEmpty
        }
        if plain { return text }
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
