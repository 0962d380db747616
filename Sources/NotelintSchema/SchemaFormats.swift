import NotelintText

/// The `format`s this validator asserts, checked against their RFC grammars byte by byte (ASCII only: a Bengali
/// digit is no digit in RFC 3339).
enum SchemaFormats {
    static func isValid(_ text: String, as format: SchemaFormat) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch format {
            case .date: CalendarDate.parse(bytes, as: .date) != nil
            case .dateTime: CalendarDate.parse(bytes, as: .dateTime) != nil
            case .uri: URIFormat.isURI(bytes[...])
            case .email: EmailFormat.isEmail(bytes[...])
            }
        }
    }

    static func expectation(_ format: SchemaFormat) -> String {
        switch format {
        case .date: "a date written YYYY-MM-DD"
        case .dateTime: "a date and time as in RFC 3339, such as 2024-05-01T09:30:00Z"
        case .uri: "an absolute URI, such as https://example.com/page"
        case .email: "an e-mail address, such as someone@example.com"
        }
    }
}
