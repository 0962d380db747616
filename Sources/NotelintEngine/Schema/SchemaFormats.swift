/// The `format`s this validator asserts, checked against their RFC grammars byte by byte (ASCII only: a Bengali
/// digit is no digit in RFC 3339).
enum SchemaFormats {
    static func isValid(_ text: String, as format: SchemaFormat) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch format {
            case .date: isDate(bytes[...])
            case .dateTime: isDateTime(bytes[...])
            case .uri: URIFormat.isURI(bytes[...])
            }
        }
    }

    static func expectation(_ format: SchemaFormat) -> String {
        switch format {
        case .date: "a date written YYYY-MM-DD"
        case .dateTime: "a date and time as in RFC 3339, such as 2024-05-01T09:30:00Z"
        case .uri: "an absolute URI, such as https://example.com/page"
        }
    }

    /// RFC 3339 `full-date`: `YYYY-MM-DD`, a day that exists in that month.
    static func isDate(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard bytes.count == 10 else { return false }
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = number(bytes, start, 4), let month = number(bytes, start + 5, 2), let day = number(bytes, start + 8, 2),
            (1...12).contains(month), day >= 1
        else { return false }
        return day <= daysIn(month: month, year: year)
    }

    /// RFC 3339 `date-time`: `full-date "T" partial-time time-offset`, `T` and `Z` in either case, a leap second only
    /// where it falls at 23:59:60 UTC.
    static func isDateTime(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard bytes.count >= 20 else { return false }
        let start = bytes.startIndex
        guard isDate(bytes[start..<(start + 10)]), bytes[start + 10] | 0x20 == UInt8(ascii: "t") else { return false }
        let time = start + 11
        guard bytes[time + 2] == UInt8(ascii: ":"), bytes[time + 5] == UInt8(ascii: ":"),
            let hour = number(bytes, time, 2), let minute = number(bytes, time + 3, 2), let second = number(bytes, time + 6, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = time + 8
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.endIndex else { return false }
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes.endIndex - index == 6,
                bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = number(bytes, index + 1, 2), let offsetMinute = number(bytes, index + 4, 2),
                offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The decimal number in `count` ASCII digits at `start`, nil when any of them is not a digit.
    static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            guard index < bytes.endIndex, isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }
}
