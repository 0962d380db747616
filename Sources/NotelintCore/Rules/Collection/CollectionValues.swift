import NotelintLoader
import NotelintText

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
            // Read in place: an item copied out of the list is retained and released (five tags a note).
            items.withUnsafeBufferPointer { items in
                for index in items.indices { visit(items[index].dereferenced, body) }
            }
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
        guard let byte = firstByte(of: text) else { return true }
        if byte < 0x80 ? !isWhitespace(UInt32(byte)) : !isWhitespace(text.unicodeScalars.first!.value) { return false }
        return text.allSatisfy(\.isWhitespace)
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
        func pairs(in root: YAMLNode) -> Found {
            guard case .mapping(let pairs, _) = root.content else { return Found(pairs: [], count: names.count) }
            var found = Found(pairs: pairs, count: names.count)
            guard candidates != nil else {
                var missing = names.count
                for (place, pair) in pairs.enumerated() where missing > 0 {
                    guard let name = pair.name else { continue }
                    for number in names.indices where found[number] == nil && names[number] == name {
                        found.set(number, place: place)
                        missing -= 1
                    }
                }
                return found
            }
            forEachFirstPair(in: root) { place, number in found.set(number, place: place) }
            return found
        }

        /// The first pair of each key, nil where there is none: the places of the pairs in their mapping, a byte
        /// each, in two words. A rule reads every note's keys, and an array of pairs made for each was an
        /// allocation and a copy of each pair found (three references retained and released).
        struct Found: RandomAccessCollection {
            private let pairs: [YAMLPair]
            /// Each key's place plus one (zero: no pair), a byte each: keys 0 to 7 in the first word.
            private var packed: (UInt64, UInt64) = (0, 0)
            /// The places plus one, past 16 keys or 254 pairs.
            private var places: [Int]?
            let count: Int

            init(pairs: [YAMLPair], count: Int) {
                self.pairs = pairs
                self.count = count
                if count > 16 || pairs.count >= 255 { places = [Int](repeating: 0, count: count) }
            }

            var startIndex: Int { 0 }
            var endIndex: Int { count }

            subscript(number: Int) -> YAMLPair? {
                let place = place(number)
                return place == 0 ? nil : pairs[place - 1]
            }

            /// The pairs of the keys numbered `numbers`, in that order: another rule's keys, from a walk for several.
            func selecting(_ numbers: [Int]) -> Found {
                var selected = Found(pairs: pairs, count: numbers.count)
                for (number, from) in numbers.enumerated() {
                    let place = place(from)
                    if place != 0 { selected.set(number, place: place - 1) }
                }
                return selected
            }

            /// The key's place plus one (zero: no pair).
            private func place(_ number: Int) -> Int {
                if let places { return places[number] }
                let word = number < 8 ? packed.0 : packed.1
                return Int(truncatingIfNeeded: word >> UInt64(8 * (number & 7)) & 0xFF)
            }

            fileprivate mutating func set(_ number: Int, place: Int) {
                if places != nil {
                    places![number] = place + 1
                } else if number < 8 {
                    packed.0 |= UInt64(place + 1) << UInt64(8 * number)
                } else {
                    packed.1 |= UInt64(place + 1) << UInt64(8 * (number - 8))
                }
            }
        }

        /// Calls `body` with the place of the first pair of each key the mapping has and the key's number (at most
        /// 64 keys).
        @inline(__always)
        private func forEachFirstPair(in root: YAMLNode, _ body: (_ place: Int, _ number: Int) -> Void) {
            guard let candidates, case .mapping(let pairs, _) = root.content else { return }
            let all: UInt64 = names.count == 64 ? ~0 : (1 << names.count) - 1
            var missing = all
            pairs.withUnsafeBufferPointer { pairs in
                for index in pairs.indices where missing != 0 {
                    // The first byte read where the name lies: a name copied out of its pair is retained and
                    // released, which for most names is all the work there is. (An empty name counts as non-ASCII.)
                    let first: UInt8
                    if let byte = CollectionValues.firstByte(of: pairs[index].name) {
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
                        body(index, number)
                        missing &= ~(1 << number)
                    }
                }
            }
        }
    }

    /// The keys several rules look up in every note, found in one walk over the note's keys, each rule's own keys
    /// then read from it: three rules walking every note's keys each were a tenth of what the collection's facts
    /// cost.
    struct KeyUnion: Sendable {
        private let union: Keys
        /// For each rule, in the order given, the number in `union` of each of its keys (nil: it looks up none).
        private let numbers: [[Int]?]

        init(_ rules: [Keys?]) {
            var names: [String] = []
            var numberOf: [String: Int] = [:]
            numbers = rules.map { keys in
                keys?.names.map { name in
                    if let number = numberOf[name] { return number }
                    numberOf[name] = names.count
                    names.append(name)
                    return names.count - 1
                }
            }
            union = Keys(names)
        }

        /// The first pair of each key of every rule.
        func pairs(in root: YAMLNode) -> Keys.Found { union.pairs(in: root) }

        /// The first pair of each key of the rule numbered `rule`, read from `found` (what `pairs(in:)` found).
        func pairs(ofRule rule: Int, from found: Keys.Found) -> Keys.Found? {
            numbers[rule].map { found.selecting($0) }
        }
    }

    /// A rule that reads every note's keys through `Keys`: the linter finds the keys of all such rules of a
    /// configuration in one walk (`KeyUnion`) and hands each its own (`RuleContext.pairs`).
    protocol LooksUpKeys {
        var lookedUpKeys: Keys { get }
    }

    /// The values met so far in one list, by their `StableHash` (which the digests take as the values: two values
    /// of one hash are one value there too). Up to eight kept in place and compared one by one (most lists are
    /// short: nothing is allocated for them), a set past that.
    struct Seen {
        private var count = 0
        private var few: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        private var many: Set<UInt64> = []

        /// False when a value of this hash was met already.
        mutating func insert(_ hash: UInt64) -> Bool {
            let met = count
            guard met < 8 else {
                if many.isEmpty { many = withUnsafeBytes(of: few) { Set($0.bindMemory(to: UInt64.self)) } }
                return many.insert(hash).inserted
            }
            let isNew = withUnsafeMutableBytes(of: &few) { raw in
                let words = raw.bindMemory(to: UInt64.self)
                for index in 0..<met where words[index] == hash { return false }
                words[met] = hash
                return true
            }
            if isNew { count += 1 }
            return isNew
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

    /// The text's first UTF-8 byte, nil when it is empty. Read through the view's subscript, which is inlined where
    /// it is used; `utf8.first` went through a call for every key of every note.
    @inline(__always)
    static func firstByte(of text: String?) -> UInt8? {
        guard let utf8 = text?.utf8, !utf8.isEmpty else { return nil }
        return utf8[utf8.startIndex]
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
            while index + 8 <= bytes.count {
                let word = ASCIIWord(bytes, at: index)
                guard word.isASCII else { break }
                if word.capitals != 0 { hasCapital = true }
                index += 8
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasCapital = true }
                    index += 1
                    continue
                }
                // U+4000 to U+9FFF (lead bytes 0xE4 to 0xE9), most of the CJK ideographs: no case, no whitespace.
                if byte >= 0xE4 && byte <= 0xE9 {
                    index += 3
                    continue
                }
                let (value, length) = scalar(at: index, in: bytes)
                if !isUnchangedByLowercasing(value) { return nil }
                index += length
            }
            guard hasCapital else { return text }
            return asciiLowercased(bytes)
        }
        return quick ?? text.lowercased()
    }

    /// The bytes as a string with each ASCII capital made small (other bytes as they are), eight at a time.
    private static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var index = 0
            while index + 8 <= bytes.count {
                let word = ASCIIWord(bytes, at: index)
                guard word.isASCII else { break }
                UnsafeMutableRawPointer(out.baseAddress!).storeBytes(
                    of: (word.bytes | word.capitals >> 2).littleEndian, toByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < bytes.count {
                let byte = bytes[index]
                out[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                index += 1
            }
            return bytes.count
        }
    }

    /// Eight bytes of a text (the first lowest), with the ASCII bytes of a kind marked by their top bit: each mask
    /// is exact when every byte is ASCII (`isASCII`), since adding to bytes below 0x80 carries into no other byte.
    struct ASCIIWord {
        let bytes: UInt64

        @inline(__always)
        init(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
            bytes = UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        private static let ones: UInt64 = 0x0101_0101_0101_0101
        private static let tops: UInt64 = 0x8080_8080_8080_8080

        var isASCII: Bool { bytes & Self.tops == 0 }
        /// `A` to `Z`.
        var capitals: UInt64 { within(0x41...0x5A) }
        /// Below 0x20.
        var controls: UInt64 { within(0...0x1F) }
        var spaces: UInt64 { within(0x20...0x20) }

        /// The bytes in `range`: at least its lower bound (adding 0x80 less the bound reaches 0x80) and not past
        /// its upper one (adding 0x7F less the bound does not).
        @inline(__always)
        func within(_ range: ClosedRange<UInt8>) -> UInt64 {
            ((bytes &+ Self.ones &* UInt64(0x80 - range.lowerBound)) ^ (bytes &+ Self.ones &* UInt64(0x7F - range.upperBound))) & Self.tops
        }
    }

    /// `collapsingWhitespace` then `lowercased`, each where asked: a duplicate's value and a reference's name. Each
    /// returns most values as they are after a walk over their bytes, eight at a time while they are ASCII.
    static func folded(_ text: String, collapsing: Bool, lowercasing: Bool) -> String {
        let collapsed = collapsing ? collapsingWhitespace(text) : text
        return lowercasing ? lowercased(collapsed) : collapsed
    }

    /// `StableHash.of(folded(text, collapsing:lowercasing:))` and `StableHash.of(text)`, worked out from one pass
    /// over the bytes without making the folded text: for an ASCII text that collapsing leaves as it is (most
    /// titles and file names), nil for any other. A first pass wants only the hashes, and a title's small letters
    /// made only to be hashed were a string a note.
    static func foldedHashes(_ text: String, collapsing: Bool, lowercasing: Bool) -> (value: UInt64, text: UInt64)? {
        withBytes(of: text) { bytes in
            // The hashes first: they turn a text past ASCII down in a pass of words, where the collapsing test would
            // decode its scalars.
            guard let hashes = StableHash.ofASCII(bytes), !collapsing || isCollapsed(bytes) else { return nil }
            return (lowercasing ? hashes.lowercased : hashes.asWritten, hashes.asWritten)
        }
    }

    /// Whether collapsing leaves the text whose UTF-8 bytes these are as it is: no space first, last or after
    /// another, no control character and no other whitespace. ASCII eight bytes at a time.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousIsSpace = true
        var index = 0
        while index + 8 <= bytes.count {
            let word = ASCIIWord(bytes, at: index)
            guard word.isASCII else { break }
            if word.controls != 0 || word.spaces & (word.spaces << 8 | (previousIsSpace ? 0x80 : 0)) != 0 { return false }
            previousIsSpace = word.spaces >> 63 != 0
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let isSpace = byte == UInt8(ascii: " ")
                if isSpace && previousIsSpace || byte < 0x20 { return false }
                previousIsSpace = isSpace
                index += 1
                continue
            }
            // U+4000 to U+9FFF (lead bytes 0xE4 to 0xE9), most of the CJK ideographs: no whitespace.
            if byte >= 0xE4 && byte <= 0xE9 {
                previousIsSpace = false
                index += 3
                continue
            }
            let (value, length) = scalar(at: index, in: bytes)
            if isWhitespace(value) { return false }
            previousIsSpace = false
            index += length
        }
        return !previousIsSpace || bytes.isEmpty
    }

    /// Whitespace trimmed and every run of it one space.
    static func collapsingWhitespace(_ text: String) -> String {
        // Most values have single spaces between words and none around them: returned as they are.
        if withBytes(of: text, isCollapsed) { return text }
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

extension RuleContext {
    /// The first pair of each of `keys`: found with the other indexed rules' keys when the linter gathers a note's
    /// facts (`foundKeys`), else found now.
    func pairs(_ keys: CollectionValues.Keys, in root: YAMLNode) -> CollectionValues.Keys.Found {
        foundKeys ?? keys.pairs(in: root)
    }
}
