/// One pass over a byte range that finds what libyaml must not see: invalid UTF-8 and NUL bytes.
/// It also tells whether the bytes are pure ASCII (so libyaml's character index is the byte offset) and
/// whether they hold the line breaks libyaml counts but editors do not (NEL, LS, PS).
struct UTF8Check {
    enum Finding { case invalid(at: Int), nul(at: Int) }

    var finding: Finding?
    var isASCII = true
    var hasUnicodeLineBreaks = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 {
                    finding = .nul(at: index)
                    return
                }
                index += 1
                continue
            }
            isASCII = false
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000
            default:
                finding = .invalid(at: index)
                return
            }
            guard index + length <= end else {
                finding = .invalid(at: index)
                return
            }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else {
                    finding = .invalid(at: index)
                    return
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                finding = .invalid(at: index)
                return
            }
            if scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029 { hasUnicodeLineBreaks = true }
            index += length
        }
    }
}
