import NotelintLoader
import Testing

@Suite struct ScalarTests {
    func root(_ yaml: String) throws -> YAMLNode {
        let note = NoteLoader().load(bytes: Array("---\n\(yaml)---\n".utf8), path: "note.md")
        #expect(note.problems.isEmpty, "\(note.problems)")
        return try #require(note.root)
    }

    func scalar(_ value: String) throws -> YAMLScalar {
        try #require(try root("v: \(value)\n")["v"]?.scalar)
    }

    @Test(arguments: [
        ("yes", YAML11Type.bool, ResolvedValue.string("yes")),
        ("No", .bool, .string("No")),
        ("on", .bool, .string("on")),
        ("OFF", .bool, .string("OFF")),
        ("y", .bool, .string("y")),
        ("0755", .int, .int(755)),
        ("1:30", .int, .string("1:30")),
        ("1:30.5", .float, .string("1:30.5")),
        ("1_000", .int, .string("1_000")),
        ("0b101", .int, .string("0b101")),
        ("2024-11-24", .timestamp, .string("2024-11-24")),
        ("2024-11-24 10:30:00", .timestamp, .string("2024-11-24 10:30:00")),
        ("1e3", .string, .float(1000)),
        ("0o17", .string, .int(15)),
        ("<<", .merge, .string("<<")),
    ])
    func yaml11Disagreements(text: String, yaml11: YAML11Type, core: ResolvedValue) throws {
        let value = try scalar(text)
        #expect(value.yaml11Type == yaml11)
        #expect(value.resolved == core)
    }

    @Test(arguments: [
        ("true", ResolvedValue.bool(true)),
        ("False", .bool(false)),
        ("42", .int(42)),
        ("-7", .int(-7)),
        ("0x1F", .int(31)),
        ("3.25", .float(3.25)),
        ("~", .null),
        ("null", .null),
        ("hello", .string("hello")),
    ])
    func sameReadingInBothVersions(text: String, core: ResolvedValue) throws {
        let value = try scalar(text)
        #expect(value.yaml11Type == nil)
        #expect(value.resolved == core)
    }

    @Test func emptyValueIsNull() throws {
        let value = try #require(try root("v:\n")["v"]?.scalar)
        #expect(value.text == "")
        #expect(value.resolved == .null)
    }

    @Test func quotedScalarsAreStrings() throws {
        let node = try root("a: 'yes'\nb: \"0755\"\nc: '2024-11-24'\n")
        for key in ["a", "b", "c"] {
            let value = try #require(node[key]?.scalar)
            #expect(value.yaml11Type == nil)
            #expect(value.resolved.type == .string)
        }
    }

    @Test func explicitTags() throws {
        let node = try root("a: !!str 12\nb: !!int \"12\"\nc: !!float 1\nd: !!null ''\n")
        #expect(node["a"]?.scalar?.resolved == .string("12"))
        #expect(node["b"]?.scalar?.resolved == .int(12))
        #expect(node["c"]?.scalar?.resolved == .float(1))
        #expect(node["d"]?.scalar?.resolved == .null)
        #expect(node["a"]?.tag == "tag:yaml.org,2002:str")
    }

    @Test func styles() throws {
        let node = try root("""
            plain: text
            single: 'it''s'
            double: "tab\\there"
            literal: |
              line one
              line two
            folded: >-
              folded
              text
            flow: [a, b]
            block:
              - a

            """)
        #expect(node["plain"]?.scalar?.style == .plain)
        #expect(node["single"]?.scalar?.style == .singleQuoted)
        #expect(node["single"]?.scalar?.text == "it's")
        #expect(node["double"]?.scalar?.style == .doubleQuoted)
        #expect(node["double"]?.scalar?.text == "tab\there")
        #expect(node["literal"]?.scalar?.style == .literal)
        #expect(node["literal"]?.scalar?.text == "line one\nline two\n")
        #expect(node["folded"]?.scalar?.style == .folded)
        #expect(node["folded"]?.scalar?.text == "folded text")
        guard case .sequence(_, let flowStyle)? = node["flow"]?.content, case .sequence(_, let blockStyle)? = node["block"]?.content else {
            Issue.record("sequences expected")
            return
        }
        #expect(flowStyle == .flow)
        #expect(blockStyle == .block)
    }

    @Test func quotedScalarRangeIncludesQuotes() throws {
        let node = try root("a: 'x'\n")
        let range = try #require(node["a"]?.range)
        #expect(range.start.column == 4)
        #expect(range.end.column == 7)
    }
}
