import Foundation
import Testing
@testable import NotelintFuzzChecks

/// Replays what fuzzing saved (`scripts/fuzz.sh`): every input of `Fixtures/fuzz/*/corpus/` and every crasher of
/// `Fixtures/fuzz/*/crashers/`, whichever target found it, through the three targets' invariant checks, in an
/// ordinary build. A crasher stays as a regression input once its bug is fixed.
struct FuzzReplayTests {
    /// This file is `<repo>/Tests/NotelintFuzzTests/FuzzReplayTests.swift`.
    static let fuzzRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz").path

    /// Inputs that still fail a check, each with the reason it is not fixed yet, keyed by "target/folder/file" of
    /// the input and the check it fails. An entry fails the test once the input passes, so that it is removed.
    static let knownFailures: [String: String] = [:]

    /// Every saved input, as "target/folder/file" under Fixtures/fuzz/.
    static let inputs: [String] = {
        var found: [String] = []
        for target in FuzzTarget.allCases {
            for folder in ["corpus", "crashers"] {
                let directory = "\(fuzzRoot)/\(target.rawValue)/\(folder)"
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                found += names.filter { !$0.hasPrefix(".") }.map { "\(target.rawValue)/\(folder)/\($0)" }
            }
        }
        return found.sorted()
    }()

    static func bytes(_ input: String) -> [UInt8] {
        FileManager.default.contents(atPath: "\(fuzzRoot)/\(input)").map { [UInt8]($0) } ?? []
    }

    @Test(arguments: FuzzTarget.allCases)
    func savedInputsPassTheChecks(_ target: FuzzTarget) {
        var failures: [String] = []
        var fixedKnown: [String] = []
        for input in Self.inputs {
            let violations = FuzzChecks.check(target, Self.bytes(input))
            let key = "\(input) \(target.rawValue)"
            if Self.knownFailures[key] != nil {
                if violations.isEmpty { fixedKnown.append(key) }
                continue
            }
            if !violations.isEmpty {
                failures.append("\(input):\n    " + violations.prefix(5).joined(separator: "\n    "))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) saved inputs fail the \(target.rawValue) checks:\n\(failures.prefix(10).joined(separator: "\n"))")
        #expect(fixedKnown.isEmpty, "known failures that pass now (remove them from knownFailures): \(fixedKnown)")
    }

    /// Each target has a saved corpus to replay, small enough to keep in the repository.
    @Test(arguments: FuzzTarget.allCases)
    func eachTargetHasASmallSavedCorpus(_ target: FuzzTarget) {
        let corpus = Self.inputs.filter { $0.hasPrefix("\(target.rawValue)/corpus/") }
        #expect(corpus.count >= 20, "\(target.rawValue): \(corpus.count) corpus inputs")
        #expect(corpus.count <= 600)
        let total = corpus.reduce(0) { $0 + Self.bytes($1).count }
        #expect(total < 1_000_000, "\(target.rawValue): corpus of \(total) bytes")
    }

    @Test func knownFailuresNameSavedInputs() {
        for key in Self.knownFailures.keys {
            let parts = key.split(separator: " ")
            #expect(parts.count == 2 && Self.inputs.contains(String(parts[0])) && FuzzTarget(rawValue: String(parts[1])) != nil, "\(key)")
        }
    }

    // The checks themselves must be able to fail.

    @Test func positionsAreCheckedAgainstTheBytes() {
        let oracle = PositionOracle(Array("\u{FEFF}ab\r\ncé\rd\n".utf8))
        #expect(oracle.lineAndColumn(ofByte: 0)! == (1, 1))
        #expect(oracle.lineAndColumn(ofByte: 4)! == (1, 2))
        #expect(oracle.lineAndColumn(ofByte: 7)! == (2, 1))
        #expect(oracle.lineAndColumn(ofByte: 10)! == (2, 3))
        #expect(oracle.lineAndColumn(ofByte: 11)! == (3, 1))
        #expect(oracle.lineAndColumn(ofByte: 14) == nil)
    }

    @Test func invalidJSONIsRejected() {
        #expect(JSONCheck.validate(Array(#"{"a": [1, -2.5e3, "x\n", true, null]}"#.utf8)) == nil)
        for bad in [#"{"a": 1,}"#, "[01]", "\"a\u{1}\"", #"{"a" 1}"#, "[1] 2", #""\x""#] {
            #expect(JSONCheck.validate(Array(bad.utf8)) != nil, "\(bad)")
        }
        // Nesting past the check's depth is checked no further, without exhausting the stack.
        #expect(JSONCheck.validate(Array(String(repeating: "[", count: 5_000).utf8)) == nil)
        #expect(JSONCheck.validate(Array((String(repeating: "[", count: 999) + "x").utf8)) != nil)
    }

    /// A note the fixer changes: its fix is checked (body kept, fixing again changes nothing) and passes.
    @Test func aFixableNotePassesTheFixerChecks() {
        let note = Array("---\ntitle: A note  \ndate: 2024-01-02\ntags: [Rust, rust]\n---\n\nBody  \n".utf8)
        #expect(FuzzChecks.fix(note).fix.fixed != note)
        #expect(FuzzChecks.checkFixer(note).isEmpty)
        #expect(FuzzChecks.checkLinter(note).isEmpty)
        #expect(FuzzChecks.checkLoader(note).isEmpty)
    }
}
