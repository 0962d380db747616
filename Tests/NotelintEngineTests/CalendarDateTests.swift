import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import NotelintText
import Testing

/// The one date grammar, in each of its syntaxes. The schema's `format` assertions are also run against the
/// JSON-Schema-Test-Suite (`optional/format/date`, `optional/format/date-time`).
struct CalendarDateTests {
    private func date(_ text: String, _ syntax: CalendarDate.Syntax) -> String? {
        CalendarDate.parse(text, as: syntax)?.description
    }

    @Test func leapYearsFollowTheGregorianRules() {
        #expect(date("2024-02-29", .date) == "2024-02-29")
        #expect(date("2023-02-29", .date) == nil)
        // A century is a leap year only when it divides by 400.
        #expect(date("1900-02-29", .date) == nil)
        #expect(date("2000-02-29", .date) == "2000-02-29")
        #expect(date("0000-02-29", .date) == "0000-02-29")
        #expect(CalendarDate.daysIn(month: 2, year: 2100) == 28)
        #expect(CalendarDate.daysIn(month: 2, year: 2400) == 29)
        for syntax in [CalendarDate.Syntax.date, .dateTime, .frontMatter] {
            let suffix = syntax == .dateTime ? "T00:00:00Z" : ""
            #expect(date("1900-02-29" + suffix, syntax) == nil, "\(syntax)")
            #expect(date("2000-02-29" + suffix, syntax) == "2000-02-29", "\(syntax)")
        }
    }

    @Test func monthsAndDaysMustExist() {
        #expect(date("2024-04-30", .date) != nil)
        #expect(date("2024-04-31", .date) == nil)
        #expect(date("2024-12-31", .date) != nil)
        #expect(date("2024-13-01", .date) == nil)
        #expect(date("2024-00-10", .date) == nil)
        #expect(date("2024-01-00", .date) == nil)
    }

    @Test func aDateIsExactlyTenASCIIBytes() {
        #expect(date("2024-1-05", .date) == nil)
        #expect(date("2024/01/05", .date) == nil)
        #expect(date(" 2024-01-05", .date) == nil)
        #expect(date("2024-01-05 ", .date) == nil)
        #expect(date("2024-01-05T10:00:00Z", .date) == nil)
        // Arabic-Indic digits are digits to Unicode, not to RFC 3339.
        #expect(date("٢٠٢٤-01-05", .date) == nil)
        #expect(CalendarDate(iso: "2024-01-05")?.description == "2024-01-05")
        #expect(CalendarDate(iso: "2024-01-05T00:00") == nil)
    }

    @Test func dateTimeIsRFC3339() {
        #expect(date("2024-05-01T09:30:00Z", .dateTime) == "2024-05-01")
        #expect(date("2024-05-01t09:30:00z", .dateTime) == "2024-05-01")
        #expect(date("2024-05-01T09:30:00.123456+05:30", .dateTime) == "2024-05-01")
        #expect(date("2024-05-01T23:59:59-23:59", .dateTime) != nil)
        // A time and an offset are both required, each in full.
        #expect(date("2024-05-01", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00", .dateTime) == nil)
        #expect(date("2024-05-01T09:30Z", .dateTime) == nil)
        #expect(date("2024-05-01 09:30:00Z", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00.Z", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00+0530", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00+5:30", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00Z ", .dateTime) == nil)
        // Fields in range.
        #expect(date("2024-05-01T24:00:00Z", .dateTime) == nil)
        #expect(date("2024-05-01T09:60:00Z", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:61Z", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00+24:00", .dateTime) == nil)
        #expect(date("2024-05-01T09:30:00+05:60", .dateTime) == nil)
        #expect(date("2024-02-30T09:30:00Z", .dateTime) == nil)
    }

    @Test func aLeapSecondFallsAtTheEndOfAUTCDay() {
        #expect(date("2016-12-31T23:59:60Z", .dateTime) != nil)
        #expect(date("2016-12-31T15:59:60-08:00", .dateTime) != nil)
        #expect(date("2017-01-01T05:29:60+05:30", .dateTime) != nil)
        #expect(date("2016-12-31T22:59:60Z", .dateTime) == nil)
        #expect(date("2016-12-31T23:59:60+01:00", .dateTime) == nil)
    }

    @Test func frontMatterDatesMayCarryATimeAsWritersSpellIt() {
        #expect(date("2024-11-24", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24T10:30:00Z", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24 10:30", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24t10:30:15.5", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24 10:30:15.123 +05:30", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24T10:30:00-0800", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24T10:30:00+1", .frontMatter) == "2024-11-24")
        #expect(date("2024-11-24 10:30  ", .frontMatter) == "2024-11-24")
        // The time is checked for shape only: the date is what this syntax judges.
        #expect(date("2024-11-24T25:61", .frontMatter) == "2024-11-24")
        // Its shape still has to hold.
        #expect(date("2024-11-24T", .frontMatter) == nil)
        #expect(date("2024-11-24 t10:30", .frontMatter) == nil)
        #expect(date("2024-11-24T9:30", .frontMatter) == nil)
        #expect(date("2024-11-24T10:30.5", .frontMatter) == nil)
        #expect(date("2024-11-24T10:30:00.", .frontMatter) == nil)
        #expect(date("2024-11-24T10:30Z ", .frontMatter) == nil)
        #expect(date("2024-11-24T10:30+", .frontMatter) == nil)
        #expect(date("2024-11-24T10:30+:30", .frontMatter) == nil)
        #expect(date("2024-11-24T10:30 PST", .frontMatter) == nil)
        #expect(date("2024-11-24x", .frontMatter) == nil)
        #expect(date("2024-02-30T10:30", .frontMatter) == nil)
        // A combining mark after the date is not a separator.
        #expect(date("2024-11-24\u{301}", .frontMatter) == nil)
        #expect(date("2024-11-24T\u{301}10:30", .frontMatter) == nil)
    }

    @Test func substringsAndBuffersReadTheSame() {
        let text = "on 2024-02-29 10:30"
        #expect(CalendarDate.parse(text.dropFirst(3), as: .frontMatter)?.description == "2024-02-29")
        let bytes = Array("2024-02-29T22:59:60Z".utf8)
        #expect(bytes.withUnsafeBufferPointer { CalendarDate.parse($0, as: .dateTime) } == nil)
        #expect(bytes.withUnsafeBufferPointer { CalendarDate.parse($0, as: .frontMatter) }?.description == "2024-02-29")
    }
}
