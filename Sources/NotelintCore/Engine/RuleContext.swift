import NotelintLoader
import NotelintSchema
import NotelintText

/// What a rule sees of one note: the loaded note, the schema that governs it and what the schema found,
/// computed once per note and shared by every rule.
public struct RuleContext: Sendable {
    public let note: Note
    public let schema: EffectiveConfiguration.LoadedSchema?
    public let schemaViolations: [SchemaViolation]
    /// "Today" for date checks; fixed by `--now` for reproducible runs.
    public let today: CalendarDate
    /// Tags used across all notes under the lint root, when a rule needs corpus evidence.
    public let corpus: TagCorpus?
    /// The note's path relative to its configuration's folder, as globs and schemas see it.
    public let relativePath: String
    /// The collection's index and this note's place in it, when an indexed collection rule needs them.
    public let collection: CollectionView?
    /// The pairs of the keys of the rule the context is handed to, found by the linter in one walk for all the
    /// indexed rules of the configuration (`CollectionValues.KeyUnion`); nil elsewhere.
    var foundKeys: CollectionValues.Keys.Found?

    public init(
        note: Note, schema: EffectiveConfiguration.LoadedSchema?, schemaViolations: [SchemaViolation],
        today: CalendarDate, corpus: TagCorpus? = nil, relativePath: String = "", collection: CollectionView? = nil
    ) {
        self.relativePath = relativePath
        self.collection = collection
        self.note = note
        self.schema = schema
        self.schemaViolations = schemaViolations
        self.today = today
        self.corpus = corpus
    }

    /// The front matter's top-level mapping, if it is one.
    public var root: YAMLNode? { note.root?.dereferenced }

    public var source: SourceText { note.source }

    /// The schema violations this rule owns (see `SchemaRouting`).
    public func violations(routedTo ruleID: String) -> [SchemaViolation] {
        schemaViolations.filter { SchemaRouting.ruleID(for: $0) == ruleID }
    }

    /// The JSON types the schema declares for a top-level key (`properties.KEY.type`), empty when it says nothing.
    public func declaredTypes(ofKey key: String) -> Set<String> {
        schema?.schema.declaredTypes(ofProperty: key) ?? []
    }

    /// The JSON types the schema declares for the items of a top-level list key (`properties.KEY.items.type`).
    public func declaredItemTypes(ofKey key: String) -> Set<String> {
        schema?.schema.declaredItemTypes(ofProperty: key) ?? []
    }
}

/// Which rule reports which schema violation, as the rules' `owns.schemaViolations` claim them. Worked out once
/// from the registry, so that no violation is reported twice.
public enum SchemaRouting {
    public static func ruleID(for violation: SchemaViolation) -> String {
        let table = Table.shipped
        if isEmpty(violation.instance), emptinessKeywords.contains(violation.keyword), let owner = table.emptyValues { return owner }
        if violation.keyword == "format", let format = violation.format, let owner = table.formats[format] { return owner }
        if violation.keyword != "format", let owner = table.keywords[violation.keyword] { return owner }
        return table.everythingElse ?? "schema"
    }

    struct Table {
        var keywords: [String: String] = [:]
        var formats: [String: String] = [:]
        var emptyValues: String?
        var everythingElse: String?

        init(_ descriptions: [RuleDescription]) {
            for description in descriptions {
                switch description.owns.schemaViolations {
                case .nothing: break
                case .keywords(let names): for name in names { keywords[name] = description.id }
                case .formats(let names): for name in names { formats[name] = description.id }
                case .emptyValues: emptyValues = description.id
                case .everythingElse: everythingElse = description.id
                }
            }
        }

        static let shipped = Table(RuleRegistry.all.map { $0.description })
    }

    /// Keywords that, failed by an empty value, mean "this is empty" rather than "this is wrong".
    static let emptinessKeywords: Set<String> = [
        "type", "minLength", "minItems", "minProperties", "pattern", "format", "enum", "const", "anyOf", "oneOf",
    ]

    /// `''`, blanks, `~`/null, `[]` and `{}`.
    public static func isEmpty(_ node: YAMLNode?) -> Bool {
        guard let node = node?.dereferenced else { return false }
        switch node.content {
        case .scalar(let scalar):
            if scalar.resolved.type == .null { return true }
            if case .string(let text) = scalar.resolved { return text.allSatisfy(\.isWhitespace) }
            return false
        case .sequence(let items, _): return items.isEmpty
        case .mapping(let pairs, _): return pairs.isEmpty
        case .alias: return false
        }
    }
}
