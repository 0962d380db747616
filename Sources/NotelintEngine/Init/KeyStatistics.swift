import NotelintText

/// What the notes of one group hold under one key: how many have it, the types of its values, the strings it
/// takes, how many are dates or URLs. Counts only; the schema's choices are made from them (`SchemaInference`).
struct KeyStatistics: Sendable {
    let name: String
    /// Notes that have the key.
    var presence = 0
    /// Values by JSON type.
    var kinds: [ValueKind: Int] = [:]
    /// How often each string value occurs, while there are few enough to make a closed set of them.
    var stringValues: [String: Int] = [:]
    var tooManyStrings = false
    /// String values that are dates as front matter writes them (`YYYY-MM-DD`, with a time and an offset or not),
    /// that are exactly `YYYY-MM-DD`, and that lie after `today`.
    var dates = 0
    var plainDates = 0
    var futureDates = 0
    /// String values that are absolute URLs, by scheme.
    var urls = 0
    var urlSchemes: [String: Int] = [:]
    /// Empty values (`''`, `~`, `[]`).
    var empty = 0
    /// Integers written as plain numbers (`title: 2019`), lossless when read as text: no sign, no leading zero.
    var plainIntegers = 0
    /// The kinds of list items.
    var itemKinds: [ValueKind: Int] = [:]

    static let stringValueCap = 64

    init(name: String) {
        self.name = name
    }

    mutating func add(_ value: SurveyedValue, today: CalendarDate) {
        presence += 1
        kinds[value.kind, default: 0] += 1
        if value.isEmpty { empty += 1 }
        if value.kind == .array {
            for item in value.items ?? [] { itemKinds[item.kind, default: 0] += 1 }
        }
        if value.isPlainInteger { plainIntegers += 1 }
        guard value.kind == .string, !value.isEmpty else { return }
        // A text too long to keep is no member of a closed set: it counts among the values outside.
        if !tooManyStrings, let text = value.text {
            stringValues[text, default: 0] += 1
            if stringValues.count > Self.stringValueCap {
                tooManyStrings = true
                stringValues = [:]
            }
        }
        if let date = value.date {
            dates += 1
            if value.isPlainDate { plainDates += 1 }
            if date > today { futureDates += 1 }
        }
        if let scheme = value.urlScheme {
            urls += 1
            urlSchemes[scheme, default: 0] += 1
        }
    }

    /// Values that are not null.
    var valueCount: Int { kinds.filter { $0.key != .null }.values.reduce(0, +) }
    var stringCount: Int { kinds[.string] ?? 0 }

    /// `https`, `http`, `mailto`… for a value that looks like an absolute URL without blanks.
    static func urlScheme(_ text: String) -> String? {
        // Bytes, not characters: this runs on every string value of every note.
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex,
            !bytes.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A })
        else { return nil }
        let scheme = bytes[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        guard scheme.count > 1, let first = scheme.first, isLetter(first),
            scheme.allSatisfy({ isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        let lowered = String(decoding: scheme, as: UTF8.self).lowercased()
        // `note: value` and Windows drive letters are not URLs.
        let rest = bytes[bytes.index(after: colon)...]
        guard lowered == "mailto" || rest.starts(with: "//".utf8) else { return nil }
        return lowered
    }
}

/// The notes of one group, and the statistics of every key they use.
struct GroupStatistics: Sendable {
    let noteCount: Int
    /// By key name.
    var keys: [String: KeyStatistics] = [:]

    init(_ notes: [SurveyedNote], today: CalendarDate) {
        noteCount = notes.count
        for note in notes {
            for key in note.keys {
                keys[key.name, default: KeyStatistics(name: key.name)].add(key.value, today: today)
            }
        }
    }

    /// The share of notes with `key`.
    func share(_ key: String) -> Double {
        noteCount == 0 ? 0 : Double(keys[key]?.presence ?? 0) / Double(noteCount)
    }
}
