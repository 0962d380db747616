import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Where violations point in a note and how they read.
@Suite struct SchemaViolationTests {
    static let schemaText = """
        type: object
        required: [title, status]
        additionalProperties: false
        properties:
          title: {type: string, minLength: 3, title: Title}
          status:
            title: Growth stage
            enum: [seedling, budding, evergreen]
          tags:
            type: array
            uniqueItems: true
            items: {type: string, pattern: "^[a-z0-9-]+$"}
          created: {type: string, format: date}
          rating: {type: integer, minimum: 1, maximum: 5}
          author:
            type: object
            required: [name]
            properties:
              name: {type: string}
        """

    func violations(_ note: String) throws -> (violations: [SchemaViolation], note: String) {
        let schema = try SchemaTestSupport.schema(yaml: Self.schemaText)
        return (schema.validate(try SchemaTestSupport.yaml(note)), note)
    }

    @Test func wrongEnumValuePointsAtTheValue() throws {
        let note = "title: Gardens\nstatus: sapling\n"
        let (found, _) = try violations(note)
        let violation = try #require(found.first)
        #expect(found.count == 1)
        #expect(violation.keyword == "enum")
        #expect(violation.instancePath == [.key("status")])
        #expect(SchemaTestSupport.text(of: violation.instance, in: note) == "sapling")
        #expect(violation.instance?.range.start.line == 2)
        #expect(violation.instance?.range.start.column == 9)
        #expect(violation.allowedValues == ["seedling", "budding", "evergreen"])
        #expect(violation.message == "`status` (Growth stage) must be one of seedling, budding, evergreen")
        #expect(violation.schemaNode?.items?.count == 3)
    }

    @Test func unknownKeyPointsAtTheKey() throws {
        let note = "title: Gardens\nstatus: budding\nstatsu: evergreen\n"
        let (found, _) = try violations(note)
        let violation = try #require(found.first)
        #expect(found.count == 1)
        #expect(violation.keyword == "additionalProperties")
        #expect(SchemaTestSupport.text(of: violation.key, in: note) == "statsu")
        #expect(SchemaTestSupport.text(of: violation.instance, in: note) == "evergreen")
        #expect(violation.instancePath == [.key("statsu")])
        #expect(violation.message == "unknown key `statsu`")
    }

    @Test func missingKeyPointsAtTheObject() throws {
        let note = "title: Gardens\nauthor:\n  mail: a@b.c\n"
        let (found, _) = try violations(note)
        let required = found.filter { $0.keyword == "required" }
        #expect(required.map(\.missingProperty) == ["status", "name"])
        let top = try #require(required.first)
        #expect(top.instancePath.isEmpty)
        #expect(top.instance?.pairs?.count == 2)
        #expect(top.message == "the front matter is missing required key `status` (Growth stage)")
        let nested = required[1]
        #expect(nested.instancePath == [.key("author")])
        #expect(SchemaTestSupport.text(of: nested.instance, in: note) == "mail: a@b.c")
        #expect(nested.message == "`author` is missing required key `name`")
    }

