import Foundation
import Testing

/// A hostile `.lint.yml` (or schema) stops the run with exit code 2 and the place of the problem, quickly.
@Suite struct HostileConfigurationTests {
    static let seconds = 10.0
    static let megabytes = 128.0

    func lint(configuration: String, files: [String: String] = [:], label: String = #function,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> HostileRun {
        let folder = try HostileFolder()
        try folder.write(".lint.yml", configuration)
        for (name, text) in files { try folder.write(name, text) }
        let run = try folder.lint(seconds: Self.seconds, label: label)
        HostileRunner.expectBounded(run, seconds: Self.seconds, megabytes: Self.megabytes, exitCodes: [2], sourceLocation: sourceLocation)
        #expect(run.output.isEmpty, sourceLocation: sourceLocation)
        return run
    }

    @Test func malformedConfiguration() throws {
        let run = try lint(configuration: "rules:\n  unknown-key: off\n  draft-status: [oops\n")
        #expect(run.error.contains(".lint.yml:4:1: configuration error: did not find expected ',' or ']'"), "\(run.error)")
    }

    @Test func aliasBombConfiguration() throws {
        // 12 anchors of nine aliases each: 108 aliases; the 101st, second on line 13, passes the configuration's limit.
        var text = "a: &a [l, l, l, l, l, l, l, l, l]\n"
        let names = Array("abcdefghijklm")
        for index in 1..<names.count {
            text += "\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ", ") + "]\n"
        }
        let run = try lint(configuration: text)
        #expect(run.error.contains(".lint.yml:13:12: configuration error: more than 100 aliases"), "\(run.error)")
        // Under the alias limit, the same shape fails on its first unknown key.
        let small = try lint(configuration: text.split(separator: "\n").prefix(9).joined(separator: "\n") + "\n")
        #expect(small.error.contains(".lint.yml:1:1: configuration error: unknown key `a`"), "\(small.error)")
    }

    @Test func deepConfiguration() throws {
        let run = try lint(configuration: "rules: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        #expect(run.error.contains(".lint.yml:1:39: configuration error: nesting deeper than 32 levels"), "\(run.error)")
    }

    @Test func binaryConfiguration() throws {
        let run = try lint(configuration: "rules:\n  \u{0}: off\n")
        #expect(run.error.contains(".lint.yml:2:3: configuration error: NUL byte in YAML"), "\(run.error)")
    }

    @Test func aliasBombSchema() throws {
        var schema = "x-a: &a [l, l, l, l, l, l, l, l, l]\n"
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            schema += "x-\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ", ") + "]\n"
        }
        schema += "properties:\n  title:\n    enum: *i\n"
        let run = try lint(
            configuration: "schemas:\n  - files: [\"**\"]\n    schema: bomb.schema.yml\n", files: ["bomb.schema.yml": schema])
        // Reported where the expansion ran out of budget, inside the anchors.
        #expect(run.error.contains("configuration error: invalid schema: "), "\(run.error)")
        #expect(run.error.contains("bomb.schema.yml:2:42: `enum`/`const` values are too large once aliases are expanded"), "\(run.error)")
    }

    @Test func schemaThatRefersToItself() throws {
        let run = try lint(
            configuration: "schemas:\n  - files: [\"**\"]\n    schema: loop.schema.yml\n",
            files: ["loop.schema.yml": "allOf: [{$ref: \"#\"}]\n"])
        #expect(run.error.contains("loop.schema.yml:1:16: this schema refers back to itself"), "\(run.error)")
    }
}
