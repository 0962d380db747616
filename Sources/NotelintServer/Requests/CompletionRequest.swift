import NotelintLoader
import NotelintSchema
import NotelintText

/// `textDocument/completion` inside the front matter: on a new line, the schema's keys the note lacks; after
/// `key:`, the key's allowed values or booleans; in a tag list, the collection's tags, most used first.
enum CompletionRequest: RequestHandler {
    static let method = "textDocument/completion"

    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue {
        let document = try session.document(params)
        guard let position = TextPosition(json: params?["position"]) else { throw .invalidParams("position is missing") }
        let empty: JSONValue = ["isIncomplete": false, "items": []]
        guard let frontMatter = FrontMatterLines(document.lines), position.line < document.lines.lineStarts.count,
            frontMatter.contains(line: position.line)
        else { return empty }
        let cursor = document.lines.offset(of: position, session.encoding)
        let lineStart = document.lines.lineStarts[position.line]
        let before = String(decoding: document.lines.bytes[lineStart..<cursor], as: UTF8.self)
        let hints = session.schemaHints(for: document)
        var items: [JSONValue] = []

        let corpusKey = session.corpusKey(for: document)
        if isInsideWikilink(before) {
            // Inside a `[[wikilink`: the collection's notes.
            items = noteItems(session, document)
        } else if before.contains(":"), let key = FrontMatterLines.topLevelKey(Substring(before)) {
            // After `key:`: the values the schema allows there, or tags in a flow list (`tags: [a, `).
            if key == corpusKey, before.contains("[") {
                items = tagItems(session, document, frontMatter, key: key)
            } else if let hint = hints.first(where: { $0.name == key }), hint.format == Self.noteReferenceFormat {
                items = noteItems(session, document)
            } else if let hint = hints.first(where: { $0.name == key }) {
                items = valueItems(hint, itemsOf: false)
            }
        } else if before.first == " " || before.first == "-" || before.first == "\t" {
            // A list item or an indented value: the key above decides.
            if let key = frontMatter.owningKey(ofLine: position.line) {
                if key == corpusKey {
                    items = tagItems(session, document, frontMatter, key: key)
                } else if let hint = hints.first(where: { $0.name == key }), hint.format == Self.noteReferenceFormat {
                    items = noteItems(session, document)
                } else if let hint = hints.first(where: { $0.name == key }) {
                    items = valueItems(hint, itemsOf: true)
                }
            }
        } else {
            // A new top-level line: the schema's keys this note does not have yet.
            let present = Set(frontMatter.keys.filter { $0.line != position.line }.map(\.name))
            for (index, hint) in hints.enumerated() where !present.contains(hint.name) {
                items.append([
                    "label": .string(hint.name), "kind": 10,
                    "detail": .string(hint.types.joined(separator: " | ") + (hint.isRequired ? " (required)" : "")),
                    "documentation": ["kind": "markdown", "value": .string(hint.markdown)],
                    "insertText": .string(hint.name + ": "),
                    "sortText": .string((hint.isRequired ? "0" : "1") + sortKey(index)),
                ])
            }
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// The format by which a schema declares that a key's values name other notes (`broken-reference` checks them).
    static let noteReferenceFormat = "note-ref"

    /// The collection's notes other than this one, by the names references use.
    static func noteItems(_ session: Session, _ document: OpenDocument) -> [JSONValue] {
        session.noteNames(for: document).filter { $0.path != relativePath(session, document) }.prefix(500).map { note in
            ["label": .string(note.name), "kind": 18, "detail": .string(note.path)]
        }
    }

    /// True when the text before the cursor opened a `[[` that no `]]` closed.
    static func isInsideWikilink(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var lastOpen = -1
        var lastClose = -1
        for index in bytes.indices.dropFirst() {
            if bytes[index - 1] == UInt8(ascii: "["), bytes[index] == UInt8(ascii: "[") { lastOpen = index }
            if bytes[index - 1] == UInt8(ascii: "]"), bytes[index] == UInt8(ascii: "]") { lastClose = index }
        }
        return lastOpen > lastClose
    }

    static func relativePath(_ session: Session, _ document: OpenDocument) -> String? {
        session.configuration(for: document.path).map { PathText.relative(document.path, to: $0.absoluteDirectory) }
    }

    /// The collection's tags the note does not list yet, most used first.
    static func tagItems(_ session: Session, _ document: OpenDocument, _ frontMatter: FrontMatterLines, key: String) -> [JSONValue] {
        let present = Set(listItems(frontMatter, key: key))
        return session.rankedTags(for: document).filter { !present.contains($0.tag) }.prefix(200).enumerated().map { rank, entry in
            ["label": .string(entry.tag), "kind": 12, "detail": .string("used in \(entry.uses) notes"), "sortText": .string(sortKey(rank))]
        }
    }

    /// A rank as a fixed-width sort key.
    static func sortKey(_ rank: Int) -> String {
        let digits = String(rank)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func valueItems(_ hint: SchemaPropertyHint, itemsOf: Bool) -> [JSONValue] {
        var values = hint.allowedValues
        if values.isEmpty, hint.types.contains("boolean"), !itemsOf { values = ["true", "false"] }
        return values.map { value in
            ["label": .string(value), "kind": 20, "documentation": ["kind": "markdown", "value": .string(hint.markdown)]]
        }
    }

    /// The items already listed under a key, block style (`- item`) or flow style (`[a, b]`).
    static func listItems(_ frontMatter: FrontMatterLines, key: String) -> [String] {
        guard let start = frontMatter.keys.first(where: { $0.name == key })?.line else { return [] }
        let end = frontMatter.keys.first { $0.line > start }?.line ?? frontMatter.closingLine
        var items: [String] = []
        let head = frontMatter.lines.text(ofLine: start)
        if let open = head.firstIndex(of: "[") {
            items += head[head.index(after: open)...].split(whereSeparator: { $0 == "," || $0 == "]" }).map { $0.trimmingCharacters(in: " \t\"'") }
        }
        for line in (start + 1)..<max(start + 1, end) {
            let text = frontMatter.lines.text(ofLine: line).trimmingCharacters(in: " \t")
            if text.hasPrefix("- ") { items.append(String(text.dropFirst(2)).trimmingCharacters(in: " \t\"'")) }
        }
        return items
    }
}
