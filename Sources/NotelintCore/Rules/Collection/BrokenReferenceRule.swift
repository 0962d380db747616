import NotelintLoader
import NotelintText

/// A link in the front matter to a note that does not exist.
struct BrokenReferenceRule: IndexedCollectionRule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey("keys", [String](), "Keys whose values name other notes, with or without `[[…]]`.")
        static let wikilinks = OptionKey("wikilinks", true, "Check every `[[Note]]` in any front matter value.")
        static let aliasKeys = OptionKey("alias-keys", ["aliases"], "Keys holding other names a note answers to.")
        static let nameKeys = OptionKey("name-keys", ["slug", "permalink"], "Keys whose value also names the note (a slug, a permalink).")
        static let allowDrafts = OptionKey("allow-drafts", true, "A reference to a draft is fine; off, it is reported.")
        static let draftKey = OptionKey("draft-key", "draft", "The key holding the draft flag.")
    }

    static let description = RuleDescription(
        id: "broken-reference",
        summary: "A reference to a note that does not exist",
        rationale: """
            `related: "[[Clausewitz]]"` is a promise that the note exists: after a rename or a typo it leads \
            nowhere, and nothing says so until a reader clicks. References resolve as Obsidian resolves them: by \
            file name or path (without `.md`, ignoring case), by an alias, or by a slug or permalink. When exactly \
            one note matches once case, spaces, accents and one typing slip are set aside, the (unsafe) fix points \
            the reference at it; otherwise the nearest names are suggested.
            """,
        defaultSeverity: .error,
        options: [
            Option.keys.declaration,
            Option.wikilinks.declaration,
            Option.aliasKeys.declaration,
            Option.nameKeys.declaration,
            Option.allowDrafts.declaration,
            Option.draftKey.declaration,
        ],
        triggeringExamples: [
            RuleExample("---\nrelated: ↓\"[[Clausewitz]]\"\n---\n", others: ["notes/Sun Tzu.md": "---\ntitle: Sun Tzu\n---\n"]),
            RuleExample("---\nrelated:\n- \"[[Sun Tzu]]\"\n- ↓\"[[Moltke#Plans|plans]]\"\n---\n",
                        others: ["Sun Tzu.md": "---\ntitle: Sun Tzu\n---\n"]),
            RuleExample("---\nup: ↓孫子兵法\n---\n", options: ["keys": .strings(["up"])], others: ["兵法.md": "---\ntitle: 兵法\n---\n"]),
            RuleExample("---\nrelated: ↓\"[[Draft]]\"\n---\n", options: ["allow-drafts": .bool(false)],
                        others: ["Draft.md": "---\ndraft: true\n---\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nrelated: [\"[[sun tzu]]\", \"[[notes/Sun Tzu#Life]]\", \"[[The Art]]\"]\n---\n",
                        others: ["notes/Sun Tzu.md": "---\naliases: [The Art]\n---\n"]),
            RuleExample("---\nup: 孫子兵法\n---\n", options: ["keys": .strings(["up"])], others: ["孫子兵法.md": "---\ntitle: 兵法\n---\n"]),
            RuleExample("---\nrelated: \"[[Draft]]\"\n---\n", others: ["Draft.md": "---\ndraft: true\n---\n"]),
            RuleExample("---\ncover: \"[[cover.png]]\"\n---\n"),
        ],
        corrections: [
            RuleCorrection("---\nrelated: \"[[Clausewtiz]]\"\n---\n", "---\nrelated: \"[[Clausewitz]]\"\n---\n",
                           applicability: .unsafe, others: ["Clausewitz.md": "---\ntitle: On War\n---\n"]),
        ]
    )

    static let nameKind = "broken-reference.name"
    static let referenceKind = "broken-reference.ref"
    static let draftKind = "broken-reference.draft"

    let keys: Set<String>
    let wikilinks: Bool
    let aliasKeys: [String]
    let nameKeys: [String]
    let allowsDrafts: Bool
    let draftKey: String

    init(options: RuleOptions) {
        keys = Set(options[Option.keys])
        wikilinks = options[Option.wikilinks]
        aliasKeys = options[Option.aliasKeys]
        nameKeys = options[Option.nameKeys]
        allowsDrafts = options[Option.allowDrafts]
        draftKey = options[Option.draftKey]
    }

    /// Case and runs of whitespace set aside: how names are compared.
    static func fold(_ text: String) -> String {
        CollectionValues.collapsingWhitespace(text.replacing("\\", with: "/")).lowercased()
    }

    /// Also accents, spaces, `-` and `_`: how near misses are found.
    static func looseFold(_ text: String) -> String {
        String(SlugStyle.foldingLatin(fold(text)).unicodeScalars.filter { !" -_".unicodeScalars.contains($0) }.map(Character.init))
    }

    func facts(of context: RuleContext) -> [CollectionFact] {
        var facts: [CollectionFact] = []
        let start = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))
        var path = context.relativePath
        if path.lowercased().hasSuffix(".md") { path.removeLast(3) }
        let stem = path.split(separator: "/").last.map(String.init) ?? path
        facts.append(CollectionFact(kind: Self.nameKind, key: "file", value: Self.fold(stem), text: stem, range: start))
        if path != stem { facts.append(CollectionFact(kind: Self.nameKind, key: "path", value: Self.fold(path), text: path, range: start)) }
        guard let root = context.root else { return facts }
        for key in aliasKeys + nameKeys {
            for (node, text) in CollectionValues.of(key, in: root) {
                let name = nameKeys.contains(key) ? text.split(separator: "/").joined(separator: "/") : text
                facts.append(CollectionFact(kind: Self.nameKind, key: key, value: Self.fold(name), text: name, range: node.range))
            }
        }
        if case .bool(true)? = root[draftKey]?.dereferenced.scalar?.resolved {
            facts.append(CollectionFact(kind: Self.draftKind, key: draftKey, value: "", text: "true", range: start))
        }
        for pair in root.pairs ?? [] {
            guard let key = pair.name else { continue }
            references(in: pair.value, key: key, declared: keys.contains(key), inFlow: false, into: &facts)
        }
        return facts
    }

    /// The references in a value: wikilinks in any string, and whole values of declared keys.
    private func references(in node: YAMLNode, key: String, declared: Bool, inFlow: Bool, into facts: inout [CollectionFact]) {
        let node = node.dereferenced
        switch node.content {
        case .scalar(let scalar):
            guard case .string(let text) = scalar.resolved else { return }
            let links = wikilinks || declared ? Self.wikilinkTargets(in: text) : []
            for target in links { add(target, node: node, key: key, into: &facts) }
            if declared && links.isEmpty && !text.allSatisfy(\.isWhitespace) { add(text, node: node, key: key, into: &facts) }
        case .sequence(let items, let style):
            for item in items { references(in: item, key: key, declared: declared, inFlow: inFlow || style == .flow, into: &facts) }
        case .mapping(let pairs, let style):
            for pair in pairs { references(in: pair.value, key: key, declared: declared, inFlow: inFlow || style == .flow, into: &facts) }
        case .alias:
            return
        }
    }

    private func add(_ target: String, node: YAMLNode, key: String, into facts: inout [CollectionFact]) {
        var name = target.trimmingWhitespace
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        // A link to an attachment (`cover.png`) or to a heading of the note itself (`#Plans`) names no note.
        guard !name.isEmpty, !Self.hasAttachmentExtension(name) else { return }
        facts.append(CollectionFact(kind: Self.referenceKind, key: key, value: Self.fold(name), text: name, range: node.range))
    }

    static func hasAttachmentExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), let slash = name.lastIndex(of: "/") ?? Optional(name.startIndex), dot > slash else { return false }
        let ext = name[name.index(after: dot)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && ext.contains(where: \.isLetter)
    }

    /// The note each `[[target#heading|label]]` in a text names.
    static func wikilinkTargets(in text: String) -> [String] {
        var targets: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            let inner = rest[open.upperBound..<close.lowerBound]
            let target = inner.prefix { $0 != "|" && $0 != "#" && $0 != "^" }
            targets.append(String(target))
            rest = rest[close.upperBound...]
        }
        return targets
    }

    func mayReport(_ facts: ArraySlice<CollectionFact>, ofNote note: Int, in index: CollectionIndex) -> Bool {
        facts.contains { fact in
            guard fact.kind == Self.referenceKind else { return false }
            let targets = index.occurrences(kind: Self.nameKind, value: fact.value)
            return targets.isEmpty || !allowsDrafts && targets.allSatisfy { isDraft($0.note, index) }
        }
    }

    private func isDraft(_ note: Int, _ index: CollectionIndex) -> Bool {
        index.facts(ofNote: note).contains { $0.kind == Self.draftKind }
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let collection = context.collection else { return [] }
        let index = collection.index
        return facts(of: context).compactMap { fact in
            guard fact.kind == Self.referenceKind else { return nil }
            let targets = index.occurrences(kind: Self.nameKind, value: fact.value)
            if let first = targets.first {
                guard !allowsDrafts, targets.allSatisfy({ isDraft($0.note, index) }) else { return nil }
                return Finding(
                    range: fact.range, message: "`\(fact.text)` is a draft (`\(draftKey): true`)",
                    related: [RelatedLocation(path: index.paths[first.note], range: first.fact.range, message: "the draft")],
                    subject: "\(fact.key)=\(fact.text)")
            }
            return brokenFinding(fact, context, index)
        }
    }

    private func brokenFinding(_ fact: CollectionFact, _ context: RuleContext, _ index: CollectionIndex) -> Finding {
        let loose = Self.looseFold(fact.text)
        let looseScalars = Array(loose.unicodeScalars)
        var matches: [Int: String] = [:]
        for candidate in index.all(kind: Self.nameKind) where candidate.fact.key != "path" {
            let name = Self.looseFold(candidate.fact.text)
            guard abs(name.unicodeScalars.count - looseScalars.count) <= 1 else { continue }
            if name == loose || EditDistance.between(Array(name.unicodeScalars), looseScalars, metric: .optimalStringAlignment, limit: 1) != nil {
                matches[candidate.note] = matches[candidate.note] ?? candidate.fact.text
            }
        }
        let names = matches.values.sorted()
        var fix: Fix?
        if matches.count == 1, let name = names.first, let node = Self.node(at: fact, in: context.root),
            let text = node.scalar?.text, let range = text.firstRange(of: fact.text) {
            let fixed = String(text[..<range.lowerBound]) + name + String(text[range.upperBound...])
            fix = YAMLEdits.replaceScalar(node, with: fixed, inFlow: Self.isInFlow(fact, context.root))
                .map { Fix(edits: [$0], applicability: .unsafe, title: "point it at `\(name)`") }
        }
        return Finding(
            range: fact.range, message: "no note is named `\(fact.text)`", suggestions: Array(names.prefix(3)), fix: fix,
            subject: "\(fact.key)=\(fact.text)")
    }

    /// The scalar a fact was read from.
    static func node(at fact: CollectionFact, in root: YAMLNode?) -> YAMLNode? {
        func find(_ node: YAMLNode) -> YAMLNode? {
            let node = node.dereferenced
            if node.scalar != nil { return node.range.start.offset == Int(fact.offset) ? node : nil }
            for child in (node.items ?? []) + (node.pairs ?? []).map(\.value) { if let found = find(child) { return found } }
            return nil
        }
        return root.flatMap(find)
    }

    /// Whether the fact's scalar sits inside a flow collection (`[…]`, `{…}`), where a plain scalar has fewer characters.
    static func isInFlow(_ fact: CollectionFact, _ root: YAMLNode?) -> Bool {
        func search(_ node: YAMLNode, _ inFlow: Bool) -> Bool? {
            let node = node.dereferenced
            switch node.content {
            case .scalar: return node.range.start.offset == Int(fact.offset) ? inFlow : nil
            case .sequence(let items, let style):
                for item in items { if let found = search(item, inFlow || style == .flow) { return found } }
            case .mapping(let pairs, let style):
                for pair in pairs { if let found = search(pair.value, inFlow || style == .flow) { return found } }
            case .alias: return nil
            }
            return nil
        }
        return root.flatMap { search($0, false) } ?? false
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
