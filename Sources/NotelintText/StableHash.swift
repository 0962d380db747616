/// A 64-bit hash of a text that is the same in every process and on every machine (Swift's `Hasher` is seeded
/// anew in each process), for hashes kept between runs: our own function, fast on short texts. Texts equal as
/// Swift compares them hash alike: a text that is not all ASCII is hashed in its canonical composed form (NFC),
/// so `é` written as one scalar or as `e` and an accent meet. Not for adversaries: equal hashes are taken as
/// equal texts, which at a million texts is wrong once in about ten billion runs.
public enum StableHash {
    /// The hash of `text`.
    public static func of(_ text: String) -> UInt64 {
        var text = text
        if let hash = text.withUTF8({ hashIfASCII($0) }) { return hash }
        let composed = text._nfcCodeUnits
        return composed.withUnsafeBufferPointer { hash($0) }
    }

    /// The hash of bytes that are all ASCII (nil otherwise), in one pass.
    private static func hashIfASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var state = State()
        var high: UInt64 = 0
        state.add(bytes) { high |= $0 }
        return high & 0x8080_8080_8080_8080 == 0 ? state.finish(count: bytes.count) : nil
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = State()
        state.add(bytes) { _ in }
        return state.finish(count: bytes.count)
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

        /// Adds the bytes; `seeing` is shown every word (for a check of all of them in the same pass).
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, seeing: (UInt64) -> Void) {
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                seeing(word)
                mix(word)
                offset += 8
            }
            if offset < bytes.count {
                var word: UInt64 = 0
                for (shift, byte) in bytes[offset...].enumerated() { word |= UInt64(byte) << (8 * UInt64(shift)) }
                seeing(word)
                mix(word)
            }
        }

        private mutating func mix(_ word: UInt64) {
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
