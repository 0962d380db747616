#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A proleptic Gregorian calendar date, as front matter dates are written (`YYYY-MM-DD`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; `nil` for any other shape or an impossible date.
    public init?(iso text: Substring) {
        guard let date = CalendarDate.parse(text, as: .date) else { return nil }
        self = date
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Today in UTC.
    public static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

// MARK: - The one grammar of dates and date-times

extension CalendarDate {
    /// The shapes a date may be written in. Every reader of dates (`--now`, rule options, the `date-format` rule,
    /// the schema's `format: date` and `format: date-time`) goes through `parse(_:as:)`, so that a date one of them
    /// accepts is never refused by another for a reason they do not both state.
    public enum Syntax: Sendable {
        /// RFC 3339 `full-date`: exactly `YYYY-MM-DD`, a day that exists in that month.
        case date
        /// RFC 3339 `date-time`: `full-date "T" hh:mm:ss[.frac] (Z | ±hh:mm)`, `T` and `Z` in either case, fields
        /// in range, and a leap second only where it falls at 23:59:60 UTC. What a schema's `format` asserts.
        case dateTime
        /// A `full-date`, alone or followed by a time as front matter writers and YAML timestamps produce it:
        /// `T`, `t` or a space, `hh:mm`, optionally `:ss` and then `.frac`, blanks, and `Z` or a sign followed by
        /// digits and colons. Only the date is judged; the time is checked for shape, not range, so that a note
        /// is not told its date is wrong because of how its generator spelled the hour.
        case frontMatter
    }

    /// The calendar date `text` holds in `syntax`; nil when it is malformed or names a day that does not exist.
    /// ASCII only, byte by byte: a Bengali digit is no digit in RFC 3339.
    public static func parse(_ text: some StringProtocol, as syntax: Syntax) -> CalendarDate? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse($0, as: syntax) }) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer { parse($0, as: syntax) }
    }

    /// The byte form of `parse(_:as:)`, for callers that already hold UTF-8.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, as syntax: Syntax) -> CalendarDate? {
        var scanner = DateScanner(bytes: bytes)
        guard let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            let date = CalendarDate(year: year, month: month, day: day)
        else { return nil }
        switch syntax {
        case .date:
            return scanner.isAtEnd ? date : nil
        case .frontMatter:
            return scanner.isAtEnd || scanner.looseTime() ? date : nil
        case .dateTime:
            return scanner.strictTime() ? date : nil
        }
    }
}

/// Reads a date's bytes left to right; each step consumes only what it accepts.
private struct DateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    func isDigit(at position: Int) -> Bool {
        position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39
    }

    /// The byte at `index`, ASCII letters folded to lower case; nil at the end.
    var foldedCurrent: UInt8? { isAtEnd ? nil : bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0) }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for position in index..<(index + count) {
            guard isDigit(at: position) else { return nil }
            value = value * 10 + Int(bytes[position] - 0x30)
        }
        index += count
        return value
    }

    /// One or more ASCII digits; whether there was one.
    mutating func someDigits() -> Bool {
        let start = index
        while isDigit(at: index) { index += 1 }
        return index > start
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard !isAtEnd, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// `.frac` when a dot follows: a dot must bring at least one digit.
    mutating func fraction() -> Bool {
        guard skip(UInt8(ascii: ".")) else { return true }
        return someDigits()
    }

    /// `T hh:mm:ss[.frac] (Z | ±hh:mm)` to the end, RFC 3339's `"T" partial-time time-offset`.
    mutating func strictTime() -> Bool {
        guard foldedCurrent == UInt8(ascii: "t") else { return false }
        index += 1
        guard let hour = digits(2), skip(UInt8(ascii: ":")), let minute = digits(2), skip(UInt8(ascii: ":")),
            let second = digits(2), hour <= 23, minute <= 59, second <= 60, fraction()
        else { return false }
        var offsetMinutes = 0
        if foldedCurrent == UInt8(ascii: "z") {
            index += 1
        } else {
            let sign = isAtEnd ? 0 : bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
            index += 1
            guard let offsetHour = digits(2), skip(UInt8(ascii: ":")), let offsetMinute = digits(2),
                offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        guard isAtEnd else { return false }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// `(T | t | space) hh:mm[:ss[.frac]] blanks [Z | ±digits-and-colons]` to the end.
    mutating func looseTime() -> Bool {
        if foldedCurrent == UInt8(ascii: "t") {
            index += 1
        } else if !skip(0x20) {
            return false
        }
        guard digits(2) != nil, skip(UInt8(ascii: ":")), digits(2) != nil else { return false }
        if skip(UInt8(ascii: ":")) {
            guard digits(2) != nil, fraction() else { return false }
        }
        while skip(0x20) {}
        if isAtEnd { return true }
        if foldedCurrent == UInt8(ascii: "z") {
            index += 1
            return isAtEnd
        }
        guard skip(UInt8(ascii: "+")) || skip(UInt8(ascii: "-")), isDigit(at: index) else { return false }
        while !isAtEnd, isDigit(at: index) || bytes[index] == UInt8(ascii: ":") { index += 1 }
        return isAtEnd
    }
}
