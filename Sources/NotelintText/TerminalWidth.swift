/// How many terminal columns a character takes: East Asian wide and fullwidth characters take two,
/// combining marks none. Needed to underline a span under CJK text.
public enum TerminalWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value == 0 { return 0 }
        // CJK ideographs, Hangul syllables and fullwidth forms (most of a CJK line) are wide and none is a mark:
        // settled before the two lookups of Unicode properties.
        if isWideWithoutMarks(value) { return 2 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if value == 0x200B || (0x200C...0x200F).contains(value) { return 0 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The wide blocks that hold no combining mark (a test holds them to the Unicode tables).
    static func isWideWithoutMarks(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60: true
        default: false
        }
    }

    /// The width of a run of scalars. Not generic: called from another module through a generic `Sequence`, each
    /// scalar cost a hundred times its own work (a long title underlined in a report).
    public static func of(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var width = 0
        for scalar in scalars { width += of(scalar) }
        return width
    }
}
