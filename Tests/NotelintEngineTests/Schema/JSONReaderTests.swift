import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

@Suite struct JSONReaderTests {
    func read(_ text: String) throws -> YAMLNode {
        try JSONReader().read(SourceText(bytes: Array(text.utf8)))
    }

    func failure(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONReader().read(SourceText(bytes: Array(text.utf8)))
            return nil
        } catch {
            return error
        }
    }

    @Test func valuesAndTypes() throws {
        let root = try read(#"{"s": "x", "i": -12, "f": 2.5, "e": 1e3, "big": 123456789012345678901234, "t": true, "n": null, "a": []}"#)
        let resolved = (root.pairs ?? []).map { $0.value.scalar?.resolved }
        #expect(resolved[0] == .string("x"))
        #expect(resolved[1] == .int(-12))
        #expect(resolved[2] == .float(2.5))
        #expect(resolved[3] == .float(1000))
        #expect(resolved[4] == .float(1.2345678901234568e23))
        #expect(resolved[5] == .bool(true))
        #expect(resolved[6] == .null)
        #expect(root["a"]?.items?.isEmpty == true)
        #expect(root["s"]?.scalar?.style == .doubleQuoted)
        #expect(root["i"]?.scalar?.text == "-12")
    }

    @Test func positionsAreExact() throws {
        let text = "{\n  \"é\": [1, \"two\"],\n  \"k\": {}\n}"
        let root = try read(text)
        let bytes = Array(text.utf8)
        func spelled(_ node: YAMLNode?) -> String? {
            node.map { String(decoding: bytes[$0.range.byteRange], as: UTF8.self) }
        }
        let pair = try #require(root.pairs?.first)
        #expect(spelled(pair.key) == "\"é\"")
        #expect(spelled(pair.value) == "[1, \"two\"]")
        #expect(pair.value.range.start.line == 2)
        #expect(pair.value.range.start.column == 8)
        #expect(pair.value.items?[1].range.start.column == 12)
        #expect(root["k"]?.range.start == SourcePosition(line: 3, column: 8, offset: bytes.count - 4))
        #expect(root.range.end.line == 4)
        #expect(root.range.end.offset == bytes.count)
    }

    @Test func escapes() throws {
        let root = try read(#"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude00", "\ud800x", "\u0000"]"#)
        let texts = (root.items ?? []).map { $0.scalar?.text }
        #expect(texts == ["a\"b\\c/d\n\t", "é😀", "\u{FFFD}x", "\u{0}"])
    }

    @Test func strictness() {
        let cases: [(String, String)] = [
            ("[1, 2,]", "expected a JSON value"),
            ("[01]", "numbers must not have leading zeros"),
            ("{\"a\" 1}", "expected `:` after the key"),
            ("{a: 1}", "expected a string key"),
            ("\"tab\there\"", "control characters must be escaped in strings"),
            ("[1] x", "unexpected text after the JSON value"),
            ("\"\\x\"", "invalid escape sequence"),
            ("[1.]", "expected a digit after the decimal point"),
            ("tru", "expected `true`"),
            ("", "expected a JSON value, found the end of the text"),
        ]
        for (text, message) in cases {
            #expect(failure(text)?.message == message, "\(text)")
        }
        #expect(failure("[\n  1,\n  ]")?.position == SourcePosition(line: 3, column: 3, offset: 9))
        // A truncated sequence, and an encoded surrogate.
        #expect(throws: JSONSyntaxError.self) { try JSONReader().read(SourceText(bytes: [0x22, 0xC3, 0x28, 0x22])) }
        #expect(throws: JSONSyntaxError.self) { try JSONReader().read(SourceText(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22])) }
    }

    @Test func depthIsLimited() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(failure(deep)?.message == "nesting deeper than 128 levels")
        let fine = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(failure(fine) == nil)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let root = try JSONReader().read(SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)))
        #expect(root["a"]?.scalar?.resolved == .int(1))
        #expect(root.range.start.offset == 3)
        // Columns count after the mark, as editors and the YAML loader count them.
        #expect(root.range.start.column == 1)
        #expect(root["a"]?.range.start == SourcePosition(line: 1, column: 7, offset: 9))
    }
}
