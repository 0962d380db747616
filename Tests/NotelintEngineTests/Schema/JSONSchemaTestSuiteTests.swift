import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Runs the JSON-Schema-Test-Suite (draft 2020-12) files of every implemented keyword. Each test either passes or
/// is listed in `JSONSchemaTestSuiteSkips` with the unimplemented feature it needs; a listed test that passes is
/// reported too, so that the list does not go stale.
@Suite struct JSONSchemaTestSuiteTests {
    static let suiteDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Schema
        .deletingLastPathComponent()  // NotelintEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/suites/JSON-Schema-Test-Suite/tests/draft2020-12")


    /// The suite's files for the keywords implemented here.
    static let files = [
        "additionalProperties", "allOf", "anyOf", "boolean_schema", "const", "contains", "default", "defs",
        "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum", "format",
        "if-then-else", "infinite-loop-detection", "items", "maxContains", "maxItems", "maxLength", "maxProperties",
        "maximum", "minContains", "minItems", "minLength", "minProperties", "minimum", "multipleOf", "not", "oneOf",
        "pattern", "patternProperties", "prefixItems", "properties", "propertyNames", "ref", "required", "type",
        "uniqueItems",
        "optional/bignum", "optional/ecmascript-regex", "optional/float-overflow", "optional/non-bmp-regex",
        "optional/refOfUnknownKeyword", "optional/unknownKeyword",
        "optional/format/date", "optional/format/date-time", "optional/format/uri", "optional/format/email",
    ].map { $0 + ".json" }

    struct Tally {
        var passed = 0
        var skipped = 0
        var failed = 0
    }

    @Test func suite() throws {
        var isDirectory: ObjCBool = false
        try #require(FileManager.default.fileExists(atPath: Self.suiteDirectory.path, isDirectory: &isDirectory) && isDirectory.boolValue,
                     "missing shared folder \(Self.suiteDirectory.path): the JSON-Schema-Test-Suite comes with ../shared, which must sit next to the repository")
        var totals = Tally()
        var skipsThatFailed: Set<Int> = []
        for file in Self.files {
            let tally = try run(file, skipsThatFailed: &skipsThatFailed)
            print("JSON-Schema-Test-Suite \(file): \(tally.passed) passed, \(tally.skipped) skipped, \(tally.failed) failed")
            totals.passed += tally.passed
            totals.skipped += tally.skipped
            totals.failed += tally.failed
        }
        print("JSON-Schema-Test-Suite total: \(totals.passed) passed, \(totals.skipped) skipped, \(totals.failed) failed")
        for (position, skip) in JSONSchemaTestSuiteSkips.all.enumerated() where !skipsThatFailed.contains(position) {
            Issue.record("skip list entry no longer needed (nothing it covers fails): \(skip.file) › \(skip.group) › \(skip.test ?? "*")")
        }
        #expect(totals.failed == 0)
    }

    private func run(_ file: String, skipsThatFailed: inout Set<Int>) throws -> Tally {
        let bytes = try [UInt8](Data(contentsOf: Self.suiteDirectory.appendingPathComponent(file)))
        let document = try JSONReader().read(SourceText(bytes: bytes))
        var tally = Tally()
        for group in document.items ?? [] {
            let groupName = group["description"]?.scalar?.text ?? "?"
            let schemaNode = try #require(group["schema"])
            let schema: Result<JSONSchema, SchemaError> = Result { () throws(SchemaError) in try JSONSchema(root: schemaNode) }
            for test in group["tests"]?.items ?? [] {
                let testName = test["description"]?.scalar?.text ?? "?"
                let expected = test["valid"]?.scalar?.resolved == .bool(true)
                let outcome = Self.outcome(schema, data: try #require(test["data"]), expected: expected)
                let skip = JSONSchemaTestSuiteSkips.entry(file: file, group: groupName, test: testName)
                switch (outcome, skip) {
                case (nil, _):
                    tally.passed += 1
                case (.some, let skip?):
                    tally.skipped += 1
                    skipsThatFailed.insert(skip)
                case (let problem?, nil):
                    tally.failed += 1
                    Issue.record("\(file) › \(groupName) › \(testName): \(problem)")
                }
            }
        }
        return tally
    }

    /// Nil when the schema judges the data as the suite expects, else what went wrong.
    private static func outcome(_ schema: Result<JSONSchema, SchemaError>, data: YAMLNode, expected: Bool) -> String? {
        let compiled: JSONSchema
        switch schema {
        case .success(let schema): compiled = schema
        case .failure(let error): return "schema rejected: \(error)"
        }
        let violations = compiled.validate(data)
        // The quick yes/no path must agree with the reporting one.
        guard compiled.isValid(data) == violations.isEmpty else {
            return "isValid disagrees with validate (\(violations.map(\.message)))"
        }
        switch (expected, violations.isEmpty) {
        case (true, false): return "expected valid, got: \(violations.map { "\($0.keyword): \($0.message)" })"
        case (false, true): return "expected invalid, got no violation"
        default: return nil
        }
    }
}
