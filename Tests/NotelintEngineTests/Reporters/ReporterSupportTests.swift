import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema

struct ReporterSupportTests {
    /// FIPS 180-4's examples, and a message of exactly one block's padding boundary.
    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hexDigest(String(repeating: "a", count: 64))
            == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(SHA256.hexDigest("日記") == "1130700ce280eec8eec08ee99239f1525c027d5ac3f307387aebad224b756ceb")
    }

    @Test func pathsAreMadeRelativeToTheCurrentDirectory() {
        let base = "/home/ana/vault"
        #expect(ReportPath.relative("notes/a.md", to: base) == "notes/a.md")
        #expect(ReportPath.relative("./notes/../a.md", to: base) == "a.md")
        #expect(ReportPath.relative("/home/ana/vault/notes/a.md", to: base + "/") == "notes/a.md")
        #expect(ReportPath.relative("/home/ana/vaulted/a.md", to: base) == nil)
        #expect(ReportPath.relative("../a.md", to: base) == nil)
        #expect(ReportPath.relative("/etc/a.md", to: "/") == "etc/a.md")
        #expect(ReportPath.display("../a.md", from: base) == "/home/ana/a.md")
        // An unknown current directory (`.`) leaves relative paths relative.
        #expect(ReportPath.relative("./notes/a.md", to: ".") == "notes/a.md")
        #expect(ReportPath.relative("../a.md", to: ".") == nil)
        #expect(ReportPath.display("../a.md", from: ".") == "../a.md")
    }

    @Test func uriPathsArePercentEncoded() {
        #expect(ReportPath.uriEncoded("notes/日記 2024.md") == "notes/%E6%97%A5%E8%A8%98%202024.md")
        #expect(ReportPath.uriEncoded("a:b/c%d#e?f") == "a%3Ab/c%25d%23e%3Ff")
        #expect(ReportPath.uriEncoded("keep-._~/AZaz09") == "keep-._~/AZaz09")
    }

    @Test func xmlEscapingCoversMarkupQuotesBreaksAndInvalidCharacters() {
        #expect(XMLText.attribute("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLText.attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(XMLText.content("a\tb\nc\rd") == "a\tb\nc&#13;d")
        #expect(XMLText.content("\u{0}\u{1B}\u{FFFE}日記") == "\\u0000\\u001b\\ufffe日記")
    }

    @Test func jsonIndenterKeepsStringsAndEmptyContainers() {
        let compact = #"{"a":[],"b":{},"c":"x,y:{[\"]}","d":[1,{"e":null}]}"#
        let expected = """
            {
              "a": [],
              "b": {},
              "c": "x,y:{[\\"]}",
              "d": [
                1,
                {
                  "e": null
                }
              ]
            }
            """
        #expect(JSONIndenter.indent(Array(compact.utf8)) == expected)
    }
}
