/// A 64-bit hash of a text that is the same in every process and on every machine (Swift's `Hasher` is seeded
/// anew in each process), for hashes kept between runs: our own function, fast on short texts. Texts equal as
/// Swift compares them hash alike: a text that is not all ASCII is hashed in its canonical composed form (NFC),
/// so `é` written as one scalar or as `e` and an accent meet. Not for adversaries: equal hashes are taken as
/// equal texts, which at a million texts is wrong once in about ten billion runs.
public enum StableHash {
    /// The hash of `text`.
    public static func of(_ text: String) -> UInt64 {
        // ASCII text, and text in scripts without combining sequences (Latin letters, kana, CJK ideographs, Hangul
        // syllables), is composed already: its bytes' hash is the hash, for normalising a string costs thousands of
        // instructions.
        switch text.utf8.withContiguousStorageIfAvailable({ of(composedUTF8: $0) }) {
        case .some(.some(let hash)): return hash
        case .some(.none): break
        case .none:
            // Not stored as UTF-8 (a bridged string): made so, on a copy.
            var text = text
            if let hash = text.withUTF8({ of(composedUTF8: $0) }) { return hash }
        }
        let composed = text._nfcCodeUnits
        return composed.withUnsafeBufferPointer { hashNotingASCII($0).hash }
    }

    /// The hash of a text given as UTF-8 bytes, when the bytes need no normalising (ASCII, and the scripts
    /// `isComposed` accepts): nil otherwise, when the text's `of` is the one to ask.
    public static func of(composedUTF8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let (hash, isASCII) = hashNotingASCII(bytes)
        return isASCII || isComposed(bytes) ? hash : nil
    }

    /// Whether every scalar of the UTF-8 text is one that NFC leaves as it is whatever surrounds it: below U+0300
    /// (before the combining diacritics), general punctuation (dashes and quotes, but the two quads, which NFC
    /// maps to spaces), kana letters, CJK punctuation and ideographs, Hangul syllables, fullwidth forms. False says
    /// nothing (the text is then normalised).
    static func isComposed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xE0 {
                // Two bytes: U+0080 to U+07FF; below U+0300 when the lead byte is below 0xCC.
                guard lead < 0xCC, index + 1 < bytes.count else { return false }
                index += 2
            } else if lead < 0xF0 {
                guard index + 2 < bytes.count else { return false }
                let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                switch scalar {
                case 0x2002...0x206F, 0x3000...0x301F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E: break
                default: return false
                }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The hash of the bytes, and whether they are all ASCII, in one pass.
    private static func hashNotingASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
        var state = State()
        let high = forEachWord(of: bytes) { state.mix($0) }
        return (state.finish(count: bytes.count), high & 0x8080_8080_8080_8080 == 0)
    }

    /// `body` with each word of eight bytes in turn, the last few padded with zeros; returns the words or'ed
    /// together (its top bits say whether a byte is not ASCII).
    @inline(__always)
    private static func forEachWord(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) -> UInt64 {
        var high: UInt64 = 0
        guard let base = bytes.baseAddress else { return high }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            high |= word
            body(word)
            offset += 8
        }
        if offset < bytes.count {
            let word = State.tail(bytes, from: offset)
            high |= word
            body(word)
        }
        return high
    }

    /// `of` the ASCII text whose UTF-8 bytes these are, as written and with its capitals made small (`of(text)`
    /// and `of(text.lowercased())`), in one pass over the bytes and without making the small text; nil when a byte
    /// is not ASCII.
    public static func ofASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (asWritten: UInt64, lowercased: UInt64)? {
        var written = State()
        var lowered = State()
        let high = forEachWord(of: bytes) { word in
            written.mix(word)
            // Capitals (0x41 to 0x5A) are the bytes that adding 0x3F carries to 0x80 and adding 0x25 does not; exact
            // for ASCII bytes, which carry into no other byte. A capital's mark shifted to its 0x20 bit makes it small.
            let capitals = ((word &+ 0x3F3F_3F3F_3F3F_3F3F) ^ (word &+ 0x2525_2525_2525_2525)) & 0x8080_8080_8080_8080
            lowered.mix(word | capitals >> 2)
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        return (written.finish(count: bytes.count), lowered.finish(count: bytes.count))
    }

    /// The low 32 bits of `of(text)`: enough to tell the few spellings of one value apart.
    public static func short(_ text: String) -> UInt32 {
        UInt32(truncatingIfNeeded: of(text))
    }

    /// Two hashes made one, in an order that matters.
    public static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first &+ 0x9E37_79B9_7F4A_7C15 &* (second ^ 0xC2B2_AE3D_27D4_EB4F))
    }

    /// Eight bytes at a time (the last few padded with zeros), each word mixed in by a rotation and a multiply,
    /// finished by a 64-bit avalanche with the length.
    private struct State {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325

        /// The last bytes (fewer than eight) as a word, padded with zeros: the first byte lowest, as a little-endian
        /// load puts it. Shifted in one by one: copying them into a word called `memcpy` for every text hashed.
        static func tail(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            for index in offset..<bytes.count {
                word |= UInt64(bytes[index]) << shift
                shift += 8
            }
            return word
        }

        mutating func mix(_ word: UInt64) {
            let rotated = (value ^ word) << 29 | (value ^ word) >> 35
            value = rotated &* 0x9E37_79B9_7F4A_7C15
        }

        func finish(count: Int) -> UInt64 {
            StableHash.mix(value ^ (UInt64(count) &* 0xC2B2_AE3D_27D4_EB4F))
        }
    }

    /// The finishing step of MurmurHash3's 64-bit hash (a public-domain constant set).
    private static func mix(_ input: UInt64) -> UInt64 {
        var value = input
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
