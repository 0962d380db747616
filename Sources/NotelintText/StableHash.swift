/// A 64-bit hash of a text that is the same in every process and on every machine (Swift's `Hasher` is seeded
/// anew in each process), for hashes kept between runs. Texts equal as Swift compares them hash alike: a text
/// that is not all ASCII is hashed in its canonical composed form (NFC), so `é` written as one scalar or as `e`
/// and an accent meet. Not for adversaries: equal hashes are taken as equal texts, which at a million texts is
/// wrong once in about ten billion runs.
public enum StableHash {
    /// The hash of `text`.
    public static func of(_ text: String) -> UInt64 {
        var state = State()
        var text = text
        let isASCII = text.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return false }
            state.add(bytes)
            return true
        }
        if !isASCII {
            state = State()
            text._withNFCCodeUnits { state.add($0) }
        }
        return state.finish()
    }

    /// The low 32 bits of `of(text)`: enough to tell the few spellings of one value apart.
    public static func short(_ text: String) -> UInt32 {
        UInt32(truncatingIfNeeded: of(text))
    }

    /// Two hashes made one, in an order that matters.
    public static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first &+ 0x9E37_79B9_7F4A_7C15 &* (second ^ 0xC2B2_AE3D_27D4_EB4F))
    }

    /// FNV-1a over the bytes, finished by a 64-bit avalanche (so that texts differing in their last byte differ in
    /// every bit of the hash, not only the low ones).
    private struct State {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        var count: UInt64 = 0

        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            count &+= 1
        }

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            var value = self.value
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            self.value = value
            count &+= UInt64(bytes.count)
        }

        func finish() -> UInt64 {
            StableHash.mix(value ^ (count &* 0x9E37_79B9_7F4A_7C15))
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
