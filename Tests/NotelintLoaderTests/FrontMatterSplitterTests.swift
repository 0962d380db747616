import NotelintLoader
import Testing

@Suite struct FrontMatterSplitterTests {
    func split(_ text: String) -> FrontMatterSplit {
        FrontMatterSplitter.split(Array(text.utf8))
    }

    /// The front matter's text, or a description of what was found instead.
    func content(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard case .fenced(_, let content, _) = FrontMatterSplitter.split(bytes) else {
            return "not fenced: \(FrontMatterSplitter.split(bytes))"
        }
        return String(decoding: bytes[content], as: UTF8.self)
    }

    @Test func plainFences() {
        #expect(content("---\ntitle: A\n---\nbody\n") == "title: A\n")
        guard case .fenced(let opening, _, let closing) = split("---\ntitle: A\n---\nbody\n") else {
            Issue.record("not fenced")
            return
        }
        #expect(opening == 0..<3)
        #expect(closing == 13..<16)
    }

    @Test func byteOrderMarkBeforeTheFence() {
        let bytes = FrontMatterSplitter.byteOrderMark + Array("---\na: 1\n---\n".utf8)
        guard case .fenced(let opening, let content, _) = FrontMatterSplitter.split(bytes) else {
            Issue.record("not fenced")
            return
        }
        #expect(opening == 3..<6)
        #expect(String(decoding: bytes[content], as: UTF8.self) == "a: 1\n")
    }

    @Test func crlfLineEnds() {
        #expect(content("---\r\na: 1\r\nb: 2\r\n---\r\nbody") == "a: 1\r\nb: 2\r\n")
    }

    @Test func loneCRLineEnds() {
        #expect(content("---\ra: 1\r---\rbody") == "a: 1\r")
        // The closing fence's CR is the file's last byte: it still ends the line.
        #expect(content("---\ra: 1\r---\r") == "a: 1\r")
        #expect(split("---\r") == .unterminated(openingLine: 1))
    }

    @Test func trailingBlanksAfterFences() {
        #expect(content("--- \t\na: 1\n---  \nbody") == "a: 1\n")
    }

    @Test func fourDashesAreNotAFence() {
        #expect(split("----\na: 1\n----\n") == .none)
        #expect(content("---\na: 1\n----\nb: 2\n---\n") == "a: 1\n----\nb: 2\n")
    }

    @Test func fenceInsideTheBodyCodeBlockStaysBody() {
        let text = "---\na: 1\n---\n```yaml\n---\nb: 2\n---\n```\n"
        #expect(content(text) == "a: 1\n")
    }

    @Test func fenceMustBeOnTheFirstLine() {
        #expect(split("\n---\na: 1\n---\n") == .none)
        #expect(split(" ---\na: 1\n---\n") == .none)
        #expect(split("# Title\n---\na: 1\n---\n") == .none)
    }

    @Test func emptyFile() {
        #expect(split("") == .none)
    }

    @Test func onlyAnOpeningFence() {
        #expect(split("---") == .unterminated(openingLine: 1))
        #expect(split("---\n") == .unterminated(openingLine: 1))
        #expect(split("---\na: 1\nno closing fence\n") == .unterminated(openingLine: 1))
    }

    @Test func dotsCloseTheBlock() {
        #expect(content("---\na: 1\n...\nbody") == "a: 1\n")
        #expect(content("---\na: 1\n...") == "a: 1\n")
    }

    @Test func emptyBlock() {
        #expect(content("---\n---\n") == "")
    }

    @Test func tomlFences() {
        #expect(split("+++\ntitle = \"A\"\n+++\n") == .foreign(.toml))
    }

    @Test func jsonObjectOnTheFirstLine() {
        #expect(split("{\n  \"title\": \"A\"\n}\nbody") == .foreign(.json))
        #expect(split("{\"title\": \"A\"}\nbody") == .foreign(.json))
    }

    @Test func templateTagsOnTheFirstLineAreBody() {
        #expect(split("{{ $pages := slice -}}\n") == .none)
        #expect(split("{% callout \"info\" %}text{% endcallout %}\n") == .none)
        #expect(split("{#- comment -#}\n") == .none)
    }

    @Test func namedLanguageAfterTheFence() {
        #expect(split("---js\n{ title: 'A' }\n---\n") == .foreign(.fencedLanguage("js")))
        #expect(split("---json\n{}\n---\n") == .foreign(.fencedLanguage("json")))
        // `---yaml` is YAML.
        #expect(content("---yaml\na: 1\n---\n") == "a: 1\n")
        #expect(split("---!\na: 1\n---\n") == .none)
    }

    @Test func incompleteInputAsksForMore() {
        let bytes = Array("---\na: 1\n".utf8)
        let verdict = bytes.withUnsafeBufferPointer { FrontMatterSplitter.split($0, atEndOfFile: false) }
        #expect(verdict == nil)
        // A CR at the end of what was read may be the first half of CRLF.
        let halfBreak = Array("---\na: 1\n---\r".utf8)
        #expect(halfBreak.withUnsafeBufferPointer { FrontMatterSplitter.split($0, atEndOfFile: false) } == nil)
    }
}
