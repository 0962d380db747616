/// The character set a Hunspell dictionary declares with `SET`. Words cross the C boundary in that set,
/// so a UTF-8 tag must be converted before Hunspell sees it.
enum DictionaryEncoding: Sendable {
    case utf8
    case latin1

    init?(hunspellName: String) {
        switch hunspellName.uppercased() {
        case "UTF-8", "UTF8": self = .utf8
        case "ISO8859-1", "ISO-8859-1", "ISO8859_1", "LATIN1": self = .latin1
        default: return nil
        }
    }

    /// NUL-terminated bytes, or nil when the word has a character the set cannot hold
    /// (such a word cannot be in the dictionary either).
    func encode(_ word: String) -> [CChar]? {
        switch self {
        case .utf8:
            if word.utf8.contains(0) { return nil }
            return word.utf8.map { CChar(bitPattern: $0) } + [0]
        case .latin1:
            var bytes: [CChar] = []
            for scalar in word.unicodeScalars {
                guard scalar.value != 0, scalar.value <= 0xFF else { return nil }
                bytes.append(CChar(bitPattern: UInt8(scalar.value)))
            }
            return bytes + [0]
        }
    }

    func decode(_ cString: UnsafePointer<CChar>) -> String {
        switch self {
        case .utf8:
            return String(cString: cString)
        case .latin1:
            var text = ""
            var cursor = cString
            while cursor.pointee != 0 {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(bitPattern: cursor.pointee)))
                cursor += 1
            }
            return text
        }
    }
}