    @Test func typeMessagesNameWhatWasFound() throws {
        let note = "title: 42\nstatus: budding\ntags: solo\nrating: 2.5\n"
        let (found, _) = try violations(note)
        #expect(found.map(\.keyword) == ["type", "type", "type"])
        #expect(found.map(\.message) == [
            "`title` (Title) must be a string, not 42",
            "`tags` must be a list, not the string \"solo\"",
            "`rating` must be an integer, not 2.5",
        ])
        #expect(found[1].expectedTypes == ["array"])
    }

    @Test func quotedValuesAreSpelledAsEveryJSONTheToolWrites() throws {
        // YAML escapes give a string a backspace, a form feed and a line separator; messages quote it with
        // JSONText's escapes, the ones the reports and the dump use.
        let note = "title: Gardens\nstatus: budding\ntags: \"a\\bb\\fc\\Ld\\\"e\"\n"
        let (found, _) = try violations(note)
        #expect(found.map(\.message) == [#"`tags` must be a list, not the string "a\bb\fc\u2028d\"e""#])
    }

    @Test func itemViolationsCarryTheirIndex() throws {
        let note = "title: Gardens\nstatus: budding\ntags: [garden, Plants, garden]\n"
        let (found, _) = try violations(note)
        let pattern = try #require(found.first { $0.keyword == "pattern" })
        #expect(pattern.instancePath == [.key("tags"), .index(1)])
        #expect(pattern.message == "`tags[1]` must match the pattern ^[a-z0-9-]+$")
        let duplicate = try #require(found.first { $0.keyword == "uniqueItems" })
        #expect(duplicate.instancePath == [.key("tags"), .index(2)])
        #expect(duplicate.instance?.range.start.column == 24)
        #expect(duplicate.duplicateOf?.range.start.column == 8)
        #expect(duplicate.message == "`tags` lists the string \"garden\" more than once")
    }

    @Test func formatsAndBounds() throws {
        let note = "title: Gardens\nstatus: budding\ncreated: 2024-02-30\nrating: 9\n"
        let (found, _) = try violations(note)
        #expect(found.map(\.keyword) == ["format", "maximum"])
        #expect(found[0].format == "date")
        #expect(found[0].message == "`created` must be a date written YYYY-MM-DD")
        #expect(found[1].message == "`rating` must be at most 5")
    }

    @Test func lengthsCountUnicodeScalars() throws {
        let schema = try SchemaTestSupport.schema(yaml: "properties: {title: {minLength: 3, maxLength: 4}}")
        #expect(schema.validate(try SchemaTestSupport.yaml("title: 日本語")).isEmpty)
        #expect(schema.validate(try SchemaTestSupport.yaml("title: \"e\\u0301e\\u0301\"")).isEmpty)
        let short = schema.validate(try SchemaTestSupport.yaml("title: 日本"))
        #expect(short.map(\.message) == ["`title` must be at least 3 characters long"])
    }

    @Test func absentDocumentIsNull() throws {
        let schema = try SchemaTestSupport.schema(yaml: Self.schemaText)
        let found = schema.validate(nil)
        #expect(found.count == 1)
        #expect(found.first?.keyword == "type")
        #expect(found.first?.instance == nil)
        #expect(found.first?.message == "the front matter must be a mapping, not empty (null)")
    }

    @Test func aliasesAreFollowed() throws {
        let note = "title: &t Gardens\nstatus: &s budding\nauthor: {name: *t}\ntags: [*s, *s]\n"
        let (found, _) = try violations(note)
        let duplicate = try #require(found.first)
        #expect(found.count == 1)
        #expect(duplicate.keyword == "uniqueItems")
        #expect(SchemaTestSupport.text(of: duplicate.instance, in: note) == "*s")
    }

    @Test func yamlKeysAreComparedAsText() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            properties: {"2024": {type: string}, "true": {const: 1}}
            propertyNames: {pattern: "^[a-z0-9]+$"}
            """)
        let found = schema.validate(try SchemaTestSupport.yaml("2024: 5\ntrue: 1\nBad: x\n"))
        #expect(found.map(\.keyword) == ["type", "propertyNames"])
        #expect(found[0].instancePath == [.key("2024")])
        #expect(found[1].message == "key `Bad` must match the pattern ^[a-z0-9]+$")
        #expect(found[1].key?.range.start.line == 3)
    }

    @Test func anyOfExplainsThroughTheOnlyAlternativeOfTheRightType() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            properties:
              date:
                anyOf:
                  - {type: string, format: date}
                  - {type: array, items: {type: string, format: date}}
              kind:
                oneOf: [{const: note}, {const: post}]
              size:
                anyOf: [{type: string}, {type: array}]
            """)
        let found = schema.validate(try SchemaTestSupport.yaml("date: 2024-13-01\nkind: page\nsize: 3\n"))
        #expect(found.map(\.keyword) == ["format", "oneOf", "anyOf"])
        #expect(found[1].allowedValues == ["note", "post"])
        #expect(found[1].message == "`kind` must be one of note, post")
        #expect(found[2].message == "`size` must be a list or a string, not 3")
    }

    @Test func falseSubschemasRefuseTheKeyOrItem() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            properties: {draft: false, pair: {prefixItems: [{}, {}], items: false}}
            """)
        let note = "draft: true\npair: [1, 2, 3, 4]\n"
        let found = schema.validate(try SchemaTestSupport.yaml(note))
        #expect(found.map(\.keyword) == ["properties", "items"])
        #expect(SchemaTestSupport.text(of: found[0].key, in: note) == "draft")
        #expect(found[0].message == "key `draft` is not allowed")
        #expect(found[1].instancePath == [.key("pair"), .index(2)])
        #expect(found[1].message == "`pair` must have at most 2 items")
    }

    @Test func theUseSiteTitleNamesTheInstance() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            properties:
              created: {title: Created, $ref: "#/$defs/date"}
              updated: {$ref: "#/$defs/date"}
            $defs:
              date: {title: Date, type: string, format: date}
            """)
        let found = schema.validate(try SchemaTestSupport.yaml("created: soon\nupdated: later\n"))
        #expect(found.map(\.message) == [
            "`created` (Created) must be a date written YYYY-MM-DD",
            "`updated` (Date) must be a date written YYYY-MM-DD",
        ])
    }

    @Test func quickCheckAgreesWithReporting() throws {
        let schema = try SchemaTestSupport.schema(yaml: Self.schemaText)
        #expect(schema.isValid(try SchemaTestSupport.yaml("title: Gardens\nstatus: budding\n")))
        #expect(!schema.isValid(try SchemaTestSupport.yaml("title: Gardens\nstatus: sapling\n")))
    }
}
