/// A set of Unicode scalars, as a regular expression's character class: a bitmap for ASCII, and beyond it ranges
/// and Unicode general categories (from `\p{…}`).
struct ScalarSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var ranges: [ClosedRange<UInt32>] = []
    /// Bit `n` stands for the `n`th general category, in `ScalarSet.categoryBit(_:)`'s numbering.
    private var categories: UInt32 = 0
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

    static func scalar(_ value: UInt32) -> ScalarSet {
        ScalarSet(ranges: [value...value])
    }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        var value = range.lowerBound
        while value <= min(range.upperBound, 0x7F) {
            setASCIIBit(value)
            value += 1
        }
        if range.upperBound >= 0x80 { ranges.append(max(range.lowerBound, 0x80)...range.upperBound) }
    }

    /// Adds the scalars of the given general categories (a mask from `categoryBit`).
    mutating func insert(categories mask: UInt32) {
        categories |= mask
        for value in UInt32(0)..<0x80 where mask & Self.categoryBit(Unicode.Scalar(value)!.properties.generalCategory) != 0 {
            setASCIIBit(value)
        }
    }

    mutating func formUnion(_ other: ScalarSet) {
        low |= other.low
        high |= other.high
        ranges += other.ranges
        categories |= other.categories
    }

    private mutating func setASCIIBit(_ value: UInt32) {
        if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let found: Bool
        if value < 64 {
            found = low & (1 << UInt64(value)) != 0
        } else if value < 128 {
            found = high & (1 << UInt64(value - 64)) != 0
        } else {
            found = ranges.contains { $0.contains(value) }
                || (categories != 0 && categories & Self.categoryBit(scalar.properties.generalCategory) != 0)
        }
        return found != isNegated
    }

    /// The one scalar of a set built from a single scalar, which may then bound a range.
    var singleScalar: UInt32? {
        guard categories == 0, !isNegated else { return nil }
        if !ranges.isEmpty {
            return ranges.count == 1 && ranges[0].count == 1 && low == 0 && high == 0 ? ranges[0].lowerBound : nil
        }
        guard (low == 0) != (high == 0) else { return nil }
        let bits = low != 0 ? low : high
        guard bits.nonzeroBitCount == 1 else { return nil }
        return UInt32(bits.trailingZeroBitCount) + (low != 0 ? 0 : 64)
    }

    static func categoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
        let position: UInt32 = switch category {
        case .uppercaseLetter: 0
        case .lowercaseLetter: 1
        case .titlecaseLetter: 2
        case .modifierLetter: 3
        case .otherLetter: 4
        case .nonspacingMark: 5
        case .spacingMark: 6
        case .enclosingMark: 7
        case .decimalNumber: 8
        case .letterNumber: 9
        case .otherNumber: 10
        case .connectorPunctuation: 11
        case .dashPunctuation: 12
        case .openPunctuation: 13
        case .closePunctuation: 14
        case .initialPunctuation: 15
        case .finalPunctuation: 16
        case .otherPunctuation: 17
        case .mathSymbol: 18
        case .currencySymbol: 19
        case .modifierSymbol: 20
        case .otherSymbol: 21
        case .spaceSeparator: 22
        case .lineSeparator: 23
        case .paragraphSeparator: 24
        case .control: 25
        case .format: 26
        case .surrogate: 27
        case .privateUse: 28
        case .unassigned: 29
        @unknown default: 29
        }
        return 1 << position
    }
}
