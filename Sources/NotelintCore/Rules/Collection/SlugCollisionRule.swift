import NotelintLoader
import NotelintText

/// Different spellings of a tag publish to one page; two notes publish to one URL.
struct SlugCollisionRule: IndexedCollectionRule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey("keys", ["tags"], "Lists whose values each publish a page (taxonomies): spellings with one slug collide.")
        static let urlKeys = OptionKey(
            "url-keys", ["slug", "permalink", "url"], "Keys whose value is a note's own URL: two notes with one URL collide.")
        static let slug = OptionKey(
            "slug", "kebab",
            "How the site makes URLs: `kebab`, `hugo`, `eleventy`, `jekyll`, `jekyll-pretty`, `jekyll-raw`, `jekyll-ascii` or `jekyll-latin`.")
    }

    static let description = RuleDescription(
        id: "slug-collision",
        summary: "Values that publish to the same URL",
        rationale: """
            A site generator turns each tag into a page by its slug: `Machine Learning`, `machine-learning` and \
            `machine_learning` become one page, listed under whichever spelling it met first, and the notes using \
            the others seem to vanish from it. Two notes whose `slug` or `permalink` give one URL overwrite each \
            other. The slug function is the generator's (`slug` option). When one spelling is used by more notes \
            than any other, the fix rewrites the others to it.
            """,
        defaultSeverity: .warning,
        options: [Option.keys.declaration, Option.urlKeys.declaration, Option.slug.declaration],
        triggeringExamples: [
            RuleExample("---\ntags: [↓machine_learning, war]\n---\n",
                        others: ["a.md": "---\ntags: [machine-learning]\n---\n", "b.md": "---\ntags: [machine-learning]\n---\n"]),
            RuleExample("---\ntags:\n- ↓a b\n---\n", options: ["slug": .string("hugo")], others: ["a.md": "---\ntags: [a-b]\n---\n"]),
            RuleExample("---\nslug: ↓on-war\n---\n", others: ["war.md": "---\nslug: On War\n---\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntags: [machine-learning]\n---\n",
                        others: ["a.md": "---\ntags: [machine_learning]\n---\n", "b.md": "---\ntags: [machine-learning]\n---\n"]),
            RuleExample("---\ntags: [machine_learning]\n---\n", options: ["slug": .string("hugo")],
                        others: ["a.md": "---\ntags: [machine-learning]\n---\n"]),
            RuleExample("---\ntags: [戦争, 平和]\n---\n", options: ["slug": .string("eleventy")], others: ["a.md": "---\ntags: [革命]\n---\n"]),
        ],
        corrections: [
            RuleCorrection("---\ntags: [Machine Learning, war]\n---\n", "---\ntags: [machine-learning, war]\n---\n",
                           others: ["a.md": "---\ntags: [machine-learning]\n---\n", "b.md": "---\ntags: [machine-learning]\n---\n"]),
        ]
    )

    static let tagKind = "slug-collision.tag"
    static let urlKind = "slug-collision.url"

    let keys: [String]
    let urlKeys: [String]
    let style: SlugStyle

    init(options: RuleOptions) {
        keys = options[Option.keys]
        urlKeys = options[Option.urlKeys]
        style = SlugStyle(rawValue: options[Option.slug]) ?? .kebab
    }

    func facts(of context: RuleContext) -> [CollectionFact] {
        guard let root = context.root else { return [] }
        var facts: [CollectionFact] = []
        for key in keys {
            var seen: Set<String> = []
            for (node, text) in CollectionValues.of(key, in: root) where seen.insert(text).inserted {
                let slug = style.slug(text)
                guard !slug.isEmpty else { continue }
                facts.append(CollectionFact(kind: Self.tagKind, key: key, value: key + "\u{1F}" + slug, text: text, range: node.range))
            }
        }
        for key in urlKeys {
            for (node, text) in CollectionValues.of(key, in: root) {
                let url = urlSlug(text)
                guard !url.isEmpty else { continue }
                facts.append(CollectionFact(kind: Self.urlKind, key: key, value: url, text: text, range: node.range))
            }
        }
        return facts
    }

    /// A URL path's segments each slugged, without the slashes around it.
    func urlSlug(_ text: String) -> String {
        text.split(separator: "/").map { style.slug(String($0)) }.filter { !$0.isEmpty }.joined(separator: "/")
    }

    func mayReport(_ facts: ArraySlice<CollectionFact>, ofNote note: Int, in index: CollectionIndex) -> Bool {
        facts.contains { fact in
            switch fact.kind {
            case Self.tagKind: index.occurrences(kind: fact.kind, value: fact.value).contains { $0.fact.text != fact.text }
            case Self.urlKind: index.occurrences(kind: fact.kind, value: fact.value).contains { $0.note != note }
            default: false
            }
        }
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let collection = context.collection else { return [] }
        return facts(of: context).compactMap { fact in
            fact.kind == Self.tagKind ? tagFinding(fact, context, collection) : urlFinding(fact, collection)
        }
    }

    private func tagFinding(_ fact: CollectionFact, _ context: RuleContext, _ collection: CollectionView) -> Finding? {
        let others = collection.others(kind: Self.tagKind, value: fact.value)
        guard others.contains(where: { $0.fact.text != fact.text }) else { return nil }
        // Notes per spelling, this one counted with its own.
        var notes: [String: Set<Int>] = [fact.text: [-1]]
        for other in others { notes[other.fact.text, default: []].insert(other.note) }
        let ranked = notes.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        let leader = ranked[0]
        let isMajority = ranked.count == 1 || leader.value.count > ranked[1].value.count
        // The most used spelling is the page's name: its notes are not the ones to change.
        if isMajority && leader.key == fact.text { return nil }
        let spellings = ranked.filter { $0.key != fact.text }.map { "`\($0.key)` (\($0.value.count) \($0.value.count == 1 ? "note" : "notes"))" }
        var fix: Fix?
        if isMajority, let list = TagList(context, key: fact.key), let node = list.tags.first(where: { $0.text == fact.text })?.node {
            if list.tags.contains(where: { $0.text == leader.key }) {
                fix = YAMLEdits.removeItem(node, from: list.sequence, in: context.source)
                    .map { Fix(edits: [$0], applicability: .safe, title: "remove `\(fact.text)`: `\(leader.key)` is listed already") }
            } else {
                fix = YAMLEdits.replaceScalar(node, with: leader.key, inFlow: list.isFlow)
                    .map { Fix(edits: [$0], applicability: .safe, title: "replace with `\(leader.key)`") }
            }
        }
        let related = others.filter { $0.fact.text != fact.text }
            .map { collection.index.location($0, message: "`\($0.fact.text)`, the same page") }
        return Finding(
            range: fact.range,
            message: "`\(fact.text)` publishes to the same page (`\(fact.value.split(separator: "\u{1F}").last ?? "")`) as \(CollectionValues.list(spellings))",
            suggestions: isMajority ? [leader.key] : [], related: related, fix: fix, subject: "\(fact.key)=\(fact.text)")
    }

    private func urlFinding(_ fact: CollectionFact, _ collection: CollectionView) -> Finding? {
        let others = collection.others(kind: Self.urlKind, value: fact.value)
        guard !others.isEmpty else { return nil }
        let names = others.map { collection.index.paths[$0.note] }
        return Finding(
            range: fact.range,
            message: "`\(fact.key)` `\(fact.text)` publishes to `/\(fact.value)/`, as \(CollectionValues.list(names)) does",
            related: others.map { collection.index.location($0, message: "the same URL") }, subject: "\(fact.key)=\(fact.text)")
    }
}
