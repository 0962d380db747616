import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// Hostile documents and schemas: validation stays bounded in time and stack.
@Suite struct SchemaLimitTests {
    /// Dispatch's worker threads get 512 KiB of stack on macOS; unoptimized frames are about twice as large.
    #if DEBUG
    static let smallStack = 1024 * 1024
    #else
    static let smallStack = 512 * 1024
    #endif

    /// Nine levels of ten aliases each: a few hundred bytes that stand for a billion strings.
    static func aliasBomb(anchorPrefix: String = "") -> String {
        var lines = ["l0: &\(anchorPrefix)l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<9 {
            let previous = "*\(anchorPrefix)l\(level - 1)"
            lines.append("l\(level): &\(anchorPrefix)l\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n")
    }

    @Test func aliasBombStopsWithOneLimitViolation() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            additionalProperties: {$ref: "#/$defs/tree"}
            $defs:
              tree:
                anyOf: [{type: string, minLength: 1}, {type: array, items: {$ref: "#/$defs/tree"}}]
            """)
        let note = try SchemaTestSupport.yaml(Self.aliasBomb())
        let found = schema.validate(note, workBudget: 100_000)
        #expect(found.map(\.keyword) == ["limit"])
        #expect(found.first?.instance === note)
        #expect(found.first?.message == "validation against the schema stopped early: the front matter is too large once its aliases are expanded")
    }

    @Test func equalityOfAliasedTreesIsBudgeted() throws {
        let schema = try SchemaTestSupport.schema(yaml: "properties: {pair: {uniqueItems: true}}")
        let text = Self.aliasBomb(anchorPrefix: "a") + "\n" + Self.aliasBomb(anchorPrefix: "b")
            .replacingOccurrences(of: "l", with: "m").replacingOccurrences(of: "*bm", with: "*bm")
            + "\npair: [*al8, *bm8]"
        let note = try SchemaTestSupport.yaml(text)
        let found = schema.validate(note, workBudget: 100_000)
        #expect(found.map(\.keyword) == ["limit"])
    }

    @Test func smallBudgetsStillAllowOrdinaryNotes() throws {
        let schema = try SchemaTestSupport.schema(yaml: "properties: {tags: {items: {type: string}}}")
        let note = try SchemaTestSupport.yaml("tags: [a, b, c]")
        #expect(schema.validate(note, workBudget: 20).isEmpty)
        #expect(schema.validate(note, workBudget: 2).map(\.keyword) == ["limit"])
    }

    @Test func refLoopsWithoutDescentAreRefusedAtCompileTime() throws {
        for text in [
            ##"{"$ref": "#"}"##,
            ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##,
            ##"{"$defs": {"a": {"not": {"$ref": "#/$defs/a"}}}}"##,
        ] {
            #expect(throws: SchemaError.self) { try SchemaTestSupport.schema(json: text) }
        }
    }

    @Test func recursionThroughTheDataIsFine() throws {
        let schema = try SchemaTestSupport.schema(json: ##"{"type": "array", "items": {"$ref": "#"}}"##)
        let depth = 120
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(schema.validate(try SchemaTestSupport.yaml(deep)).isEmpty)
        let wrong = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let found = schema.validate(try SchemaTestSupport.yaml(wrong))
        #expect(found.map(\.keyword) == ["type"])
        #expect(found.first?.instancePath.count == depth)
    }

    /// The deepest tree the loader builds fits in a worker thread's stack, even on the costlier reporting path
    /// (`anyOf` re-evaluates its one plausible alternative to explain the failure).
    @Test func deepestTreesFitInASmallStack() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            $defs:
              node:
                anyOf:
                  - {type: string}
                  - {type: array, items: {$ref: "#/$defs/node"}}
                  - {type: object, additionalProperties: {$ref: "#/$defs/node"}}
            $ref: "#/$defs/node"
            """)
        let pairs = 63
        let text = String(repeating: "[{a: ", count: pairs) + "1" + String(repeating: "}]", count: pairs)
        let deep = try SchemaTestSupport.yaml(text)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var found: [SchemaViolation] = []
        let thread = Thread {
            found = schema.validate(deep)
            finished.signal()
        }
        thread.stackSize = Self.smallStack
        thread.start()
        finished.wait()
        #expect(found.map(\.keyword) == ["anyOf"])
        #expect(found.first?.instancePath.count == pairs * 2)
        #expect(found.first?.message.hasSuffix("must be a mapping, a list or a string, not 1") == true)
    }

    /// Aliases can nest a tree far deeper than the loader's 128 levels; evaluation stops before the stack runs out.
    @Test func aliasNestingBeyondTheStackStopsWithALimit() throws {
        let schema = try SchemaTestSupport.schema(yaml: """
            $defs:
              node: {anyOf: [{type: string}, {type: array, items: {$ref: "#/$defs/node"}, uniqueItems: true}]}
            additionalProperties: {$ref: "#/$defs/node"}
            """)
        var lines = ["a0: &a0 " + String(repeating: "[", count: 100) + "x" + String(repeating: "]", count: 100)]
        for link in 1..<8 {
            lines.append("a\(link): &a\(link) " + String(repeating: "[", count: 100) + "*a\(link - 1), [*a\(link - 1)]"
                + String(repeating: "]", count: 100))
        }
        let note = try SchemaTestSupport.yaml(lines.joined(separator: "\n"))
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var found: [SchemaViolation] = []
        let thread = Thread {
            found = schema.validate(note)
            finished.signal()
        }
        thread.stackSize = Self.smallStack
        thread.start()
        finished.wait()
        #expect(found.map(\.keyword) == ["limit"])
        #expect(found.first?.message == "validation against the schema stopped early: the front matter is nested too deeply for this schema")
    }

    @Test func validationIsSafeToShareAcrossThreads() async throws {
        let schema = try SchemaTestSupport.schema(yaml: SchemaViolationTests.schemaText)
        let note = try SchemaTestSupport.yaml("title: Go\nstatus: sapling\ntags: [a, A, a]\n")
        let expected = schema.validate(note).map(\.message)
        #expect(expected.count == 4)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last: [String] = []
                    for _ in 0..<200 { last = schema.validate(note).map(\.message) }
                    return last
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
