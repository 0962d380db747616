import Foundation
import NotelintLoader
import Testing

@Suite struct JSONTextTests {
    @Test func escaping() {
        #expect(JSONText.quoted("plain") == #""plain""#)
        #expect(JSONText.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONText.quoted("tab\tnew\nret\r") == #""tab\tnew\nret\r""#)
        #expect(JSONText.quoted("\u{0}\u{1}\u{1F}\u{7F}") == #""\u0000\u0001\u001f"# + "\u{7F}\"")
        #expect(JSONText.quoted("line\u{2028}para\u{2029}") == #""line\u2028para\u2029""#)
        #expect(JSONText.quoted("中文 é 😀") == "\"中文 é 😀\"")
    }

    @Test func escapedTextReadsBack() throws {
        var text = ""
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) { text.unicodeScalars.append(scalar) }
        text += "\u{2028}\u{2029}柴静\u{1F600}"
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.quoted(text).utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == text)
    }

    @Test func numbers() {
        #expect(JSONText.number(1) == "1.0")
        #expect(JSONText.number(1e20) == "1e+20")
        #expect(JSONText.number(-0.5) == "-0.5")
        #expect(JSONText.number(.infinity) == nil)
        #expect(JSONText.number(.nan) == nil)
    }

    @Test func writerPlacesSeparators() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.int(1)
        writer.double(.infinity)
        writer.double(-.infinity)
        writer.double(.nan)
        writer.bool(false)
        writer.null()
        writer.endArray()
        writer.key("b")
        writer.beginObject()
        writer.endObject()
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[1,".inf","-.inf",".nan",false,null],"b":{}}"#)
    }

    @Test func rollBack() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.int(1)
        let checkpoint = writer.checkpoint
        writer.beginObject()
        writer.key("half")
        writer.rollBack(to: checkpoint)
        writer.int(2)
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[1,2]")
    }
}

@Suite struct YAMLJSONRendererTests {
    func root(_ yaml: String) throws -> YAMLNode {
        let note = NoteLoader().load(bytes: Array("---\n\(yaml)---\n".utf8), path: "note.md")
        return try #require(note.root)
    }

    func json(_ yaml: String, _ options: YAMLJSONOptions = YAMLJSONOptions()) throws -> String {
        try YAMLJSONRenderer(options: options).render(try root(yaml)).get()
    }

    @Test func typedValuesInSourceOrder() throws {
        let yaml = "z: 1\na: 1.5\nm: true\nn: ~\ne:\ns: \"0755\"\ni: .inf\nj: -.Inf\nk: .NaN\nl: [x, 2]\n"
        #expect(try json(yaml) == #"{"z":1,"a":1.5,"m":true,"n":null,"e":null,"s":"0755","i":".inf","j":"-.inf","k":".nan","l":["x",2]}"#)
    }

    @Test func untypedKeepsTheWrittenText() throws {
        let yaml = "z: 1\na: 1.50\nm: yes\nn: ~\ne:\ns: \"0755\"\nl: [x, 2]\n"
        #expect(try json(yaml, YAMLJSONOptions(typed: false)) == #"{"z":"1","a":"1.50","m":"yes","n":"~","e":"","s":"0755","l":["x","2"]}"#)
    }

    @Test func aliasesAreExpanded() throws {
        let yaml = "base: &b {x: 1}\ncopy: *b\nlist: [*b, *b]\n"
        #expect(try json(yaml) == #"{"base":{"x":1},"copy":{"x":1},"list":[{"x":1},{"x":1}]}"#)
    }

    @Test func repeatedKeysAreWrittenAsTheyRepeat() throws {
        #expect(try json("a: 1\na: 2\n") == #"{"a":1,"a":2}"#)
    }

    @Test func keysThatAreNotScalars() throws {
        let yaml = "? [a, b]\n: 1\n? {k: v}\n: 2\n&k key: 3\n*k : 4\n"
        #expect(try json(yaml) == #"{"[\"a\",\"b\"]":1,"{\"k\":\"v\"}":2,"key":3,"key":4}"#)
    }

    @Test func scalarKeysUseTheirText() throws {
        #expect(try json("1: a\ntrue: b\n~: c\n") == #"{"1":"a","true":"b","~":"c"}"#)
    }

