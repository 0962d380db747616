import Foundation
import NotelintLoader
import Testing

/// Runs every case of the yaml-test-suite through the tree builder and the JSON renderer.
///
/// A case passes when an input marked `error` is rejected, or when a valid input loads without problems and its
/// documents, rendered as typed JSON, equal `in.json` (when the case has one). Cases that libyaml 0.2.5 itself
/// gets wrong are listed, with their reasons, in `YAMLTestSuiteSkipList`.
@Suite struct YAMLTestSuiteTests {
    struct Case {
        var id: String
        var folder: URL
        var name: String
    }

    enum Verdict: Equatable {
        case pass
        case fail(String)
    }

    @Test func everyCase() throws {
        guard let suitePath = SharedFixtures.requireDirectory("suites/yaml-test-suite") else { return }
        let suite = URL(fileURLWithPath: suitePath)
        let baseline = try Self.baseline(suite)
        let cases = try Self.cases(suite)
        #expect(cases.count == 402)

        var passed = 0
        var skipped = 0
        var failures: [String] = []
        for testCase in cases {
            let verdict = try Self.run(testCase)
            let skipReason = YAMLTestSuiteSkipList.cases[testCase.id]
            switch (verdict, skipReason) {
            case (.pass, nil):
                passed += 1
            case (.pass, .some):
                failures.append("\(testCase.id) passes but is on the skip list: remove it")
            case (.fail, .some):
                skipped += 1
            case (.fail(let why), nil):
                failures.append("\(testCase.id) [libyaml: \(baseline[testCase.id] ?? "?")] (\(testCase.name)): \(why)")
            }
        }
        for (id, reason) in YAMLTestSuiteSkipList.cases.sorted(by: { $0.key < $1.key }) {
            let status = baseline[id] ?? "missing"
            #expect(status != "ok" && status != "missing", "skip list entry \(id) is not a libyaml failure in the baseline (\(reason))")
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        print("yaml-test-suite: \(passed) passed, \(skipped) skipped (libyaml 0.2.5 failures), \(failures.count) failed, of \(cases.count)")
        #expect(passed + skipped == cases.count)
    }

    static func run(_ testCase: Case) throws -> Verdict {
        let input = [UInt8](try Data(contentsOf: testCase.folder.appendingPathComponent("in.yaml")))
        let mustFail = FileManager.default.fileExists(atPath: testCase.folder.appendingPathComponent("error").path)
        let result = YAMLTreeBuilder().parse(SourceText(bytes: input), range: 0..<input.count)
        let rejected = result.isIncomplete || !result.problems.isEmpty
        if mustFail {
            return rejected ? .pass : .fail("invalid input was accepted")
        }
        if rejected {
            return .fail("valid input was rejected: " + result.problems.map { "\($0.kind.rawValue) at \($0.range.start): \($0.message)" }.joined(separator: "; "))
        }
        let jsonURL = testCase.folder.appendingPathComponent("in.json")
        guard FileManager.default.fileExists(atPath: jsonURL.path) else { return .pass }
        let expected = try JSONValue.parseSequence([UInt8](try Data(contentsOf: jsonURL)))
        var actual: [JSONValue] = []
        for document in result.documents {
            guard let document else {
                actual.append(.null)
                continue
            }
            let text = try YAMLJSONRenderer().render(document).get()
            actual.append(try JSONValue.parse(Array(text.utf8)))
        }
        if actual != expected {
            return .fail("expected \(expected), got \(actual)")
        }
        return .pass
    }

    static func cases(_ suite: URL) throws -> [Case] {
        let names = try FileManager.default.contentsOfDirectory(atPath: suite.path).sorted()
        return names.compactMap { name in
            let folder = suite.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) else { return nil }
            let title = (try? String(contentsOf: folder.appendingPathComponent("name"), encoding: .utf8)) ?? ""
            return Case(id: name, folder: folder, name: title.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Case id → libyaml 0.2.5's status (`ok`, `FALSE-REJECT`, `FALSE-ACCEPT`, `EVENT-MISMATCH`).
    static func baseline(_ suite: URL) throws -> [String: String] {
        let text = try String(contentsOf: suite.appendingPathComponent("libyaml-0.2.5-baseline.tsv"), encoding: .utf8)
        var statuses: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2 { statuses[String(fields[0])] = String(fields[1]) }
        }
        return statuses
    }
}
