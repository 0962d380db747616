import Foundation
import NotelintEngine
import Testing

struct RuleRegistryTests {
    /// Adding a rule file without registering it (or the reverse) fails here.
    @Test func registryListsExactlyTheRuleFiles() throws {
        let rulesFolder = RepositoryPaths.inRepository("Sources/NotelintEngine/Rules")
        let enumerator = try #require(FileManager.default.enumerator(atPath: rulesFolder))
        var declared: Set<String> = []
        let pattern = try Regex(#"struct\s+(\w+)\s*:\s*Rule\b"#)
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: rulesFolder + "/" + file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { declared.insert(String(name)) }
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(declared == registered, "declared but not registered: \(declared.subtracting(registered)); registered but not declared: \(registered.subtracting(declared))")
    }
}
