import NotelintLoader
import NotelintSpelling
import NotelintText

/// Different spellings of a tag publish to one page; two notes publish to one URL.
/// A class: it is asked about every note, on every worker, and each copy of a struct this size retained all its
/// fields, which the workers share (their counts bouncing between the cores).
final class SlugCollisionRule: IndexedCollectionRule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey("keys", ["tags"], "Lists whose values each publish a page (taxonomies): spellings with one slug collide.")
        static let urlKeys = OptionKey(
            "url-keys", ["slug", "permalink", "url"], "Keys whose value is a note's own URL: two notes with one URL collide.")
        static let slug = OptionKey(
            "slug", "auto",
            "How the site makes URLs: `kebab`, `hugo`, `eleventy`, `jekyll`, `jekyll-pretty`, `jekyll-raw`, `jekyll-ascii` or `jekyll-latin`; `auto`: the way of the configuration's `generator:` (Hugo's, Eleventy's, Jekyll's), else `kebab`.",
            allowed: ["auto"] + SlugStyle.allCases.map(\.rawValue))
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
            RuleExample("---\npermalink: false\n---\n", others: ["a.md": "---\npermalink: false\n---\n"]),
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
    /// Whether the style keeps CJK ideographs as they are (the others spell them in ASCII or drop them).
    let keepsIdeographs: Bool
    /// Every key read, found in one walk over a note's keys.
    let lookedUp: CollectionValues.Keys
    /// Slugs already made: a collection has thousands of notes and a few thousand distinct tags.
    private let slugs = SlugMemo()

    init(options: RuleOptions) {
        keys = options[Option.keys]
        urlKeys = options[Option.urlKeys]
        lookedUp = CollectionValues.Keys(keys + urlKeys)
        let name = options[Option.slug]
        style = name == "auto" ? Self.style(of: options.generator) : SlugStyle(rawValue: name) ?? .kebab
        keepsIdeographs = Self.keepsIdeographs(style)
    }

    /// The slug function of a site generator; plain kebab-case for the others and for none.
    static func style(of generator: SiteGenerator?) -> SlugStyle {
        switch generator {
        case .hugo?: .hugo
        case .eleventy?: .eleventy
        case .jekyll?: .jekyll
        default: .kebab
        }
    }

    func facts(of context: RuleContext, into sink: inout FactSink) {
        guard let root = context.root else { return }
        let found = context.pairs(lookedUp, in: root)
        for (key, pair) in zip(keys, found) {
            var seen = CollectionValues.Seen()
            CollectionValues.forEach(pair?.value) { node, written in
                let writtenHash = StableHash.of(written)
                guard seen.insert(writtenHash) else { return }
                // A tag of lowercase ASCII words joined by single hyphens (most are) is its own slug in every style.
                let isOwnSlug = Self.isOwnSlug(written, ideographs: keepsIdeographs)
                let slug = isOwnSlug ? written : slugs.slug(written, style)
                guard !slug.isEmpty else { return }
                // One string where the tag is its own slug (most are), and the key only when several keys are tags.
                guard keys.count == 1 else {
                    sink.add(Self.tagFact, key: key, value: key + "\u{1F}" + slug, text: written, range: node.range)
                    return
                }
                // A tag that is its own slug is hashed once, for the list and for its fact.
                sink.add(
                    Self.tagFact, key: key, value: isOwnSlug ? written : slug, hash: isOwnSlug ? writtenHash : nil, text: written,
                    range: node.range)
            }
        }
        for (key, pair) in zip(urlKeys, found.dropFirst(keys.count)) {
            // Only strings are URLs: Eleventy's `permalink: false` writes no page at all.
            CollectionValues.forEach(pair?.value) { node, text in
                guard node.scalar?.resolved.type == .string else { return }
                let url = urlSlug(text)
                guard !url.isEmpty else { return }
                sink.add(Self.urlFact, key: key, value: url, text: text, range: node.range)
            }
        }
    }

    /// Whether the text is lowercase ASCII letters and digits in words joined by single hyphens (`machine-learning`):
    /// such a text is its own slug in every style, and the memo has nothing to add. With `ideographs`, words may
    /// also hold CJK ideographs (U+4E00 to U+9FFF: letters without case, as `戦争` or `投资-policy`), which the
    /// styles that keep letters (`keepsIdeographs`) keep as they are.
    static func isOwnSlug(_ text: String, ideographs: Bool = false) -> Bool {
        CollectionValues.withBytes(of: text) { bytes in
            guard !bytes.isEmpty else { return false }
            var previousIsHyphen = true
            var index = 0
            // Eight bytes at a time while they are ASCII: each a small letter, a digit or a hyphen, and no hyphen
            // first or after another.
            while index + 8 <= bytes.count {
                let word = CollectionValues.ASCIIWord(bytes, at: index)
                guard word.isASCII else { break }
                let hyphens = word.within(0x2D...0x2D)
                guard word.within(0x61...0x7A) | word.within(0x30...0x39) | hyphens == 0x8080_8080_8080_8080,
                    hyphens & (hyphens << 8 | (previousIsHyphen ? 0x80 : 0)) == 0
                else { return false }
                previousIsHyphen = hyphens >> 63 != 0
                index += 8
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousIsHyphen = false
                case UInt8(ascii: "-") where !previousIsHyphen: previousIsHyphen = true
                // Three bytes from E4 B8 80 (U+4E00) to E9 BF BF (U+9FFF).
                case 0xE4...0xE9 where ideographs && index + 2 < bytes.count && (byte > 0xE4 || bytes[index + 1] >= 0xB8)
                    && bytes[index + 1] & 0xC0 == 0x80 && bytes[index + 2] & 0xC0 == 0x80:
                    previousIsHyphen = false
                    index += 2
                default: return false
                }
                index += 1
            }
            return !previousIsHyphen
        }
    }

    static func keepsIdeographs(_ style: SlugStyle) -> Bool {
        switch style {
        case .kebab, .hugo, .jekyll, .jekyllPretty, .jekyllRaw: true
        case .eleventy, .jekyllAscii, .jekyllLatin: false
        }
    }

    /// A URL path's segments each slugged, without the slashes around it.
    func urlSlug(_ text: String) -> String {
        text.split(separator: "/").map { style.slug(String($0)) }.filter { !$0.isEmpty }.joined(separator: "/")
    }

    private static let tagFact = FactKind(tagKind)
    private static let urlFact = FactKind(urlKind)

    /// Two notes publishing to one URL are each other's finding; tags are shared by design.
    var uniqueKinds: [UInt32] { [Self.urlFact.hash] }

    func mayReport(note: Int, in index: CollectionIndex) -> Bool {
        // Only the notes whose spelling of a tag is not the one most notes use (or all of them, on a tie).
        index.containsFact(ofNote: note, meeting: [.shared, .mixed]) { digest in
            guard digest.kind == Self.tagFact.hash else { return false }
            let tally = index.spellingTally(of: digest)
            return tally.count > 1 && (tally[0].text != digest.text || tally[0].count == tally[1].count)
        } || index.hasFact(ofKind: Self.urlFact.hash, note: note)
            && index.containsFact(ofNote: note, meeting: .shared) { $0.kind == Self.urlFact.hash && index.hasOther($0, than: note) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let collection = context.collection else { return [] }
        return facts(of: context).compactMap { fact in
            fact.kind == Self.tagKind ? tagFinding(fact, context, collection) : urlFinding(fact, collection)
        }
    }

    private func tagFinding(_ fact: CollectionFact, _ context: RuleContext, _ collection: CollectionView) -> Finding? {
        // Notes per spelling (facts are one a note and spelling): the index's tally, with this note counted as it
        // is now rather than as the index read it (a fix may have changed it since).
        let group = FactDigest.group(kind: Self.tagKind, value: fact.value)
        let ownDigests = collection.note.map { collection.index.digests(ofNote: $0).filter { $0.group == group } } ?? []
        // Settled by the hashes when every note, this one as it is now, writes the tag alike: no text is read again.
        let tally = collection.index.spellingTally(of: FactDigest(group: group, text: 0, kind: Self.tagFact.hash))
        let written = FactDigest.text(fact.text)
        if tally.allSatisfy({ $0.text == written }) && ownDigests.allSatisfy({ $0.text == written }) { return nil }
        var notes: [String: Int] = [:]
        for spelling in collection.index.spellings(kind: Self.tagKind, value: fact.value) { notes[spelling.text] = spelling.count }
        for own in ownDigests {
            // The index counted this note as it read it (a fix may have changed it since).
            if let text = notes.keys.first(where: { FactDigest.text($0) == own.text }) { notes[text, default: 0] -= 1 }
        }
        notes[fact.text, default: 0] += 1
        let ranked = notes.filter { $0.value > 0 }.map { (text: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        guard ranked.count > 1 else { return nil }
        let leader = ranked[0]
        let isMajority = leader.count > ranked[1].count
        // The most used spelling is the page's name: its notes are not the ones to change.
        if isMajority && leader.text == fact.text { return nil }
        let spellings = ranked.filter { $0.text != fact.text }.map { "`\($0.text)` (\($0.count) \($0.count == 1 ? "note" : "notes"))" }
        var fix: Fix?
        // Rewritten only to a spelling that is its own slug (`machine-learning`, not `War`): a spelling another rule
        // would change again (`tag-format` lowercasing it) is never the target, so fixes cannot undo each other.
        if isMajority, style.slug(leader.text) == leader.text,
            let list = TagList(context, key: fact.key), let node = list.tags.first(where: { $0.text == fact.text })?.node {
            if list.tags.contains(where: { $0.text == leader.text }) {
                fix = YAMLEdits.removeItem(node, from: list.sequence, in: context.source)
                    .map { Fix(edits: [$0], applicability: .safe, title: "remove `\(fact.text)`: `\(leader.text)` is listed already") }
            } else {
                fix = YAMLEdits.replaceScalar(node, with: leader.text, inFlow: list.isFlow)
                    .map { Fix(edits: [$0], applicability: .safe, title: "replace with `\(leader.text)`") }
            }
        }
        let own = fact.text
        let related = collection.index.occurrences(
            kind: Self.tagKind, value: fact.value, except: collection.note, limit: CollectionIndex.relatedLimit, unlike: own)
            .map { collection.index.location($0, message: "`\($0.fact.text)`, the same page") }
        return Finding(
            range: fact.range,
            message: "`\(fact.text)` publishes to the same page (`\(style.slug(fact.text))`) as \(CollectionValues.list(spellings))",
            suggestions: isMajority ? [leader.text] : [], related: related, fix: fix, subject: "\(fact.key)=\(fact.text)")
    }

    private func urlFinding(_ fact: CollectionFact, _ collection: CollectionView) -> Finding? {
        let total = collection.otherCount(kind: Self.urlKind, value: fact.value)
        guard total > 0 else { return nil }
        let others = collection.others(kind: Self.urlKind, value: fact.value)
        let names = others.map { collection.index.path(ofNote: $0.note) }
        return Finding(
            range: fact.range,
            message: "`\(fact.key)` `\(fact.text)` publishes to `/\(fact.value)/`, as \(CollectionValues.list(names, total: total)) \(total == 1 ? "does" : "do")",
            related: others.map { collection.index.location($0, message: "the same URL") }, subject: "\(fact.key)=\(fact.text)")
    }
}

/// A tag's slug, remembered: the same tags recur in note after note.
private final class SlugMemo: @unchecked Sendable {
    // @unchecked: `known` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private var known: [String: String] = [:]

    func slug(_ text: String, _ style: SlugStyle) -> String {
        if let known = lock.withLock({ known[text] }) { return known }
        let made = style.slug(text)
        lock.withLock { if known.count < 100_000 { known[text] = made } }
        return made
    }
}

extension SlugCollisionRule: CollectionValues.LooksUpKeys {
    var lookedUpKeys: CollectionValues.Keys { lookedUp }
}
