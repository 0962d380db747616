import NotelintLoader
import NotelintText

/// A value that should name one note only (a title, a source) is used by several.
/// A class: it is asked about every note, on every worker, and each copy of a struct this size retained all its
/// fields, which the workers share (their counts bouncing between the cores).
final class DuplicateValueRule: IndexedCollectionRule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey("keys", ["title", "source"], "Keys whose values must differ from note to note.")
        static let caseSensitiveKeys = OptionKey(
            "case-sensitive-keys", [String](), "Keys compared with case (the others ignore it: `Foo` is `foo`).")
        static let exactWhitespaceKeys = OptionKey(
            "exact-whitespace-keys", [String](), "Keys compared with whitespace as written (the others trim it and collapse runs).")
        static let scope = OptionKey(
            "scope", "collection",
            "Where values must be unique: `collection`, `folder` (each folder apart), `schema` (each schema's notes apart) or `key` (notes with the same `scope-key` value).",
            allowed: ["collection", "folder", "schema", "key"])
        static let scopeKey = OptionKey("scope-key", "lang", "With `scope: key`: the key whose value groups notes (a translated site's language).")
        static let scopeGlobs = OptionKey(
            "scope-globs", [String](),
            "With `scope: folder`: globs naming the folders that are scopes, everything below one counting as one (`**/content/*` for a site with a folder per language); empty: every folder is one.")
    }

    static let description = RuleDescription(
        id: "duplicate-value",
        summary: "A value meant to be unique is used by another note",
        rationale: """
            Two notes with one title show up as twins in every list and search; two notes of one source are the \
            same article noted twice, and their notes drift apart. The finding names every other note with the \
            value. Values are compared without case and with whitespace collapsed unless configured otherwise; \
            a translated site compares within each language (`scope: key`, `scope-key: lang`).
            """,
        defaultSeverity: .warning,
        options: [
            Option.keys.declaration,
            Option.caseSensitiveKeys.declaration,
            Option.exactWhitespaceKeys.declaration,
            Option.scope.declaration,
            Option.scopeKey.declaration,
            Option.scopeGlobs.declaration,
        ],
        triggeringExamples: [
            RuleExample("---\ntitle: ↓On Power\n---\n", others: ["power.md": "---\ntitle: On power\n---\n"]),
            RuleExample("---\ntitle: Reading\nsource: ↓https://example.com/a\n---\n",
                        others: ["a.md": "---\ntitle: A\nsource: https://example.com/a\n---\n"]),
            RuleExample("---\ntitle: ↓戦争論\n---\n", others: ["senso.md": "---\ntitle: 戦争論\n---\n"]),
            RuleExample("---\nlang: en\ntitle: ↓Home\n---\n", options: ["scope": .string("key")],
                        others: ["home.en.md": "---\nlang: en\ntitle: Home\n---\n"]),
            RuleExample("---\ntitle: ↓Exporters\n---\n", options: ["scope": .string("folder"), "scope-globs": .strings(["content/*"])],
                        others: ["notes/exporters.md": "---\ntitle: Exporters\n---\n", "content/de/exporters.md": "---\ntitle: Exporters\n---\n"]),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: On Power\n---\n", others: ["war.md": "---\ntitle: On War\n---\n"]),
            RuleExample("---\ntitle: On Power\n---\n", options: ["case-sensitive-keys": .strings(["title"])],
                        others: ["power.md": "---\ntitle: On power\n---\n"]),
            RuleExample("---\nlang: de\ntitle: Home\n---\n", options: ["scope": .string("key")],
                        others: ["home.en.md": "---\nlang: en\ntitle: Home\n---\n"]),
            RuleExample("---\ntitle: Home\n---\n", options: ["scope": .string("folder"), "scope-globs": .strings(["content/*"])],
                        others: ["content/en/docs/home.md": "---\ntitle: Home\n---\n", "content/de/home.md": "---\ntitle: Home\n---\n"]),
        ]
    )

    static let kind = "duplicate-value"

    let keys: [String]
    let caseSensitive: Set<String>
    let exactWhitespace: Set<String>
    let scope: String
    let scopeKey: String
    let scopeGlobs: [Glob]
    /// The kind of each key's facts, made once: every fact of a key shares the one string.
    let kinds: [String: FactKind]
    /// The same kinds as their digests hash them, for `mayReport` to pass over other rules' facts.
    let kindHashes: [UInt32]
    /// Each key as every note's facts read it: found in one walk over the note's keys, with its kind and comparison.
    private let reading: Reading

    init(options: RuleOptions) {
        keys = options[Option.keys]
        caseSensitive = Set(options[Option.caseSensitiveKeys])
        exactWhitespace = Set(options[Option.exactWhitespaceKeys])
        scope = options[Option.scope]
        scopeKey = options[Option.scopeKey]
        scopeGlobs = options[Option.scopeGlobs].map(Glob.init)
        kinds = Dictionary(keys.map { ($0, FactKind(Self.kind + "." + $0)) }, uniquingKeysWith: { first, _ in first })
        kindHashes = Array(Set(kinds.values.map(\.hash)))
        reading = Reading(keys: keys, kinds: kinds, caseSensitive: caseSensitive, exactWhitespace: exactWhitespace)
    }

    /// The keys, and for each its kind and whether its values are taken with whitespace and case as written,
    /// worked out once rather than for every note.
    private struct Reading: Sendable {
        let lookup: CollectionValues.Keys
        let plans: [(kind: FactKind, collapses: Bool, lowercases: Bool)]

        init(keys: [String], kinds: [String: FactKind], caseSensitive: Set<String>, exactWhitespace: Set<String>) {
            lookup = CollectionValues.Keys(keys)
            plans = keys.map { key in
                (kinds[key] ?? FactKind(DuplicateValueRule.kind), !exactWhitespace.contains(key), !caseSensitive.contains(key))
            }
        }
    }

    /// The scope of a note in `folder` (relative to the configuration): the folder itself, or the first folder
    /// above it that `scope-globs` names (none: the notes outside every named folder share one scope).
    func folderScope(_ folder: String) -> String {
        guard !scopeGlobs.isEmpty else { return folder }
        let ends = folder.indices.filter { folder[$0] == "/" && $0 != folder.startIndex } + [folder.endIndex]
        for end in ends {
            let prefix = String(folder[..<end])
            if scopeGlobs.contains(where: { $0.matches(prefix) }) { return prefix }
        }
        return ""
    }

    func facts(of context: RuleContext, into sink: inout FactSink) {
        guard let root = context.root else { return }
        let group: String
        switch scope {
        case "folder": group = folderScope(CollectionValues.folder(of: context.relativePath))
        case "schema": group = context.schema?.path ?? ""
        case "key": group = CollectionValues.of(scopeKey, in: root).first?.text ?? ""
        default: group = ""
        }
        let found = context.pairs(reading.lookup, in: root)
        for number in found.indices {
            // Only the pairs found are looked at, each read in place (most notes have a title and no source).
            guard let value = found[number]?.value else { continue }
            let key = keys[number]
            let plan = reading.plans[number]
            var seen = CollectionValues.Seen()
            CollectionValues.forEach(value) { node, text in
                // Most values are ASCII with nothing to collapse: hashed as folded, the folded text made only for a
                // sink that keeps it.
                if group.isEmpty, let hashes = CollectionValues.foldedHashes(text, collapsing: plan.collapses, lowercasing: plan.lowercases) {
                    guard seen.insert(hashes.value) else { return }
                    sink.add(
                        plan.kind, key: key, value: CollectionValues.folded(text, collapsing: plan.collapses, lowercasing: plan.lowercases),
                        hashes: hashes, text: text, range: node.range)
                    return
                }
                var value = CollectionValues.folded(text, collapsing: plan.collapses, lowercasing: plan.lowercases)
                // The scope belongs to the value (English never meets German), the key to the kind (a title never
                // meets a source); a value that is its text is kept once.
                value = group.isEmpty ? (value == text ? text : value) : group + "\u{1F}" + value
                // A repeat within the note's own list is one value (a single one, a title, is never a repeat).
                let hash = StableHash.of(value)
                guard seen.insert(hash) else { return }
                sink.add(plan.kind, key: key, value: value, hash: hash, text: text, range: node.range)
            }
        }
    }

    var uniqueKinds: [UInt32] { kindHashes }

    func mayReport(note: Int, in index: CollectionIndex) -> Bool {
        index.containsFact(ofNote: note, meeting: .shared) { digest in
            kindHashes.contains(digest.kind) && index.hasOther(digest, than: note)
        }
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let collection = context.collection else { return [] }
        return facts(of: context).compactMap { fact in
            let total = collection.otherCount(kind: fact.kind, value: fact.value)
            guard total > 0 else { return nil }
            let others = collection.others(kind: fact.kind, value: fact.value)
            let names = others.map { collection.index.path(ofNote: $0.note) }
            let noun = total == 1 ? "another note" : "\(total) other notes"
            return Finding(
                range: fact.range,
                message: "`\(fact.key)` `\(fact.text)` is also used by \(noun): \(CollectionValues.list(names, total: total))",
                related: others.map { collection.index.location($0, message: "the same `\(fact.key)`") },
                subject: "\(fact.key)=\(fact.text)")
        }
    }
}

extension DuplicateValueRule: CollectionValues.LooksUpKeys {
    var lookedUpKeys: CollectionValues.Keys { reading.lookup }
}
