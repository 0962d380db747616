import NotelintText

/// A strict check of JSON text (RFC 8259) by the one JSON grammar: one value, UTF-8, no raw control characters in
/// strings, nothing after the value but whitespace. Returns what is wrong, or nil.
enum JSONCheck {
    /// Deeper than this is checked no further (alias chains can nest the JSON thousands of levels).
    static let grammar = JSONGrammar(maxDepth: 1_000, replacesLoneSurrogates: false)

    static func validate(_ bytes: [UInt8]) -> String? {
        var builder = Discarding()
        do {
            try grammar.read(bytes, into: &builder)
            return nil
        } catch {
            if error.message == grammar.depthMessage { return nil }
            let excerpt = String(decoding: bytes[max(0, error.offset - 20)..<min(bytes.count, error.offset + 20)], as: UTF8.self)
            return "\(error.message) at byte \(error.offset) near \(excerpt.debugDescription)"
        }
    }

    /// Builds nothing: only whether the text is JSON matters.
    struct Discarding: JSONBuilder {
        func string(_ text: String, span: Range<Int>) {}
        func key(_ text: String, span: Range<Int>) {}
        func number(_ text: ArraySlice<UInt8>, isIntegral: Bool) {}
        func literal(_ literal: JSONLiteral, span: Range<Int>) {}
        func beginObject(at offset: Int) {}
        func add(_ key: Void, _ value: Void, to members: inout Void) {}
        func endObject(_ members: Void, end: Int) {}
        func beginArray(at offset: Int) {}
        func add(_ item: Void, to items: inout Void) {}
        func endArray(_ items: Void, end: Int) {}
    }
}
