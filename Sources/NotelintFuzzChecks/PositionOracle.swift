import NotelintLoader

/// Line and column of a byte offset, computed afresh from the bytes (LF, CRLF and a lone CR end lines; columns
/// count Unicode scalars, a leading BOM not counted), to check the positions the loader and the rules hand out.
struct PositionOracle {
    let bytes: [UInt8]
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                starts.append(index + 1)
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                starts.append(index + 2)
                index += 1
            case 0x0D:
                starts.append(index + 1)
            default:
                break
            }
            index += 1
        }
        lineStarts = starts
    }

    /// The expected line and column, or nil for an offset outside the input.
    func lineAndColumn(ofByte offset: Int) -> (line: Int, column: Int)? {
        guard offset >= 0, offset <= bytes.count else { return nil }
        // The last line starting at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var start = lineStarts[low]
        if start == 0, offset >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var column = 1
        if start < offset {
            for byte in bytes[start..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        }
        return (low + 1, column)
    }

    func violations(_ range: SourceRange, what: String) -> [String] {
        var found: [String] = []
        for (label, position) in [("start", range.start), ("end", range.end)] {
            guard let expected = lineAndColumn(ofByte: position.offset) else { continue }
            if expected.line != position.line || expected.column != position.column {
                found.append(
                    "\(what): \(label) offset \(position.offset) is at \(expected.line):\(expected.column), reported as \(position.line):\(position.column)")
            }
        }
        return found
    }
}