    @Test func positionsWrapEveryNode() throws {
        let text = try json("k: [v]\n", YAMLJSONOptions(positions: true))
        let expected = #"{"line":2,"column":1,"offset":4,"endLine":2,"endColumn":7,"endOffset":10,"value":["#
            + #"{"key":{"line":2,"column":1,"offset":4,"endLine":2,"endColumn":2,"endOffset":5,"value":"k"},"#
            + #""value":{"line":2,"column":4,"offset":7,"endLine":2,"endColumn":7,"endOffset":10,"value":["#
            + #"{"line":2,"column":5,"offset":8,"endLine":2,"endColumn":6,"endOffset":9,"value":"v"}]}}]}"#
        #expect(text == expected)
    }

    @Test func positionedAliasKeepsItsOwnRange() throws {
        let text = try json("a: &x 1\nb: *x\n", YAMLJSONOptions(positions: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let pairs = try #require(object["value"] as? [[String: Any]])
        let alias = try #require(pairs[1]["value"] as? [String: Any])
        #expect(alias["alias"] as? String == "x")
        #expect(alias["line"] as? Int == 3)
        #expect(alias["column"] as? Int == 4)
        #expect(alias["value"] as? Int == 1)
    }

    @Test func budgetCountsExpandedNodes() throws {
        let yaml = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        // root + a + 3 items + b + 3 × (alias + target + 3 items) = 21 nodes; scalar keys are not counted.
        #expect(throws: Never.self) { try json(yaml, YAMLJSONOptions(nodeBudget: 21)) }
        let failure = #expect(throws: JSONNodeBudgetExceeded.self) { try json(yaml, YAMLJSONOptions(nodeBudget: 20)) }
        #expect(failure?.range.start.line == 3)
    }

    @Test func deepAliasChainsDoNotExhaustTheStack() throws {
        // Each level nests the previous one: the expansion is 2,000 levels deep though the tree is shallow.
        var yaml = "l0: &l0 [x]\n"
        for level in 1..<2_000 { yaml += "l\(level): &l\(level) [*l\(level - 1)]\n" }
        let last = try #require(try root(yaml)["l1999"])
        let text = try YAMLJSONRenderer().render(last).get()
        #expect(text == String(repeating: "[", count: 2_000) + "\"x\"" + String(repeating: "]", count: 2_000))
    }
}

@Suite struct NoteDumpRecordTests {
    func record(_ text: String, path: String = "note.md", options: YAMLJSONOptions = YAMLJSONOptions()) -> [String: Any]? {
        let note = NoteLoader().load(bytes: Array(text.utf8), path: path)
        var writer = JSONWriter()
        NoteDumpRecord.write(note, options: options, to: &writer)
        let object = try? JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
        #expect(object != nil, "not JSON: \(String(decoding: writer.bytes, as: UTF8.self))")
        return object
    }

    @Test func presentFrontMatter() throws {
        let object = try #require(record("---\ntitle: \"A\"\n---\n"))
        #expect(object["path"] as? String == "note.md")
        #expect(object["outcome"] as? String == "present")
        #expect((object["problems"] as? [Any])?.isEmpty == true)
        #expect((object["frontMatter"] as? [String: Any])?["title"] as? String == "A")
    }

    @Test func otherOutcomes() throws {
        #expect(record("+++\na = 1\n+++\n")?["format"] as? String == "toml")
        #expect(record("---js\n{}\n---\n")?["format"] as? String == "---js")
        #expect(record("---\na: 1\n")?["openingLine"] as? Int == 1)
        #expect(record("no front matter")?["outcome"] as? String == "none")
        #expect(record("---\n---\n")?["outcome"] as? String == "empty")
        #expect(record("---\n---\n")?["frontMatter"] is NSNull)
    }

    @Test func problemsCarryPositions() throws {
        let object = try #require(record("---\na: 1\na: 2\n---\n"))
        let problem = try #require((object["problems"] as? [[String: Any]])?.first)
        #expect(problem["kind"] as? String == "duplicate-key")
        #expect(problem["line"] as? Int == 3)
        #expect(problem["column"] as? Int == 1)
        #expect(problem["endColumn"] as? Int == 2)
        #expect(problem["offset"] as? Int == 9)
        #expect((problem["related"] as? [String: Any])?["line"] as? Int == 2)
    }

    @Test func aliasBombIsReportedNotWritten() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<8 { yaml += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let object = try #require(record("---\n\(yaml)---\n"))
        #expect(object["frontMatter"] is NSNull)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.map { $0["kind"] as? String } == [NoteDumpRecord.expansionTooLargeKind])
        // The budget runs out while expanding `l5`, whose expansion alone is over a million nodes.
        #expect(problems.first?["line"] as? Int == 7)
    }
}
