import Foundation
import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import Testing

/// `docs/rules/` is generated from the rules' descriptions (`RuleDocumentation.files`); these tests fail when the
/// committed pages drift from what the rules say, and when a page leaves out something a reader needs.
struct RuleDocumentationTests {
    static let rules = RuleRegistry.all.map { $0.description }
    static let folder = "docs/rules"
    static let regenerate = "regenerate with `scripts/generate-rule-docs.sh` (or `notelint rules --write-docs docs/rules`)"

    @Test func committedPagesMatchTheRules() throws {
        let generated = RuleDocumentation.files(Self.rules)
        for file in generated {
            let path = Self.folder + "/" + file.name
            guard let data = FileManager.default.contents(atPath: RepositoryPaths.inRepository(path)) else {
                Issue.record("\(path) is missing: \(Self.regenerate)")
                continue
            }
            let committed = String(decoding: data, as: UTF8.self)
            if committed != file.text {
                Issue.record("\(path) differs from the rule's description (\(Self.firstDifference(committed, file.text))): \(Self.regenerate)")
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.inRepository(Self.folder))
        let stale = Set(names).subtracting(generated.map(\.name))
        #expect(stale.isEmpty, "\(Self.folder) holds pages of no rule, remove them: \(stale.sorted())")
    }

    static func firstDifference(_ committed: String, _ generated: String) -> String {
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        for line in 0..<max(old.count, new.count) {
            let a = line < old.count ? String(old[line]) : "(end of file)"
            let b = line < new.count ? String(new[line]) : "(end of file)"
            if a != b { return "line \(line + 1) is \"\(a)\", the rule says \"\(b)\"" }
        }
        return "line ends differ"
    }

    /// What each page must say, taken from the description itself, so that a generator leaving something out fails.
    @Test(arguments: rules.map(\.id))
    func pageHoldsEverythingTheDescriptionSays(id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id)).description
        let page = RuleDocumentation.markdown(rule)
        var expected = ["# \(rule.id)\n", rule.summary, "Default severity: \(rule.defaultSeverity.rawValue)", rule.rationale]
        expected.append("Fix: " + (rule.fixApplicabilities.first.map { "\($0.rawValue) (" } ?? "none"))
        for applicability in rule.fixApplicabilities { expected.append("\(applicability.rawValue) (applied by `--fix") }
        switch rule.commentSuppression {
        case .supported: expected.append("`# notelint-disable \(rule.id)`")
        case .unsupported(let reason): expected.append("no comment can silence it: \(reason)")
        }
        for option in rule.options { expected.append("| `\(option.name)` | `\(option.defaultValue)` | \(option.summary) |") }
        if rule.options.isEmpty { expected.append("## Options\n\nNone.") }
        for example in rule.triggeringExamples {
            expected.append("```markdown\n\(example.text)```")
            expected.append("Reported at " + example.markers.map { "\($0.line):\($0.column)" }.joined(separator: ", "))
        }
        for example in rule.nonTriggeringExamples { expected.append("```markdown\n\(example.text)```") }
        for options in (rule.triggeringExamples + rule.nonTriggeringExamples).map(\.options) + rule.corrections.map(\.options) {
            for (name, value) in options { expected.append("\(name): \(value)") }
        }
        for correction in rule.corrections {
            expected.append("Before (\(correction.applicability.rawValue) fix):\n\n```markdown\n\(correction.before)```\n\nAfter:\n\n```markdown\n\(correction.after)```")
        }
        for text in expected {
            #expect(page.contains(text), "\(id): the page lacks \(text.debugDescription)")
        }
    }

    @Test func indexListsEveryRuleWithItsPage() throws {
        let index = RuleDocumentation.index(Self.rules)
        var lastPosition = index.startIndex
        for rule in Self.rules {
            let row = try #require(index.range(of: "| [\(rule.id)](\(rule.id).md) | \(rule.defaultSeverity.rawValue) |"), "\(rule.id) is not in the index")
            #expect(row.lowerBound >= lastPosition, "\(rule.id) is out of registry order")
            lastPosition = row.lowerBound
        }
    }

    /// The thin CLI over `RuleDocumentation`: `--write-docs` writes exactly its files, and `rules ID` prints a rule's page.
    @Test func commandWritesAndPrintsTheGeneratedText() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try CommandRunner.notelint(["rules", "--write-docs", "docs/rules"], in: folder)
        #expect(written.status == 0, "\(written.error)")
        let generated = RuleDocumentation.files(Self.rules)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/docs/rules").sorted() == generated.map(\.name).sorted())
        for file in generated {
            let data = FileManager.default.contents(atPath: folder + "/docs/rules/" + file.name)
            #expect(data.map { String(decoding: $0, as: UTF8.self) } == file.text, "\(file.name)")
        }
        for rule in Self.rules {
            let printed = try CommandRunner.notelint(["rules", rule.id], in: folder)
            #expect(printed.status == 0 && printed.output == RuleDocumentation.markdown(rule), "notelint rules \(rule.id)")
        }
        let both = try CommandRunner.notelint(["rules", "draft-status", "--write-docs", "elsewhere"], in: folder)
        #expect(both.status != 0 && both.error.contains("--write-docs writes every rule"), "\(both.status) \(both.error)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
        // A folder that cannot be made (under a file, even for root): exit 2, as for any file notelint cannot write.
        try Data().write(to: URL(fileURLWithPath: folder + "/file"))
        let unwritable = try CommandRunner.notelint(["rules", "--write-docs", "file/rules"], in: folder)
        #expect(unwritable.status == 2 && unwritable.error.contains("file/rules: cannot create the folder"), "\(unwritable.status) \(unwritable.error)")
    }

    /// The README's "## Rules" section links the index.
    @Test func readmeLinksTheRuleIndex() throws {
        let readme = try String(contentsOfFile: RepositoryPaths.inRepository("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Rules\n"), "README.md has no \"## Rules\" section")
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        #expect(section.contains("](docs/rules/README.md)"), "README.md's Rules section does not link docs/rules/README.md")
    }
}
