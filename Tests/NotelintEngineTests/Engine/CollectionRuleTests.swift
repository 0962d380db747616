import Foundation
import NotelintLoader
import Testing

@testable import NotelintCore
@testable import NotelintText

/// What the collection rules' examples do not show: the generators' slug functions, references a schema declares,
/// folder scopes, and names one slip apart.
struct CollectionRuleTests {
    @Test(arguments: [
        // Hugo keeps `_` and `.`, drops other punctuation, joins words with one `-`, keeps CJK and accents.
        (SlugStyle.hugo, "Machine Learning", "machine-learning"),
        (.hugo, "machine_learning", "machine_learning"),
        (.hugo, "a b", "a-b"),
        (.hugo, "C++ & Go!", "c++-go"),
        (.hugo, "Café Crème", "café-crème"),
        (.hugo, "朝鲜 战争", "朝鲜-战争"),
        // Eleventy: `&` reads `and`, apostrophes go, accents go (`ä` as `ae`), other scripts are dropped.
        (.eleventy, "Rock & Roll", "rock-and-roll"),
        (.eleventy, "Don't Panic", "dont-panic"),
        (.eleventy, "Übergrößen", "uebergroessen"),
        (.eleventy, "machine_learning", "machine-learning"),
        (.eleventy, "朝鲜战争", ""),
        // Jekyll's modes.
        (.jekyll, "The _config.yml file", "the-config-yml-file"),
        (.jekyllPretty, "The _config.yml file", "the-_config.yml-file"),
        (.jekyllRaw, "The _config.yml  file", "the-_config.yml-file"),
        (.jekyllAscii, "Café Crème", "caf-cr-me"),
        (.jekyllLatin, "Café Crème", "cafe-creme"),
        (.jekyll, "朝鲜 战争", "朝鲜-战争"),
        // Plain kebab.
        (.kebab, "Machine_Learning!", "machine-learning"),
        (.kebab, "  --a--b--  ", "a-b"),
    ])
    func slugStylesFollowTheirGenerators(style: SlugStyle, text: String, slug: String) {
        #expect(style.slug(text) == slug, "\(style.rawValue): \(text)")
    }

    /// A folder holding `.lint.yml` and whatever notes and schema a test writes, removed afterwards.
    final class Folder {
        let path: String

        init(_ files: [String: String]) throws {
            path = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path + "/notelint-collection-\(UUID().uuidString)"
            for (name, text) in files {
                let file = path + "/" + name
                try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func findings() throws -> [String] {
            let report = try Linter().lint(LintRequest(paths: [path], today: CalendarDate(year: 2025, month: 1, day: 1)!))
            return report.diagnostics.map { "\($0.path.replacingOccurrences(of: path + "/", with: "")):\($0.range.start.line) \($0.ruleID)" }
        }
    }

    @Test func aSchemaDeclaresReferenceKeys() throws {
        let folder = try Folder([
            ".lint.yml": "include: [\"**/*.md\"]\nschemas:\n  - files: [\"**\"]\n    schema: note.schema.yml\n",
            "note.schema.yml": "type: object\nproperties:\n  up: {type: string, format: note-ref}\n  see: {type: array, items: {format: note-ref}}\n  title: {type: string}\n",
            "Clausewitz.md": "---\ntitle: Clausewitz\n---\n",
            "a.md": "---\ntitle: A\nup: Clausewitz\nsee: [clausewitz, Moltke]\n---\n",
            "b.md": "---\ntitle: B\nup: Sun Tzu\n---\n",
        ])
        #expect(try folder.findings() == ["a.md:4 broken-reference", "b.md:3 broken-reference"])
    }

    @Test func scopeGlobsMakeEachLanguageFolderOneScope() throws {
        let folder = try Folder([
            ".lint.yml": "include: [\"**/*.md\"]\nrules:\n  duplicate-value:\n    scope: folder\n    scope-globs: [\"content/*\"]\n",
            "content/en/docs/a.md": "---\ntitle: Exporters\n---\n",
            "content/en/blog/b.md": "---\ntitle: Exporters\n---\n",
            "content/de/docs/a.md": "---\ntitle: Exporters\n---\n",
        ])
        #expect(try folder.findings() == ["content/en/blog/b.md:2 duplicate-value", "content/en/docs/a.md:2 duplicate-value"])
    }

    @Test func nearNamesFindOneSlipWhereverItFalls() {
        let names = ["Clausewitz", "Sun Tzu", "Moltke", "abcd", "abc", "Jomini"]
        let index = CollectionIndex(notes: names.map { name in
            (path: name + ".md", facts: [CollectionFact(
                kind: BrokenReferenceRule.nameKind, key: "file", value: BrokenReferenceRule.fold(name), text: name,
                range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0)))])
        })
        let near = NearNames(index)
        func found(_ reference: String) -> [String] { near.notes(near: BrokenReferenceRule.looseFold(reference), in: index).values.sorted() }
        #expect(found("Clausewtiz") == ["Clausewitz"])     // two letters swapped
        #expect(found("lausewitz") == ["Clausewitz"])      // the first letter lost
        #expect(found("Clausewit") == ["Clausewitz"])      // the last letter lost
        #expect(found("sun-tzu") == ["Sun Tzu"])           // spaces and hyphens set aside
        #expect(found("Jómini") == ["Jomini"])             // accents set aside
        #expect(found("acbd").contains("abcd"))            // a swap in the middle of a short name
        #expect(found("Napoleon") == [])
    }

