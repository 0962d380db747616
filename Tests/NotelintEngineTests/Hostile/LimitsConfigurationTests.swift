import Foundation
import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintReporters
import NotelintSchema
import Testing

/// The `limits:` section of `.lint.yml`: each limit, lowered, stops a note that passes by default; raised, lets
/// through one the default refuses; a bad name or value is a configuration error (exit 2) with its position.
@Suite struct LimitsConfigurationTests {
    static let seconds = 10.0
    static let megabytes = 128.0
    static let good = HostileFolder.goodNoteName

    /// The good note with an anchor and an alias (`speaker: *s` repeats `series`), still valid by default.
    static let aliased = HostileFolder.goodText
        .replacingOccurrences(of: "series: ''", with: "series: &s ''")
        .replacingOccurrences(of: "speaker: 柴静 Chai Jing", with: "speaker: *s")

    func lint(_ configuration: String?, _ notes: [String: String], exitCode: Int32,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> HostileRun {
        let folder = try HostileFolder(withGoodNote: false)
        if let configuration { try folder.write(".lint.yml", configuration) }
        for (name, text) in notes { try folder.write(name, text) }
        let run = try folder.lint(seconds: Self.seconds)
        HostileRunner.expectBounded(run, seconds: Self.seconds, megabytes: Self.megabytes, exitCodes: [exitCode],
                                    sourceLocation: sourceLocation)
        return run
    }

    func messages(_ run: HostileRun, _ name: String) throws -> [String] {
        try run.diagnostics(of: name).map { "\($0["rule"] as? String ?? "?"): \($0["message"] as? String ?? "")" }
    }

    @Test func theGoodNotesPassByDefault() throws {
        // An empty `limits:` section is the defaults.
        for configuration in [nil, "limits: {}\n"] {
            let run = try lint(configuration, [Self.good: HostileFolder.goodText, "aliased.md": Self.aliased], exitCode: 0)
            #expect(try run.filesChecked() == 2)
            #expect(try run.diagnostics().isEmpty)
        }
    }

    @Test func eachLoweredLimitStopsTheGoodNote() throws {
        let cases: [(setting: String, expected: String)] = [
            ("max-keys: 10", "yaml-syntax: more than 10 keys"),
            ("max-depth: 1", "yaml-syntax: nesting deeper than 1 levels"),
            ("max-front-matter-bytes: 512", "yaml-syntax: front matter is larger than 512 bytes or has no closing fence within that limit"),
            ("max-aliases: 0", "yaml-syntax: more than 0 aliases"),
        ]
        for (setting, expected) in cases {
            let run = try lint("limits:\n  \(setting)\n", ["aliased.md": Self.aliased], exitCode: 1)
            #expect(try messages(run, "aliased.md") == [expected], "\(setting)")
        }
    }

    @Test func aRaisedLimitLetsALargerNoteThrough() throws {
        // A 1.5 MB summary: over the default 1 MiB, within 4 MiB.
        let large = HostileFolder.goodText.replacingOccurrences(
            of: "summary: ", with: "summary: " + String(repeating: "a", count: 1_500_000))
        let refused = try lint(nil, ["large.md": large], exitCode: 1)
        #expect(try refused.findings(of: "large.md") == ["yaml-syntax@1:1"])
        let accepted = try lint("limits:\n  max-front-matter-bytes: 4194304\n", ["large.md": large], exitCode: 0)
        #expect(try accepted.diagnostics().isEmpty)
    }

    @Test func limitsApplyUnderTheirOwnConfigurationOnly() throws {
        let folder = try HostileFolder()
        try folder.write("strict/.lint.yml", "limits:\n  max-keys: 10\n")
        try folder.write("strict/note.md", HostileFolder.goodText)
        let run = try folder.lint(seconds: Self.seconds)
        HostileRunner.expectBounded(run, seconds: Self.seconds, megabytes: Self.megabytes, exitCodes: [1])
        #expect(try run.findings(of: "strict/note.md") == ["yaml-syntax@24:1"])
        #expect(try run.diagnostics(of: Self.good).isEmpty)
    }

    @Test func theEffectiveLimitsAreShown() throws {
        let folder = try HostileFolder()
        try folder.write(".lint.yml", "limits:\n  max-keys: 10\n")
        let run = try folder.run(["config", Self.good], seconds: Self.seconds)
        HostileRunner.expectBounded(run, seconds: Self.seconds, megabytes: Self.megabytes, exitCodes: [0])
        #expect(run.output.hasSuffix("""
            limits:
              max-depth: 128
              max-front-matter-bytes: 1048576
              max-keys: 10
              max-aliases: 10000

            """), "\(run.output)")
    }

    @Test func badLimitsAreConfigurationErrors() throws {
        let cases: [(text: String, error: String)] = [
            ("limits:\n  max-kyes: 10\n", ".lint.yml:2:3: configuration error: unknown limit `max-kyes`; did you mean `max-keys`?"),
            ("limits:\n  max-keys: 0\n", ".lint.yml:2:13: configuration error: limit `max-keys` must be a whole number from 1 to 1000000"),
            ("limits:\n  max-keys: many\n", ".lint.yml:2:13: configuration error: limit `max-keys` must be a whole number from 1 to 1000000"),
            ("limits:\n  max-aliases: -1\n", ".lint.yml:2:16: configuration error: limit `max-aliases` must be a whole number from 0 to 1000000"),
            ("limits:\n  max-depth: 1000\n", ".lint.yml:2:14: configuration error: limit `max-depth` must be a whole number from 1 to 128"),
            ("limits:\n  max-front-matter-bytes: 1.5\n",
             ".lint.yml:2:27: configuration error: limit `max-front-matter-bytes` must be a whole number from 1 to 67108864"),
            ("limits: [max-keys]\n", ".lint.yml:1:9: configuration error: limits must be a mapping"),
        ]
        for (text, error) in cases {
            let run = try lint(text, [Self.good: HostileFolder.goodText], exitCode: 2)
            #expect(run.output.isEmpty)
            #expect(run.error.contains(error), "\(text): \(run.error)")
        }
    }

    /// The README's Limits table names every limit with its default and allowed range, as the code has them.
    @Test func theReadmeTableMatchesTheCode() throws {
        let readme = try String(contentsOfFile: RepositoryPaths.inRepository("README.md"), encoding: .utf8)
        var rows: [String: (defaultValue: Int, range: ClosedRange<Int>)] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| `max-") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let defaultValue = try #require(Int(cells[1].prefix { $0.isNumber }), "\(line)")
            let bounds = cells[2].split(separator: " ").compactMap { Int($0) }
            try #require(bounds.count == 2, "\(line)")
            rows[name] = (defaultValue, bounds[0]...bounds[1])
        }
        #expect(Set(rows.keys) == Set(LimitSetting.all.map(\.name)))
        for setting in LimitSetting.all {
            #expect(rows[setting.name]?.defaultValue == LoadLimits.default[keyPath: setting.keyPath], "\(setting.name)")
            #expect(rows[setting.name]?.range == setting.allowed, "\(setting.name)")
        }
    }
}
