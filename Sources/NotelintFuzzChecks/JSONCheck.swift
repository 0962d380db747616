/// A strict check of JSON text (RFC 8259): one value, UTF-8, no raw control characters in strings, nothing after
/// the value but whitespace. Returns what is wrong, or nil.
enum JSONCheck {
    static func validate(_ bytes: [UInt8]) -> String? {
        if String(validating: bytes, as: UTF8.self) == nil { return "not UTF-8" }
        var parser = Parser(bytes: bytes)
        do {
            parser.skipSpace()
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.index != bytes.count { throw Failure(message: "text after the value", offset: parser.index) }
            return nil
        } catch {
            let failure = error as! Failure
            // Deeper than this is checked no further (alias chains can nest the JSON thousands of levels).
            if failure.message == Failure.tooDeep { return nil }
            let excerpt = String(decoding: bytes[max(0, failure.offset - 20)..<min(bytes.count, failure.offset + 20)], as: UTF8.self)
            return "\(failure.message) at byte \(failure.offset) near \(excerpt.debugDescription)"
        }
    }

    struct Failure: Error {
        var message: String
        var offset: Int
        static let tooDeep = "nested too deeply"
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func fail(_ message: String) -> Failure { Failure(message: message, offset: index) }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            guard current == byte else { throw fail("expected \(Unicode.Scalar(byte))") }
            index += 1
        }

        mutating func literal(_ word: String) throws {
            for byte in word.utf8 { try expect(byte) }
        }

        mutating func value(depth: Int) throws {
            guard depth < 1_000 else { throw fail(Failure.tooDeep) }
            switch current ?? 0 {
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if current == UInt8(ascii: "}") { index += 1; return }
                while true {
                    skipSpace()
                    try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if current == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            case UInt8(ascii: "["):
                index += 1
                skipSpace()
                if current == UInt8(ascii: "]") { index += 1; return }
                while true {
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if current == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw fail("expected a value")
            }
        }

        mutating func string() throws {
            try expect(UInt8(ascii: "\""))
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return
                case 0x00..<0x20: index -= 1; throw fail("raw control character in a string")
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { throw fail("unfinished escape") }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        break
                    case UInt8(ascii: "u"):
                        for _ in 0..<4 {
                            guard let hex = current, isHex(hex) else { throw fail("bad \\u escape") }
                            index += 1
                        }
                    default:
                        throw fail("bad escape")
                    }
                default:
                    break
                }
            }
            throw fail("unterminated string")
        }

        func isHex(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }

        mutating func digits() throws {
            guard let byte = current, (0x30...0x39).contains(byte) else { throw fail("expected a digit") }
            while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
        }

        mutating func number() throws {
            if current == UInt8(ascii: "-") { index += 1 }
            if current == UInt8(ascii: "0") {
                index += 1
            } else {
                try digits()
            }
            if current == UInt8(ascii: ".") {
                index += 1
                try digits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                try digits()
            }
        }
    }
}
