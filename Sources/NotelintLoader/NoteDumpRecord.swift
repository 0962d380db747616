/// The JSON object `notelint dump` prints for one note: what the loader saw, without any rule applied.
///
/// `{"path", "outcome", "format"?, "openingLine"?, "problems": [...], "frontMatter": json-or-null}`; each problem is
/// `{"kind", "message", "line", "column", "offset", "endLine", "endColumn", "endOffset", "related"?}` with
/// `related` holding the same six position members.
public enum NoteDumpRecord {
    /// Problem kind written when alias expansion exceeds the node budget (the tree itself is fine; its JSON is not).
    public static let expansionTooLargeKind = "alias-expansion-too-large"

    public static func write(_ note: Note, options: YAMLJSONOptions, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("path")
        writer.string(note.path)
        writer.key("outcome")
        writer.string(note.outcome.name)
        switch note.outcome {
        case .foreign(let format):
            writer.key("format")
            writer.string(formatName(format))
        case .unterminated(let openingLine):
            writer.key("openingLine")
            writer.int(openingLine)
        default:
            break
        }
        var problems = note.problems.map { ($0.kind.rawValue, $0.message, $0.range, $0.related) }
        // Rendered first because a failed expansion adds a problem, and problems come before the data.
        var frontMatter = JSONWriter()
        if let root = note.root, let failure = YAMLJSONRenderer(options: options).write(root, to: &frontMatter) {
            problems.append((
                expansionTooLargeKind, "expanding aliases would write more than \(failure.budget) nodes", failure.range, nil
            ))
        }
        writer.key("problems")
        writer.beginArray()
        for (kind, message, range, related) in problems {
            writer.beginObject()
            writer.key("kind")
            writer.string(kind)
            writer.key("message")
            writer.string(message)
            writeRange(range, to: &writer)
            if let related {
                writer.key("related")
                writer.beginObject()
                writeRange(related, to: &writer)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endArray()
        writer.key("frontMatter")
        if frontMatter.bytes.isEmpty {
            writer.null()
        } else {
            writer.encodedValue(frontMatter.bytes)
        }
        writer.endObject()
    }

    /// `toml`, `json`, or the fence as written for a named language (`---js`).
    public static func formatName(_ format: ForeignFrontMatter) -> String {
        switch format {
        case .toml: "toml"
        case .json: "json"
        case .fencedLanguage(let name): "---" + name
        }
    }

    private static func writeRange(_ range: SourceRange, to writer: inout JSONWriter) {
        writer.rangeMembers(range)
    }
}
