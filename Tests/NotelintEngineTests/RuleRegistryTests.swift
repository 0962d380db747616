import Foundation
import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import Testing

struct RuleRegistryTests {
    /// Adding a rule file without registering it (or the reverse) fails here.
    @Test func registryListsExactlyTheRuleFiles() throws {
        let rulesFolder = RepositoryPaths.inRepository("Sources/NotelintCore/Rules")
        let enumerator = try #require(FileManager.default.enumerator(atPath: rulesFolder), "cannot list \(rulesFolder)")
        var declared: Set<String> = []
        var files = 0
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            declared.formUnion(Self.typesConformingToRule(in: try String(contentsOfFile: rulesFolder + "/" + file, encoding: .utf8)))
            files += 1
        }
        #expect(files > 0, "no rule files found in \(rulesFolder)")
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        #expect(declared == registered, "declared but not registered: \(declared.subtracting(registered).sorted()); registered but not declared: \(registered.subtracting(declared).sorted())")
    }

    /// The names of the types `source` declares to conform to `Rule`, whatever the form of the conformance list:
    /// `struct X: Rule`, `struct X: Sendable, Rule`, `final class X: NotelintEngine.Rule`, `struct X: Sendable & Rule`,
    /// a list spread over lines, generic parameters, a `where` clause, or `extension X: Rule`.
    /// `Rule` and the protocols refining it: a rule conforms to one of them.
    static let ruleProtocols: Set<String> = ["Rule", "CollectionRule", "IndexedCollectionRule"]

    static func typesConformingToRule(in source: String) -> Set<String> {
        // Comments and string literals could hold anything: blank them out first.
        let code = source
            .replacing(try! Regex(#"(?s)/\*.*?\*/"#), with: " ")
            .replacing(try! Regex("(?s)\"{3}.*?\"{3}"), with: "\"\"")
            .replacing(try! Regex(#""(?:[^"\\\n]|\\.)*""#), with: "\"\"")
            .replacing(try! Regex(#"//[^\n]*"#), with: " ")
        let declaration = try! Regex(
            #"\b(?:struct|class|enum|actor|extension)\s+([A-Za-z_][\w.]*)\s*(?:<[^{>]*>)?\s*:\s*([^{]*)\{"#)
        var names: Set<String> = []
        for match in code.matches(of: declaration) {
            guard let name = match.output[1].substring, let list = match.output[2].substring else { continue }
            let conformances = list.split(separator: " where ").first ?? ""
            let types = conformances.split(whereSeparator: { $0 == "," || $0 == "&" })
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .map { $0.split(separator: ".").last.map(String.init) ?? $0 }
            if types.contains(where: Self.ruleProtocols.contains) { names.insert(String(name.split(separator: ".").last ?? name)) }
        }
        return names
    }

    /// The scanner itself: every form of conformance is found, and near misses are not.
    @Test func scannerFindsEveryFormOfConformance() {
        let source = """
            struct A: Rule {}
            struct B: Sendable, Rule {
            }
            public struct C : Sendable , Rule, CustomStringConvertible { }
            final class D: NotelintEngine.Rule {}
            struct E:
                Sendable,
                Rule
            {}
            struct F: Sendable & Rule {}
            struct G<T: Sendable>: Rule where T: Hashable {}
            struct H {}
            extension H: Rule {}
            enum I: Rule {}
            struct J: Sendable, CollectionRule {}
            struct NotA: RuleOption {}
            struct NotB: Sendable, RuleLike {}
            // struct NotC: Rule {}
            /* struct NotD: Sendable, Rule {} */
            let notE = "struct NotE: Rule {}"
            struct NotF: Sendable { var rule: Rule }
            """
        #expect(Self.typesConformingToRule(in: source) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"])
    }
}
