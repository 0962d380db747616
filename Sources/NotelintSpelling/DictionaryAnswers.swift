/// A dictionary's answers to the questions tag spelling asks, as kept between runs: one sorted table of
/// records, looked up by binary search in the bytes as read (nothing is decoded that is not asked).
///
/// The file: a first line naming the format, the dictionary's identity (`DictionaryIdentity`) as a decimal byte
/// count, a line feed and its bytes, then the records, each `question word NUL answer NUL` in byte order of
/// `question word`, then an FNV-1a 64 checksum of everything before it (8 bytes, little-endian). A file of another
/// format or identity, cut short or altered, is not used.
struct DictionaryAnswers {
    /// What was asked. The raw value is the record's first byte.
    enum Question: UInt8 {
        /// `WordSpellingDictionary.acceptsInSomeCase`: `1` or `0`.
        case acceptsInSomeCase = 0x61
        /// `isCorrect`: `1` or `0`.
        case isCorrect = 0x63
        /// `hasForm(inOtherCaseOf:)`: `1` or `0`.
        case hasFormInOtherCase = 0x68
        /// `suggestions(for:)`: the suggestions, each ended by a unit separator (0x1F).
        case suggestions = 0x73
    }

    static let magic = Array("notelint dictionary answers 1\n".utf8)
    /// Larger files are neither read nor written: far more words than any collection's tags hold.
    static let maximumBytes = 16 << 20
    static let unitSeparator: UInt8 = 0x1F

    /// The whole file, and where each record's key, answer and end are in it.
    private let bytes: [UInt8]
    private let records: [(key: Range<Int>, answer: Range<Int>)]

    static let empty = DictionaryAnswers(bytes: [], records: [])

    var isEmpty: Bool { records.isEmpty }
    var count: Int { records.count }

    private init(bytes: [UInt8], records: [(key: Range<Int>, answer: Range<Int>)]) {
        self.bytes = bytes
        self.records = records
    }

    /// The answers in `bytes` when they are a whole file of this format for `identity`, else nil.
    init?(decoding bytes: [UInt8], identity: String) {
        guard bytes.count >= Self.magic.count + 8, bytes.count <= Self.maximumBytes, bytes.starts(with: Self.magic)
        else { return nil }
        let bodyEnd = bytes.count - 8
        var stored: UInt64 = 0
        for (shift, byte) in bytes[bodyEnd...].enumerated() { stored |= UInt64(byte) << (8 * UInt64(shift)) }
        guard stored == Self.checksum(bytes[..<bodyEnd]) else { return nil }
        var position = Self.magic.count
        let identityBytes = Array(identity.utf8)
        let header = Array("\(identityBytes.count)\n".utf8)
        guard bytes[position...].starts(with: header + identityBytes) else { return nil }
        position += header.count + identityBytes.count
        var records: [(key: Range<Int>, answer: Range<Int>)] = []
        while position < bodyEnd {
            guard let keyEnd = bytes[position..<bodyEnd].firstIndex(of: 0),
                let answerEnd = bytes[(keyEnd + 1)..<bodyEnd].firstIndex(of: 0),
                keyEnd > position
            else { return nil }
            let key = position..<keyEnd
            // In strictly increasing order, or binary search would miss records.
            if let last = records.last, !bytes[last.key].lexicographicallyPrecedes(bytes[key]) { return nil }
            records.append((key, (keyEnd + 1)..<answerEnd))
            position = answerEnd + 1
        }
        self.init(bytes: bytes, records: records)
    }

    /// The answer kept for `key` (question byte, then the word), or nil.
    func answer(for key: [UInt8]) -> ArraySlice<UInt8>? {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            let found = bytes[records[middle].key]
            if found.elementsEqual(key) { return bytes[records[middle].answer] }
            if found.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// These answers and `learned` together (a learned answer replaces a kept one), as the bytes of a file for
    /// `identity`; nil when that file would be larger than `maximumBytes`.
    func merged(with learned: [[UInt8]: [UInt8]], identity: String) -> [UInt8]? {
        var entries: [(key: ArraySlice<UInt8>, answer: ArraySlice<UInt8>)] = records.compactMap { record in
            let key = bytes[record.key]
            return learned[Array(key)] == nil ? (key, bytes[record.answer]) : nil
        }
        for (key, answer) in learned { entries.append((key[...], answer[...])) }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        let identityBytes = Array(identity.utf8)
        var file = Self.magic + Array("\(identityBytes.count)\n".utf8) + identityBytes
        for entry in entries {
            file += entry.key
            file.append(0)
            file += entry.answer
            file.append(0)
            if file.count + 8 > Self.maximumBytes { return nil }
        }
        let sum = Self.checksum(file[...])
        for shift in 0..<8 { file.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(shift)))) }
        return file
    }

    /// The record key of `question` about `word`; nil when the word cannot be kept (a NUL in it).
    static func key(_ question: Question, _ word: String) -> [UInt8]? {
        let utf8 = Array(word.utf8)
        guard !utf8.contains(0) else { return nil }
        return [question.rawValue] + utf8
    }

    static func encode(_ value: Bool) -> [UInt8] { [value ? 0x31 : 0x30] }
    static func decodeBool(_ answer: ArraySlice<UInt8>) -> Bool { answer.first == 0x31 }

    /// nil when a suggestion could not be told apart from the separators (empty, or holding a NUL or 0x1F).
    static func encode(_ suggestions: [String]) -> [UInt8]? {
        var bytes: [UInt8] = []
        for suggestion in suggestions {
            let utf8 = Array(suggestion.utf8)
            guard !utf8.isEmpty, !utf8.contains(0), !utf8.contains(unitSeparator) else { return nil }
            bytes += utf8
            bytes.append(unitSeparator)
        }
        return bytes
    }

    static func decodeSuggestions(_ answer: ArraySlice<UInt8>) -> [String] {
        answer.split(separator: unitSeparator).map { String(decoding: $0, as: UTF8.self) }
    }

    /// FNV-1a, 64 bits: catches a file cut short or altered, not one crafted to pass.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return value
    }
}
