import NotelintLoader
import NotelintSpelling
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A link in the front matter to a note that does not exist.
/// A class: it is asked about every note, on every worker, and each copy of a struct this size retained all its
/// fields, which the workers share (their counts bouncing between the cores).
final class BrokenReferenceRule: IndexedCollectionRule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey(
            "keys", [String](), "Keys whose values name other notes, with or without `[[…]]` (a schema can say so too: `format: note-ref`).")
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
    /// The keys naming a note, then the draft key: found in one walk over a note's keys.
    let lookedUp: CollectionValues.Keys

    init(options: RuleOptions) {
        keys = Set(options[Option.keys])
        wikilinks = options[Option.wikilinks]
        aliasKeys = options[Option.aliasKeys]
        nameKeys = options[Option.nameKeys]
        allowsDrafts = options[Option.allowDrafts]
        draftKey = options[Option.draftKey]
        lookedUp = CollectionValues.Keys(aliasKeys + nameKeys + [draftKey])
    }

    /// Case and runs of whitespace set aside: how names are compared.
    static func fold(_ text: String) -> String {
        let slashed = CollectionValues.contains(UInt8(ascii: "\\"), in: text)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\\" ? "/" : $0 })) : text
        return CollectionValues.folded(slashed, collapsing: true, lowercasing: true)
    }

    /// `folded` as the same string as `text` when they are equal, so that a fact keeps one copy.
    static func shared(_ folded: String, _ text: String) -> String { folded == text ? text : folded }

    /// The notes a reference names: by a name (file name, alias, slug, permalink), or for `folder/Note`, the notes
    /// named `Note` whose path ends so.
    func targets(_ reference: String, in index: CollectionIndex) -> [CollectionIndex.Occurrence] {
        let exact = index.occurrences(kind: Self.nameKind, value: reference)
        guard exact.isEmpty, let slash = reference.lastIndex(of: "/") else { return exact }
        let name = String(reference[reference.index(after: slash)...])
        let suffix = reference.hasPrefix("/") ? reference : "/" + reference
        return index.occurrences(kind: Self.nameKind, value: name).filter { occurrence in
            guard occurrence.fact.key == "file" else { return false }
            var path = Self.fold(index.path(ofNote: occurrence.note))
            if path.hasSuffix(".md") { path.removeLast(3) }
            return path == reference || path.hasSuffix(suffix)
        }
    }

    /// A note's file name without `.md`. Worked out on bytes when the path is ASCII (most are), where bytes and
    /// characters are one.
    static func stem(of relativePath: String) -> String {
        let ascii = relativePath.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            asciiStem(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        if case let stem?? = ascii { return stem }
        var path = relativePath
        if path.hasSuffix(".md") || path.lowercased().hasSuffix(".md") { path.removeLast(3) }
        return path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// Where the file name without `.md` lies in a path's bytes, when the file name is ASCII (nil otherwise). The
    /// folders' names are not read: a `/` byte is never part of a longer UTF-8 sequence.
    static func asciiStem(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        if end >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] | 0x20 == UInt8(ascii: "m"), bytes[end - 1] | 0x20 == UInt8(ascii: "d") {
            end -= 3
        }
        var start = end
        var high: UInt8 = 0
        while start > 0 {
            let byte = bytes[start - 1]
            if byte == UInt8(ascii: "/") { break }
            high |= byte
            start -= 1
        }
        return high < 0x80 ? start..<end : nil
    }

    /// An ASCII byte as `looseFold` keeps it: whitespace, `-` and `_` dropped (nil), capitals made small, `\` a slash.
    static func looseByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 9...13, UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"): nil
        case UInt8(ascii: "\\"): UInt8(ascii: "/")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        default: byte
        }
    }

    /// Also accents, spaces, `-` and `_`: how near misses are found.
    static func looseFold(_ text: String) -> String {
        // ASCII (most names) byte by byte: whitespace, `-` and `_` dropped, capitals made small, `\` a slash.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    guard let loose = looseByte(byte) else { continue }
                    out[count] = loose
                    count += 1
                }
                return count
            }
        }
        if case let loose?? = ascii { return loose }
        let folded = fold(text)
        let latin = folded.utf8.allSatisfy { $0 < 0x80 } ? folded : SlugStyle.foldingLatin(folded)
        return String(String.UnicodeScalarView(latin.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" }))
    }

    func facts(of context: RuleContext, into sink: inout FactSink) {
        let start = SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))
        let stem = Self.stem(of: context.relativePath)
        // The file name only: a reference by path is matched against the file names, then against each note's path.
        // Hashed from its bytes when it is ASCII and folding only makes capitals small (`fold` also turns `\` into
        // `/`, so such a name takes the general way).
        if !CollectionValues.contains(UInt8(ascii: "\\"), in: stem),
            let hashes = CollectionValues.foldedHashes(stem, collapsing: true, lowercasing: true) {
            sink.add(Self.nameFact, key: "file", value: Self.shared(Self.fold(stem), stem), hashes: hashes, text: stem, range: start)
        } else {
            sink.add(Self.nameFact, key: "file", value: Self.shared(Self.fold(stem), stem), text: stem, range: start)
        }
        guard let root = context.root else { return }
        let found = context.pairs(lookedUp, in: root)
        for (key, pair) in zip(lookedUp.names, found.dropLast()) {
            CollectionValues.forEach(pair?.value) { node, text in
                let name = nameKeys.contains(key) ? text.split(separator: "/").joined(separator: "/") : text
                sink.add(Self.nameFact, key: key, value: Self.shared(Self.fold(name), name), text: name, range: node.range)
            }
        }
        if case .bool(true)? = found.last??.value.dereferenced.scalar?.resolved {
            sink.add(Self.draftFact, key: draftKey, value: "", text: "true", range: start)
        }
        // Keys the schema declares as references count as if the `keys` option named them.
        let schemaKeys = context.schema?.noteReferenceKeys ?? []
        let hasKeys = !keys.isEmpty || !schemaKeys.isEmpty
        guard case .mapping(let pairs, _) = root.content else { return }
        let source = context.source.bytes
        // Most front matter holds no `[` at all, and then no wikilink: settled by one search of its bytes.
        guard hasKeys || wikilinks && Self.mayMentionLink(root, in: source) else { return }
        // The pairs read in place: most are passed over after one look at their value.
        pairs.withUnsafeBufferPointer { pairs in
            for index in pairs.indices {
                // The name is read (copied out of its pair) only for a reference key's value or one with a `[`.
                let isReferenceKey = hasKeys && pairs[index].name.map { keys.contains($0) || schemaKeys.contains($0) } == true
                // Most values hold no `[` at all: settled without gathering anything.
                guard isReferenceKey || wikilinks && Self.mayMentionLink(pairs[index].value, in: source) && Self.mentionsLink(pairs[index].value),
                    let key = pairs[index].name
                else { continue }
                for (node, _) in Self.scalars(in: pairs[index].value) {
                    guard case .string(let text)? = node.scalar?.resolved else { continue }
                    let links = Self.wikilinkTargets(in: text)
                    for target in links { add(target, node: node, key: key, into: &sink) }
                    if isReferenceKey && links.isEmpty && !CollectionValues.isBlank(text) { add(text, node: node, key: key, into: &sink) }
                }
            }
        }
    }

    /// False when no scalar under the value can have a `[`, as its source bytes tell: a `[` in a scalar is a `[` in
    /// the source or an escape of a double-quoted one (`\x5B`), and the scalars under a value (aliases not followed)
    /// lie within its range. One search of the bytes rather than a look at each scalar.
    static func mayMentionLink(_ value: YAMLNode, in source: [UInt8]) -> Bool {
        let range = value.range.byteRange.clamped(to: 0..<source.count)
        return source.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, !range.isEmpty else { return false }
            return memchr(base + range.lowerBound, Int32(UInt8(ascii: "[")), range.count) != nil
                || memchr(base + range.lowerBound, Int32(UInt8(ascii: "\\")), range.count) != nil
        }
    }

    /// Whether a scalar under a value (aliases not followed) has a `[` in it: only then can it hold a wikilink.
    static func mentionsLink(_ value: YAMLNode) -> Bool {
        // Most values are a scalar or a list of scalars: settled without a stack.
        switch value.content {
        case .scalar(let scalar): return CollectionValues.contains(UInt8(ascii: "["), in: scalar.text)
        case .alias: return false
        case .sequence, .mapping: break
        }
        var pending: [YAMLNode] = []
        var next: YAMLNode? = value
        while let node = next ?? pending.popLast() {
            next = nil
            switch node.content {
            case .scalar(let scalar):
                if CollectionValues.contains(UInt8(ascii: "["), in: scalar.text) { return true }
            case .sequence(let items, _):
                for item in items {
                    if case .scalar(let scalar) = item.content {
                        if CollectionValues.contains(UInt8(ascii: "["), in: scalar.text) { return true }
                    } else {
                        pending.append(item)
                    }
                }
            case .mapping(let pairs, _):
                pending.append(contentsOf: pairs.lazy.map(\.value))
            case .alias: continue
            }
        }
        return false
    }

    /// Every scalar under a value, in order, with whether it sits in a flow collection. Iterative, and aliases are
    /// not followed: a deeply nested or alias-bombed front matter costs its size, no more.
    static func scalars(in value: YAMLNode) -> [(node: YAMLNode, inFlow: Bool)] {
        var found: [(node: YAMLNode, inFlow: Bool)] = []
        var stack: [(node: YAMLNode, inFlow: Bool)] = [(value, false)]
        while let (node, inFlow) = stack.popLast() {
            switch node.content {
            case .scalar: found.append((node, inFlow))
            case .sequence(let items, let style):
                stack.append(contentsOf: items.reversed().map { ($0, inFlow || style == .flow) })
            case .mapping(let pairs, let style):
                stack.append(contentsOf: pairs.reversed().map { ($0.value, inFlow || style == .flow) })
            case .alias: continue
            }
        }
        return found
    }

    private func add(_ target: String, node: YAMLNode, key: String, into sink: inout FactSink) {
        var name = target.trimmingWhitespace
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        // A link to an attachment (`cover.png`) or to a heading of the note itself (`#Plans`) names no note.
        guard !name.isEmpty, !Self.hasAttachmentExtension(name) else { return }
        sink.add(Self.referenceFact, key: key, value: Self.fold(name), text: name, range: node.range)
    }

    static func hasAttachmentExtension(_ name: String) -> Bool {
        // ASCII names byte by byte: there every byte is a character, but CR LF, which is neither letter nor digit.
        let ascii = CollectionValues.withBytes(of: name) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > (bytes.lastIndex(of: UInt8(ascii: "/")) ?? 0) else { return false }
            let ext = bytes[(dot + 1)...]
            func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
            return (1...5).contains(ext.count) && ext.allSatisfy { isLetter($0) || $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                && ext.contains(where: isLetter)
        }
        if let ascii { return ascii }
        guard let dot = name.lastIndex(of: "."), let slash = name.lastIndex(of: "/") ?? Optional(name.startIndex), dot > slash else { return false }
        let ext = name[name.index(after: dot)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && ext.contains(where: \.isLetter)
    }

    /// `wikilinkTargets` of an ASCII text (nil for any other), byte by byte: in ASCII every byte is a character
    /// (but CR LF, which holds no bracket), so the bytes find what the characters find.
    static func asciiWikilinkTargets(in text: String) -> [String]? {
        CollectionValues.withBytes(of: text) { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            /// The first place from `start` where `byte` stands twice in a row.
            func pair(of byte: UInt8, from start: Int) -> Int? {
                var index = start
                while index + 1 < bytes.count {
                    if bytes[index] == byte && bytes[index + 1] == byte { return index }
                    index += 1
                }
                return nil
            }
            var targets: [String] = []
            var rest = 0
            while let open = pair(of: UInt8(ascii: "["), from: rest), let close = pair(of: UInt8(ascii: "]"), from: open + 2) {
                var end = open + 2
                while end < close, bytes[end] != UInt8(ascii: "|"), bytes[end] != UInt8(ascii: "#"), bytes[end] != UInt8(ascii: "^") {
                    end += 1
                }
                targets.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 2)..<end]), as: UTF8.self))
                rest = close + 2
            }
            return targets
        }
    }

    /// The note each `[[target#heading|label]]` in a text names.
    static func wikilinkTargets(in text: String) -> [String] {
        guard CollectionValues.contains(UInt8(ascii: "["), in: text) else { return [] }
        if let targets = asciiWikilinkTargets(in: text) { return targets }
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

    static let nameFact = FactKind(nameKind)
    private static let referenceFact = FactKind(referenceKind)
    private static let draftFact = FactKind(draftKind)

    func mayReport(note: Int, in index: CollectionIndex) -> Bool {
        // Most notes reference nothing: settled by the kinds of their facts alone.
        guard index.hasFact(ofKind: Self.referenceFact.hash, note: note) else { return false }
        return index.containsFact(ofNote: note) { digest in
            guard digest.kind == Self.referenceFact.hash else { return false }
            // A reference no name matches exactly may be broken, or a path only the check can follow.
            let targets = index.notes(kind: Self.nameFact.hash, value: digest.value)
            return targets.isEmpty || !allowsDrafts && targets.allSatisfy { isDraft($0, index) }
        }
    }

    private func isDraft(_ note: Int, _ index: CollectionIndex) -> Bool {
        index.hasFact(ofKind: Self.draftFact.hash, note: note)
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let collection = context.collection else { return [] }
        let index = collection.index
        return facts(of: context).compactMap { fact in
            guard fact.kind == Self.referenceKind else { return nil }
            // A reference a name matches, settled by the hashes: the notes it names are not read again.
            let named = index.notes(kind: Self.nameFact.hash, value: StableHash.of(fact.value))
            if !named.isEmpty && (allowsDrafts || !named.allSatisfy({ isDraft($0, index) })) { return nil }
            let targets = targets(fact.value, in: index)
            if let first = targets.first {
                guard !allowsDrafts, targets.allSatisfy({ isDraft($0.note, index) }) else { return nil }
                return Finding(
                    range: fact.range, message: "`\(fact.text)` is a draft (`\(draftKey): true`)",
                    related: [RelatedLocation(path: index.path(ofNote: first.note), range: first.fact.range, message: "the draft")],
                    subject: "\(fact.key)=\(fact.text)")
            }
            return brokenFinding(fact, context, index)
        }
    }

    private func brokenFinding(_ fact: CollectionFact, _ context: RuleContext, _ index: CollectionIndex) -> Finding {
        // One table for the index, made the first time a reference is broken.
        let matches = index.derived("broken-reference.near-names", NearNames.init).notes(near: Self.looseFold(fact.text), in: index)
        let names = Set(matches.values).sorted()
        var fix: Fix?
        if matches.count == 1, let name = names.first, let root = context.root,
            let (node, inFlow) = Self.scalars(in: root).first(where: { $0.node.range.start.offset == Int(fact.offset) }),
            let text = node.scalar?.text, let range = text.firstRange(of: fact.text) {
            let fixed = String(text[..<range.lowerBound]) + name + String(text[range.upperBound...])
            fix = YAMLEdits.replaceScalar(node, with: fixed, inFlow: inFlow)
                .map { Fix(edits: [$0], applicability: .unsafe, title: "point it at `\(name)`") }
        }
        return Finding(
            range: fact.range, message: "no note is named `\(fact.text)`", suggestions: Array(names.prefix(3)), fix: fix,
            subject: "\(fact.key)=\(fact.text)")
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        guard let first = first, let last = last, first.isWhitespace || last.isWhitespace else { return self }
        return String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

/// The names notes answer to (file names, aliases, slugs), folded loosely and indexed by their first two and last
/// two characters: a name one slip from another shares one of the two ends (or is short: names of five characters
/// or fewer are always compared), so a broken reference meets a handful of names, not every note's.
final class NearNames: Sendable {
    /// Each name as the note and the number of the name among the note's names: the names themselves stay in the
    /// index, and only the candidates a search meets are read back and folded again. At 100,000 notes a table of
    /// folded names and their texts was larger than the index.
    /// (And how many characters it has folded: names too long or short to be one slip away are not read back.)
    private let names: [(note: Int32, ordinal: Int32, length: UInt16)]
    /// The names by their first two characters and by their last two (`ends` tells the two apart), each with its
    /// length: a table of `key(ofEnd:length:)` above the name's number, eight bytes a name's end, placed by the
    /// key's top bits (`bucketStarts`) rather than sorted. Keys of one hash are compared alike; the names they
    /// bring are measured against the reference all the same.
    private let ends: [UInt64]
    /// Where each bucket of `ends` starts, and one past the last.
    private let bucketStarts: [Int32]
    private let bucketBits: Int
    private let short: [Int32]

    init(_ index: CollectionIndex) {
        var names: [(note: Int32, ordinal: Int32, length: UInt16)] = []
        var keys: [UInt64] = []
        var short: [Int32] = []
        names.reserveCapacity(index.noteCount)
        keys.reserveCapacity(2 * index.noteCount)
        // The file's name, worked out once a note (most notes' only name): on the path's bytes when it is ASCII.
        var file: (note: Int, name: (shape: (count: Int, first: UInt64, last: UInt64), text: UInt32)?) = (-1, nil)
        index.forEachFact(ofKind: BrokenReferenceRule.nameFact.hash) { note, position, text in
            if file.note != note { file = (note, Self.fileName(in: index.path(ofNote: note))) }
            let shape: (count: Int, first: UInt64, last: UInt64)
            if let known = file.name, known.text == text {
                shape = known.shape
            } else {
                // Another name (an alias, a slug), or a path that is not ASCII: its text, read again if need be.
                shape = Self.shape(of: BrokenReferenceRule.looseFold(Self.text(ofName: text, note: note, position: position, in: index)))
            }
            let number = Int32(names.count)
            let length = UInt16(clamping: shape.count)
            names.append((Int32(note), Int32(position), length))
            if shape.count <= 5 {
                short.append(number)
            } else {
                keys.append(UInt64(Self.key(ofEnd: shape.first, length: length)) << 32 | UInt64(UInt32(bitPattern: number)))
                keys.append(UInt64(Self.key(ofEnd: shape.last, length: length)) << 32 | UInt64(UInt32(bitPattern: number)))
            }
        }
        // Dealt into buckets by the keys' top bits (about four keys a bucket), in place: counted, then each key
        // swapped into its bucket. (A sorted copy took the table's room twice while it was made.)
        let bits = max(1, Int.bitWidth - keys.count.leadingZeroBitCount - 2)
        let shift = UInt64(64 - bits)
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        for key in keys { starts[Int(key >> shift) + 1] += 1 }
        for bucket in 0..<(1 << bits) { starts[bucket + 1] += starts[bucket] }
        var next = starts
        keys.withUnsafeMutableBufferPointer { keys in
            for bucket in 0..<(1 << bits) {
                while next[bucket] < starts[bucket + 1] {
                    var key = keys[Int(next[bucket])]
                    var home = Int(key >> shift)
                    while home != bucket {
                        swap(&key, &keys[Int(next[home])])
                        next[home] += 1
                        home = Int(key >> shift)
                    }
                    keys[Int(next[bucket])] = key
                    next[bucket] += 1
                }
            }
        }
        self.names = names
        ends = keys
        bucketStarts = starts
        bucketBits = bits
        self.short = short
    }

    /// The numbers of the names of `length` one of whose ends has the key of `end`'s.
    private func names(ending end: UInt64, length: UInt16, into found: inout Set<Int32>) {
        let key = UInt64(Self.key(ofEnd: end, length: length))
        let bucket = Int(key >> UInt64(32 - bucketBits))
        for place in Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1]) where ends[place] >> 32 == key {
            found.insert(Int32(bitPattern: UInt32(truncatingIfNeeded: ends[place])))
        }
    }

    /// An end and a length (folded characters, clamped) in 32 bits: a name one slip from a reference has one of its
    /// ends and a length at most one apart.
    private static func key(ofEnd end: UInt64, length: UInt16) -> UInt32 {
        UInt32(truncatingIfNeeded: ((end ^ UInt64(length) << 42) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// For an ASCII path (most are), `shape(of: looseFold(stem(of: path)))` and the short hash of the stem, worked
    /// out on the path's bytes with no string made; nil for any other path.
    static func fileName(in path: String) -> (shape: (count: Int, first: UInt64, last: UInt64), text: UInt32)? {
        let found = path.utf8.withContiguousStorageIfAvailable { bytes -> (shape: (count: Int, first: UInt64, last: UInt64), text: UInt32)? in
            guard let range = BrokenReferenceRule.asciiStem(in: bytes) else { return nil }
            let stem = UnsafeBufferPointer(rebasing: bytes[range])
            // The bytes the loose fold keeps, counted eight at a time: all less the whitespace, `-` and `_`.
            var count = stem.count
            var index = 0
            while index + 8 <= stem.count {
                let word = CollectionValues.ASCIIWord(stem, at: index)
                count -= (word.within(9...13) | word.spaces | word.within(0x2D...0x2D) | word.within(0x5F...0x5F)).nonzeroBitCount
                index += 8
            }
            while index < stem.count {
                if BrokenReferenceRule.looseByte(stem[index]) == nil { count -= 1 }
                index += 1
            }
            // Then the first two and the last two of them, folded, read from each end.
            var first: UInt64 = 0
            var taken = 0
            index = 0
            while taken < 2 && index < stem.count {
                if let folded = BrokenReferenceRule.looseByte(stem[index]) {
                    first = first << 21 | UInt64(folded)
                    taken += 1
                }
                index += 1
            }
            var lastTwo: (UInt64, UInt64) = (0, 0)
            taken = 0
            index = stem.count
            while taken < 2 && index > 0 {
                index -= 1
                guard let folded = BrokenReferenceRule.looseByte(stem[index]) else { continue }
                if taken == 0 { lastTwo.1 = UInt64(folded) } else { lastTwo.0 = UInt64(folded) }
                taken += 1
            }
            let text = UInt32(truncatingIfNeeded: StableHash.of(composedUTF8: stem) ?? 0)
            guard count >= 2 else { return ((count, 0, 0), text) }
            return ((count, first, lastTwo.0 << 21 | lastTwo.1 | 1 << 63), text)
        }
        return found ?? nil
    }

    /// How many characters a folded name has, and the keys of its first two and last two (ASCII names byte by byte).
    static func shape(of loose: String) -> (count: Int, first: UInt64, last: UInt64) {
        let ascii = loose.utf8.withContiguousStorageIfAvailable { bytes -> (count: Int, first: UInt64, last: UInt64)? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count >= 2 else { return (bytes.count, 0, 0) }
            let pair = { (index: Int) in UInt64(bytes[index]) << 21 | UInt64(bytes[index + 1]) }
            return (bytes.count, pair(0), pair(bytes.count - 2) | 1 << 63)
        }
        if case let shape?? = ascii { return shape }
        let scalars = loose.unicodeScalars
        let count = scalars.count
        guard count >= 2 else { return (count, 0, 0) }
        return (count, ends(scalars.prefix(2), last: false), ends(scalars.suffix(2), last: true))
    }

    /// Two characters as one number (21 bits each), and whether they end the name (the top bit).
    private static func ends<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars, last: Bool) -> UInt64 {
        var key: UInt64 = 0
        for scalar in scalars { key = key << 21 | UInt64(scalar.value) }
        return key | (last ? 1 << 63 : 0)
    }

    /// A name as written: a note's file name is its path's (nothing is read again); another name (an alias, a
    /// slug) is read again from the note.
    private static func text(ofName text: UInt32, note: Int, position: Int, in index: CollectionIndex) -> String {
        let stem = BrokenReferenceRule.stem(of: index.path(ofNote: note))
        if FactDigest.text(stem) == text { return stem }
        let facts = index.facts(ofNote: note)
        return position < facts.count ? facts[position].text : ""
    }

    /// The notes with a name equal to `loose` or one slip from it, each with that name as written.
    func notes(near loose: String, in index: CollectionIndex) -> [Int: String] {
        let target = Array(loose.unicodeScalars)
        var candidates = Set(short)
        if target.count >= 2 {
            // The lengths one slip away (a length past the clamp stands for every longer one).
            let lengths = Set([target.count - 1, target.count, target.count + 1].map { UInt16(clamping: $0) })
            for length in lengths where length > 5 {
                names(ending: Self.ends(target.prefix(2), last: false), length: length, into: &candidates)
                names(ending: Self.ends(target.suffix(2), last: true), length: length, into: &candidates)
            }
        }
        var found: [Int: String] = [:]
        for number in candidates.sorted() {
            let name = names[Int(number)]
            guard abs(Int(name.length) - target.count) <= 1 || name.length == UInt16.max else { continue }
            let note = Int(name.note)
            let text = Self.text(ofName: index.digests(ofNote: note)[Int(name.ordinal)].text, note: note, position: Int(name.ordinal), in: index)
            let loose = Array(BrokenReferenceRule.looseFold(text).unicodeScalars)
            guard abs(loose.count - target.count) <= 1 else { continue }
            if loose == target
                || EditDistance.between(loose, target, metric: .optimalStringAlignment, limit: 1) != nil {
                found[note] = found[note] ?? text
            }
        }
        return found
    }
}

extension BrokenReferenceRule: CollectionValues.LooksUpKeys {
    var lookedUpKeys: CollectionValues.Keys { lookedUp }
}
