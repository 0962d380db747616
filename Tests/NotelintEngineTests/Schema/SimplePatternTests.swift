@testable import NotelintEngine
import Testing

/// The fast matcher must agree with `Regex` wherever it accepts a pattern.
@Suite struct SimplePatternTests {
    static let patterns = [
        "^[a-z0-9-]+$", #"^\d{4}-\d{2}-\d{2}$"#, "^https?://", "cole", #"\w+@\w+\.com"#, "^a*b+c?$", "^.{2,4}$",
        "^[^A-Z]*$", #"^[\d\s]+$"#, "^x{2,}$", #"[-.\]]"#, #"^\S+$"#, "^é+$", "^[à-ü]$", "a{1}b", "^$", "",
        #"^\$\^$"#, "^[a-]$", "^🐲?x", "^.$", #"\t"#, "^a*?b$",
    ]

    static let texts = [
        "", "a", "abc", "my-note", "My-Note", "2024-05-01", "2024-5-01", "https://x", "http://y", "ftp://z", "école",
        "ecole", "a@b.com", "ab", "abbc", "b", "aab", "xyz12", "12 34", "x", "xx", "xxx", "-", ".", "]", "é", "éé",
        "ü", "a\nb", "\n", "🐲x", "x", "$^", "a\tb", "aaab", "\u{2003}", "a b",
    ]

    @Test func agreesWithRegex() throws {
        for pattern in Self.patterns {
            let simple = try #require(SimplePattern(pattern), "not simple: \(pattern)")
            let regex = try Regex(ECMAPatternSyntax.swiftSyntax(of: pattern)).matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits().asciiOnlyWordCharacters()
            for text in Self.texts {
                let expected = try regex.firstMatch(in: text) != nil
                #expect(simple.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
            }
        }
    }

    @Test func leavesOtherSyntaxToRegex() {
        for pattern in ["(a|b)", "a|b", #"\bword"#, #"\p{L}"#, "(?:x)", "a{", "[[:alpha:]]", "[]", "[^]", #"\1"#, "a**", #"[\D]"#] {
            #expect(SimplePattern(pattern) == nil, "\(pattern)")
        }
    }

    @Test func pathologicalBacktrackingFallsBack() throws {
        let simple = try #require(SimplePattern("^a*a*a*a*a*b$"))
        #expect(simple.matches(String(repeating: "a", count: 200)) == nil)
        let pattern = try SchemaPattern("^a*a*a*a*a*b$")
        #expect(!pattern.matches(String(repeating: "a", count: 30)))
    }
}
