import Foundation
import Testing

@testable import NotelintCore
import NotelintLoader
@testable import NotelintSchema
import NotelintText

/// Everything the loader and the schema find is reported by exactly one rule, as the rules' `owns` declare.
@Suite struct OwnershipTests {
    static let descriptions = RuleRegistry.all.map { $0.description }

    func owners<Item: Hashable>(_ item: Item, _ claims: (Ownership) -> Set<Item>) -> [String] {
        Self.descriptions.filter { claims($0.owns).contains(item) }.map(\.id)
    }

    @Test(arguments: LoadProblem.Kind.allCases)
    func everyLoadProblemHasOneOwner(_ kind: LoadProblem.Kind) {
        #expect(owners(kind, \.loadProblems).count == 1, "\(kind): \(owners(kind, \.loadProblems))")
    }

    @Test(arguments: FrontMatterOutcome.Kind.allCases)
    func everyOutcomeThatIsAFindingHasOneOwner(_ kind: FrontMatterOutcome.Kind) {
        // Present and empty front matter are checked, not reported; an error is reported through its problems.
        let expected = [.present, .empty, .error].contains(kind) ? 0 : 1
        #expect(owners(kind, \.outcomes).count == expected, "\(kind): \(owners(kind, \.outcomes))")
    }

    @Test func schemaClaimsDoNotOverlapAndLeaveNothingUnclaimed() {
        var keywords: [String: [String]] = [:]
        var formats: [String: [String]] = [:]
        var emptyValues: [String] = []
        var everythingElse: [String] = []
        for description in Self.descriptions {
            switch description.owns.schemaViolations {
            case .nothing: break
            case .keywords(let names): for name in names { keywords[name, default: []].append(description.id) }
            case .formats(let names): for name in names { formats[name, default: []].append(description.id) }
            case .emptyValues: emptyValues.append(description.id)
            case .everythingElse: everythingElse.append(description.id)
            }
        }
        #expect(keywords.values.allSatisfy { $0.count == 1 }, "\(keywords)")
        #expect(formats.values.allSatisfy { $0.count == 1 }, "\(formats)")
        #expect(emptyValues.count == 1, "\(emptyValues)")
        #expect(everythingElse == ["schema"], "\(everythingElse)")
        #expect(keywords["format"] == nil, "`format` is claimed by format name")
    }

    @Test func routingFollowsTheClaims() throws {
        let schema = try JSONSchema(root: YAMLTestNode.parse("""
            type: object
            required: [title]
            properties:
              title: { type: string, minLength: 3 }
              date: { format: date }
              source: { format: uri }
              status: { enum: [a, b] }
              count: { maximum: 3 }
            additionalProperties: false
            """), sourcePath: "s.yml")
        let note = NoteLoader().load(bytes: Array("---\ndate: 2024-13-01\nsource: '::'\nstatus: c\ncount: 9\nextra: 1\ntitle: ''\n---\n".utf8), path: "n.md")
        let routed = Set(schema.validate(note.root).map(SchemaRouting.ruleID(for:)))
        #expect(routed == ["date-format", "url-format", "enum-value", "schema", "unknown-key", "empty-value"], "\(routed)")
    }

    @Test func listFrontMatterIsReportedWithoutASchema() throws {
        let configuration = try EffectiveConfiguration(
            Configuration.parse(Array("rules: {}\n".utf8), path: ".lint.yml", directory: ".", rules: RuleRegistry.all),
            registry: RuleRegistry.all, files: RuleFileStore(.directory(".")))
        #expect(configuration.schemas.isEmpty)
        for text in ["---\n- a\n- b\n---\n", "---\njust text\n---\n"] {
            let note = NoteLoader().load(bytes: Array(text.utf8), path: "n.md")
            let found = Linter().check(note, configuration: configuration, relativePath: "n.md", today: CalendarDate.today(), corpus: nil)
            #expect(found.map(\.ruleID) == ["wrong-type"], "\(text): \(found.map(\.message))")
            #expect(found.first?.range.start.line == 1)
        }
    }
}

/// A YAML document parsed with the loader, for schemas written inline in tests.
enum YAMLTestNode {
    static func parse(_ text: String) -> YAMLNode {
        let source = SourceText(bytes: Array(text.utf8))
        return YAMLTreeBuilder().parse(source, range: 0..<source.bytes.count).documents.first!!
    }
}
