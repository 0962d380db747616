/// A set of Unicode scalars: a bitmap for ASCII, ranges beyond it.
struct ScalarSet: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var ranges: [ClosedRange<UInt32>] = []
    var isNegated = false

    static let digits = ScalarSet(ranges: [0x30...0x39])
    static let word = ScalarSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// ECMA-262's WhiteSpace and LineTerminator.
    static let whitespace = ScalarSet(ranges: [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F,
        0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// `.`: anything but a line terminator.
    static let dot = ScalarSet(ranges: [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029], isNegated: true)

    init(ranges: [ClosedRange<UInt32>] = [], isNegated: Bool = false) {
        for range in ranges { insert(range) }
        self.isNegated = isNegated
    }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        var value = range.lowerBound
        while value <= min(range.upperBound, 0x7F) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
            value += 1
        }
        if range.upperBound >= 0x80 { ranges.append(max(range.lowerBound, 0x80)...range.upperBound) }
    }

    mutating func formUnion(_ other: ScalarSet) {
        low |= other.low
        high |= other.high
        ranges += other.ranges
    }

    func contains(_ scalar: UInt32) -> Bool {
        let found: Bool
        if scalar < 64 {
            found = low & (1 << UInt64(scalar)) != 0
        } else if scalar < 128 {
            found = high & (1 << UInt64(scalar - 64)) != 0
        } else {
            found = ranges.contains { $0.contains(scalar) }
        }
        return found != isNegated
    }
}

extension ScalarSet {
    /// The one scalar of a set built from a single scalar.
    var singleScalar: UInt32? {
        if !ranges.isEmpty { return ranges.count == 1 && ranges[0].count == 1 ? ranges[0].lowerBound : nil }
        guard (low == 0) != (high == 0) else { return nil }
        let bits = low != 0 ? low : high
        guard bits.nonzeroBitCount == 1 else { return nil }
        return UInt32(bits.trailingZeroBitCount) + (low != 0 ? 0 : 64)
    }
}
