import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema

/// The cache's hash is 64-bit FNV-1a: the published test vectors, and the same value however the bytes arrive.
@Suite("Content hash")
struct ContentHashTests {
    @Test(arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("b", 0xaf63_df4c_8601_f1a5),
        ("c", 0xaf63_de4c_8601_eff2), ("fo", 0x0898_5907_b541_d342), ("foo", 0xdcb2_7518_fed9_d577),
        ("foob", 0xdd12_0e79_0c25_12af), ("fooba", 0xcac1_65af_a2fe_f40a), ("foobar", 0x8594_4171_f739_67e8),
    ])
    func publishedVectors(text: String, expected: UInt64) {
        #expect(ContentHash.of(Array(text.utf8)) == expected)
        var hash = ContentHash()
        hash.add(Array(text.utf8))
        #expect(hash.value == expected)
    }

    @Test func theSameBytesGiveTheSameValueInPiecesOrWhole() {
        let bytes = Array("---\ntitle: 朝鲜战争\ntags: [war, korea]\n---\n".utf8)
        let whole = ContentHash.of(bytes)
        for split in 0...bytes.count {
            var hash = ContentHash()
            hash.add(bytes[..<split])
            // A sequence without contiguous storage takes the byte-by-byte path.
            hash.add(bytes[split...].lazy.map { $0 })
            #expect(hash.value == whole, "split at \(split)")
        }
    }

    @Test func textEndsWithANul() {
        var joined = ContentHash()
        joined.add("ab")
        joined.add("c")
        var moved = ContentHash()
        moved.add("a")
        moved.add("bc")
        #expect(joined.value != moved.value)
        var single = ContentHash()
        single.add("a")
        #expect(single.value == ContentHash.of([UInt8(ascii: "a"), 0]))
    }

    @Test func everyByteCounts() {
        let base = Array(repeating: UInt8(ascii: "x"), count: 64)
        var seen: Set<UInt64> = [ContentHash.of(base)]
        for index in base.indices {
            var changed = base
            changed[index] = UInt8(ascii: "y")
            seen.insert(ContentHash.of(changed))
        }
        #expect(seen.count == base.count + 1)
        #expect(ContentHash.of(base) != ContentHash.of(base + [0]))
    }
}
