import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema

/// The pattern machine must agree with `Regex` wherever it accepts a pattern.
@Suite struct PatternMachineTests {
    static let patterns = [
        "^[a-z0-9-]+$", #"^\d{4}-\d{2}-\d{2}$"#, "^https?://", "cole", #"\w+@\w+\.com"#, "^a*b+c?$", "^.{2,4}$",
        "^[^A-Z]*$", #"^[\d\s]+$"#, "^x{2,}$", #"[-.\]]"#, #"^\S+$"#, "^é+$", "^[à-ü]$", "a{1}b", "^$", "",
        #"^\$\^$"#, "^[a-]$", "^🐲?x", "^.$", #"\t"#, "^a*?b$", "(a|b)c", "^(?:ab)+$", "^(x|yz)*$", "^a|b$",
        #"^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$"#, #"^\p{Lu}"#, #"\P{L}"#, #"^(?<year>\d{4})$"#,
        "^(a*)*$", "^(a|ab)(c|bcd)(d*)$", #"^\u00e9$"#, #"^\u{1F432}$"#, #"^\x41"#, "^(|a)b$", "^a{0,2}$",
    ]

    static let texts = [
        "", "a", "abc", "my-note", "My-Note", "2024-05-01", "2024-5-01", "https://x", "http://y", "ftp://z", "école",
        "ecole", "a@b.com", "ab", "abbc", "b", "aab", "xyz12", "12 34", "x", "xx", "xxx", "-", ".", "]", "é", "éé",
        "ü", "a\nb", "\n", "🐲x", "x", "$^", "a\tb", "aaab", "\u{2003}", "a b", "ac", "bc", "abab", "xyzx", "a-b",
        "knowledge-management", "日本語-メモ", "Ab", "2024", "abcd", "🐲", "A", "aaaa", "e\u{301}",
    ]

    @Test func agreesWithRegex() throws {
        for pattern in Self.patterns {
            let machine = try #require(PatternMachine(pattern), "not run by the machine: \(pattern)")
            let regex = try Regex(ECMAPatternSyntax.swiftSyntax(of: pattern)).matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits().asciiOnlyWordCharacters()
            for text in Self.texts {
                let expected = try regex.firstMatch(in: text) != nil
                #expect(machine.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
            }
        }
    }

    @Test func leavesOtherSyntaxToRegex() {
        for pattern in [#"\bword"#, "(?=x)", "a(?!b)", #"(a)\1"#, #"\p{Script=Greek}"#, "a{", "[]", "[^]", "a**", #"[\D]"#, "(a"] {
            #expect(PatternMachine(pattern) == nil, "\(pattern)")
        }
    }

    @Test func nestedRepetitionStaysLinear() throws {
        let machine = try #require(PatternMachine("^(a*)*b$"))
        let text = String(repeating: "a", count: 100_000)
        #expect(!machine.matches(text))
        #expect(machine.matches(text + "b"))
    }

    @Test func schemaPatternsStillCompileOtherSyntax() throws {
        let lookahead = try SchemaPattern("^(?=.*[0-9]).+$")
        #expect(lookahead.matches("a1"))
        #expect(!lookahead.matches("ab"))
        #expect(throws: (any Error).self) { try SchemaPattern("(?=") }
    }
}
