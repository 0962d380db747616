import NotelintLoader
import Testing

/// Loads every note of the real-world corpora in `../shared/corpora` (see its SOURCES.md) and pins what the
/// loader finds: the outcome counts per corpus and every problem, with its position.
@Suite struct CorpusTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var corpus: String
        var files: Int
        var outcomes: [String: Int]
        /// "relative/path kind line:column" for every problem met.
        var problems: [String]

        var description: String { corpus }
    }

    static let expectations: [Expectation] = [
        Expectation(
            corpus: "11ty-website", files: 231,
            // SOURCES.md: one `---js` file and one empty front matter.
            outcomes: ["present": 224, "empty": 1, "none": 5, "other-format ---js": 1], problems: []),
        Expectation(corpus: "dendron-site", files: 1_016, outcomes: ["present": 1_013, "none": 3], problems: []),
        Expectation(
            corpus: "opentelemetry.io", files: 1_859,
            outcomes: ["present": 1_793, "empty": 11, "none": 55],
            // SOURCES.md: the five front matters PyYAML rejects as YAML syntax errors.
            problems: [
                "archetypes/announcement.md yaml-syntax 2:22",
                "archetypes/medium.md yaml-syntax 6:1",
                "projects/2026/helping-localization-teams.plan.md yaml-syntax 3:28",
                "projects/2026/mdl-gh-url-hash-rule.plan.md yaml-syntax 3:28",
                "projects/2026/merge-queue-for-locale-prs.plan.md yaml-syntax 3:28",
            ]),
        Expectation(corpus: "pingcap-docs-cn", files: 1_222, outcomes: ["present": 1_212, "none": 10], problems: []),
        // SOURCES.md: 754 TOML `+++` front matters.
        Expectation(corpus: "rust-blog", files: 756, outcomes: ["other-format toml": 754, "none": 2], problems: []),
    ]

    @Test(arguments: expectations)
    func corpus(_ expected: Expectation) throws {
        guard let root = SharedFixtures.requireDirectory("corpora/\(expected.corpus)") else { return }
        let paths = NoteFinder.find(paths: [root])
        #expect(paths.count == expected.files)
        let loader = NoteLoader()
        var outcomes: [String: Int] = [:]
        var problems: [String] = []
        for path in paths {
            let note = loader.load(path: path)
            var outcome = note.outcome.name
            if case .foreign(let format) = note.outcome { outcome += " " + NoteDumpRecord.formatName(format) }
            outcomes[outcome, default: 0] += 1
            let relative = String(path.dropFirst(root.count + 1))
            for problem in note.problems {
                problems.append("\(relative) \(problem.kind.rawValue) \(problem.range.start)")
                // A problem's position must be inside what was read, and name the same line its offset does.
                #expect(problem.range.start.offset <= note.source.bytes.count)
                #expect(note.source.position(ofByte: problem.range.start.offset) == problem.range.start, "\(relative)")
            }
            if note.outcome == .present, note.problems.isEmpty {
                #expect(note.root?.pairs != nil, "\(relative): present front matter without problems must be a mapping")
            }
            if let tree = note.root {
                // Every tree renders, both ways, within the node budget.
                #expect(throws: Never.self) { try YAMLJSONRenderer(options: YAMLJSONOptions(positions: true)).render(tree).get() }
                #expect(throws: Never.self) { try YAMLJSONRenderer(options: YAMLJSONOptions(typed: false)).render(tree).get() }
            }
        }
        #expect(outcomes == expected.outcomes)
        #expect(problems == expected.problems)
    }

    /// SOURCES.md: valid YAML whose key is a mapping (`{ { dateFormat … } }`), which PyYAML cannot hash.
    @Test func mappingAsKeyLoads() throws {
        guard let root = SharedFixtures.requireDirectory("corpora/opentelemetry.io") else { return }
        let note = NoteLoader().load(path: root + "/archetypes/blog.md")
        #expect(note.problems.isEmpty)
        let date = try #require(note.root?.pairs?.first { $0.key.scalar?.text == "date" })
        let key = try #require(date.value.pairs?.first?.key)
        #expect(key.pairs != nil)
        let json = try YAMLJSONRenderer().render(date.value).get()
        #expect(json.hasPrefix(#"{"{\""#))
    }
}