    /// Among thousands of names sharing their ends (numbered notes), a reference meets every name one slip away,
    /// and only those: the table's keys of ends and lengths leave none out.
    @Test func nearNamesAreEveryNameOneSlipAway() {
        let names = (0..<2000).map { "note-\($0)" } + ["Clausewitz", "Sun Tzu", "ab", "abcdef", "abcdfe"]
        let index = CollectionIndex(notes: names.map { name in
            (path: "notes/" + name + ".md", facts: [CollectionFact(
                kind: BrokenReferenceRule.nameKind, key: "file", value: BrokenReferenceRule.fold(name), text: name,
                range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0)))])
        })
        let near = NearNames(index)
        for reference in ["note-1243", "note-12", "Note 7", "note-19999", "note-", "abcdef", "clausewitz", "SunTzu", "a"] {
            let target = Array(BrokenReferenceRule.looseFold(reference).unicodeScalars)
            let expected = names.filter { name in
                let loose = Array(BrokenReferenceRule.looseFold(name).unicodeScalars)
                return loose == target || EditDistance.between(loose, target, metric: .optimalStringAlignment, limit: 1) != nil
            }
            #expect(near.notes(near: BrokenReferenceRule.looseFold(reference), in: index).values.sorted() == expected.sorted(), "\(reference)")
        }
    }
}

extension CollectionRuleTests {
    /// Without a `slug` option, the configuration's `generator:` decides how tags become URLs: under Hugo `a b` and
    /// `a-b` are one page and `machine_learning` is a page of its own; plain kebab-case joins the latter too.
    @Test func theGeneratorChoosesTheSlugFunction() {
        func style(_ generator: SiteGenerator?, _ slug: String? = nil) -> SlugStyle {
            var options = RuleOptions(defaults: SlugCollisionRule.description.options, overrides: slug.map { ["slug": .string($0)] } ?? [:])
            options.generator = generator
            return SlugCollisionRule(options: options).style
        }
        #expect(style(.hugo) == .hugo)
        #expect(style(.eleventy) == .eleventy)
        #expect(style(.jekyll) == .jekyll)
        #expect(style(.obsidian) == .kebab)
        #expect(style(nil) == .kebab)
        #expect(style(.hugo, "jekyll-pretty") == .jekyllPretty)
    }
}
