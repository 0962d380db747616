import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Invalid schemas are refused where they are wrong; what compiles exposes its properties.
@Suite struct SchemaCompileTests {
    func error(_ yaml: String) throws -> SchemaError {
        let root = try SchemaTestSupport.yaml(yaml)
        do {
            _ = try JSONSchema(root: root, sourcePath: "note.schema.yaml")
        } catch {
            return error
        }
        Issue.record("schema compiled: \(yaml)")
        throw CancellationError()
    }

    @Test func unknownTypeName() throws {
        let error = try error("properties:\n  title: {type: strng}\n")
        #expect(error.message.hasPrefix("unknown type `strng`"))
        #expect(error.range.start.line == 2)
        #expect(error.range.start.column == 17)
        #expect(error.description.hasPrefix("note.schema.yaml:2:17: unknown type"))
    }

    @Test func badRegularExpression() throws {
        let error = try error("properties:\n  slug: {pattern: \"[a-\"}\n")
        #expect(error.message.hasPrefix("invalid regular expression [a-"))
        #expect(error.range.start.line == 2)
    }

    @Test func badPatternPropertiesKeyIsReportedAtTheKey() throws {
        let error = try error("patternProperties:\n  \"(x\": {}\n")
        #expect(error.range.start.line == 2)
        #expect(error.range.start.column == 3)
    }

    @Test func unresolvableReferences() throws {
        #expect(try error("$ref: \"#/$defs/missing\"").message == "`$ref` target #/$defs/missing does not exist in this schema")
        #expect(try error("$ref: \"other.json#/x\"").message.hasPrefix("`$ref` to another document (other.json)"))
        #expect(try error("$ref: \"#name\"").message.hasPrefix("`$ref` to the anchor `name` is not supported"))
    }

    @Test func referenceTargetMustBeASchema() throws {
        let error = try error("$ref: \"#/title\"\ntitle: Note\n")
        #expect(error.message == "a schema must be a mapping or true/false, not the string \"Note\"")
        #expect(error.range.start.line == 2)
    }

    @Test func unsupportedKeywordsAreRefusedRatherThanIgnored() throws {
        let error = try error("properties: {a: {}}\nunevaluatedProperties: false\n")
        #expect(error.message == "`unevaluatedProperties` is not supported")
        #expect(error.range.start.line == 2)
    }

    @Test func keywordValuesAreChecked() throws {
        #expect(try error("minLength: -1").message.hasPrefix("`minLength` must be a non-negative integer"))
        #expect(try error("required: [a, 1]").message.hasPrefix("`required` must list strings only"))
        #expect(try error("multipleOf: 0").message == "`multipleOf` must be greater than 0")
        #expect(try error("items: [{}, {}]").message.hasPrefix("`items` must be a schema"))
        #expect(try error("anyOf: []").message == "`anyOf` must be a non-empty list of schemas")
    }

    @Test func pointersAreUnescapedAndPercentDecoded() throws {
        let schema = try SchemaTestSupport.schema(json: """
            {"$defs": {"a/b": {"type": "integer"}, "c~d": {"type": "string"}, "e f": {"minimum": 3}},
             "properties": {"x": {"$ref": "#/$defs/a~1b"}, "y": {"$ref": "#/$defs/c~0d"}, "z": {"$ref": "#/$defs/e%20f"},
                            "w": {"$ref": "#/properties/x"}}}
            """)
        let found = schema.validate(try SchemaTestSupport.yaml("x: a\ny: 1\nz: 2\nw: b\n"))
        #expect(found.map(\.keyword) == ["type", "type", "minimum", "type"])
    }

    @Test func knownPropertiesFollowInPlaceApplicators() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            $ref: "#/$defs/base"
            required: [status]
            properties:
              title: {type: string, title: Title}
              status: {$ref: "#/$defs/status"}
            allOf:
              - properties: {tags: {type: array}, title: {description: The note's title}}
            $defs:
              base: {properties: {created: {type: string, format: date}}}
              status: {title: Growth stage, enum: [seedling, budding, evergreen]}
            """)
        #expect(schema.knownProperties == ["title", "status", "created", "tags"])
        let status = try #require(schema.propertyHints.first { $0.name == "status" })
        #expect(status.title == "Growth stage")
        #expect(status.allowedValues == ["seedling", "budding", "evergreen"])
        #expect(status.isRequired)
        let title = try #require(schema.propertyHints.first { $0.name == "title" })
        #expect(title.title == "Title")
        #expect(title.description == "The note's title")
        #expect(title.types == ["string"])
        #expect(!title.isRequired)
    }

    @Test func booleanSchemas() throws {
        let yes = try JSONSchema(root: try SchemaTestSupport.yaml("true"))
        let no = try JSONSchema(root: try SchemaTestSupport.yaml("false"))
        let note = try SchemaTestSupport.yaml("a: 1")
        #expect(yes.validate(note).isEmpty)
        #expect(no.validate(note).map(\.keyword) == ["false"])
        #expect(no.validate(nil).first?.message == "the front matter is not allowed here")
    }
}
