import NotelintText

/// The thresholds `notelint init` decides by. Each is a share of notes or values, or a count.
public struct InitThresholds: Sendable, Hashable {
    /// A key present in at least this share of a group's notes is required.
    public var required = 0.95
    /// A format (date, URL) is asserted when at least this share of the key's string values has it.
    public var format = 0.95
    /// A type used by more than this share of a key's values joins the majority's type instead of being reported.
    public var minorityType = 0.10
    /// A closed set (`enum`) needs at most this many values, each used at least twice, in at least `enumNotes` notes.
    public var enumValues = 12
    public var enumNotes = 20
    /// A key in fewer than this share of notes, one or two edits from a common key, is taken for a typo and left
    /// out of the schema.
    public var rareKey = 0.01
    /// A rare key that differs from a common one only in letter case is a second spelling people keep, not a
    /// slip, once this many notes use it (`cspell:ignore` beside `cSpell:ignore`: the tool reads both). Slips are
    /// one-offs: `Title` in one note beside `title` in all the others.
    public var keptCaseVariantNotes = 3
    /// A folder gets a schema of its own from this many notes and this share of the collection.
    public var groupNotes = 20
    public var groupShare = 0.03
    /// Dates: `allow-future` is set when at least this share of date values lies after today.
    public var futureDates = 0.01

    public init() {}
}

/// One key of an inferred schema, with the evidence for each choice.
struct InferredProperty: Sendable {
    var name: String
    var types: [ValueKind]
    var required: Bool
    var enumValues: [String]?
    var itemTypes: [ValueKind]?
    var nonEmpty = false
    /// Checked by `date-format` (any date form the generator writes), not by the schema's `format`.
    var isDate = false
    var isURL = false
    /// Comment lines: why each choice was made.
    var evidence: [String]
}

/// A key left out of a schema because it looks like a misspelling of a common one.
struct LeftOutKey: Sendable, Hashable {
    var name: String
    var notes: Int
    var nearest: String
}

struct InferredSchema: Sendable {
    var name: String
    var files: [String]
    var noteCount: Int
    var properties: [InferredProperty]
    var leftOut: [LeftOutKey]
    /// Shapes within the group told apart by a key's value, each with the keys it requires besides.
    var discriminator: DiscriminatingKey?
}

/// Turns a group's key statistics into a schema: required keys, types, closed sets, and which keys are dates.
struct SchemaInference {
    var thresholds: InitThresholds
    /// Obsidian's declared property types, which win over what the values show.
    var propertyTypes: [String: String]
    /// The key holding tags, if any.
    var tagKey: String?
    /// The keys the generator reads as dates: dates when most of their values are, not nearly all.
    var dateKeys: Set<String> = []
    /// The generator's keys that take several shapes (`SiteGenerator.Conventions.keyTypes`).
    var keyTypes: [String: [String]] = [:]

    func infer(name: String, files: [String], statistics: GroupStatistics) -> InferredSchema {
        let total = statistics.noteCount
        let names = statistics.keys.keys.sorted()
        // Keys common enough that a rare key near them is more likely a slip than a key of its own.
        let common = names.filter { statistics.share($0) >= max(thresholds.rareKey * 5, 0.05) }
        var properties: [InferredProperty] = []
        var leftOut: [LeftOutKey] = []
        for name in names {
            let key = statistics.keys[name]!
            if statistics.share(name) < thresholds.rareKey, propertyTypes[name] == nil,
                let nearest = Self.nearestCommon(name, in: common),
                name.lowercased() != nearest.lowercased() || key.presence < thresholds.keptCaseVariantNotes {
                leftOut.append(LeftOutKey(name: name, notes: key.presence, nearest: nearest))
                continue
            }
            properties.append(property(key, total: total, isTagKey: name == tagKey))
        }
        return InferredSchema(name: name, files: files, noteCount: total, properties: properties, leftOut: leftOut, discriminator: nil)
    }

    /// The common key `name` is one or two edits from (case ignored, two swapped letters one edit), if any: the
    /// same nearness `unknown-key` suggests by, so that a key left out is reported with its likely meaning.
    static func nearestCommon(_ name: String, in common: [String]) -> String? {
        guard let nearest = NearestName.nearest(to: name, in: common),
            let distance = EditDistance.between(name.lowercased(), nearest.lowercased(), metric: .optimalStringAlignment, limit: 2)
        else { return nil }
        return distance <= 2 ? nearest : nil
    }

    func property(_ key: KeyStatistics, total: Int, isTagKey: Bool = false) -> InferredProperty {
        var evidence = ["present in \(Count.of(key.presence)) of \(Count.of(total)) notes"]
        let required = Double(key.presence) >= thresholds.required * Double(total)
        var property = InferredProperty(name: key.name, types: [], required: required, evidence: [])
        if let declared = propertyTypes[key.name], let mapped = Self.obsidianTypes(declared) {
            property.types = mapped.types
            property.itemTypes = mapped.items
            property.isDate = mapped.isDate
            evidence.append("declared `\(declared)` in .obsidian/types.json")
            property.evidence = evidence
            return property
        }
        // The majority type, and any other used by more than the minority share. Nulls are empty values, not a type,
        // unless many notes leave the key empty.
        let values = key.valueCount
        let ranked = key.kinds.filter { $0.key != .null }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var types: [ValueKind] = []
        for (kind, count) in ranked where types.isEmpty || Double(count) > thresholds.minorityType * Double(values) {
            types.append(kind)
        }
        if types.contains(.number), let at = types.firstIndex(of: .integer) { types.remove(at: at) }
        if types.contains(.integer), (key.kinds[.number] ?? 0) > 0 { types = types.map { $0 == .integer ? .number : $0 } }
        let nulls = key.kinds[.null] ?? 0
        if types.isEmpty || Double(nulls) > thresholds.minorityType * Double(key.presence) { types.append(.null) }
        // A plain whole number where text is expected (`title: 2019`) reads back as the same text in every
        // generator; a float (`0.90` becomes 0.9) or a boolean does not, and stays a finding.
        if types.first == .string, !types.contains(.integer), key.plainIntegers > 0, key.plainIntegers == (key.kinds[.integer] ?? 0) {
            types.append(.integer)
            evidence.append("\(Count.of(key.plainIntegers)) plain whole numbers, which read back as the same text")
        }
        if let accepted = keyTypes[key.name]?.compactMap(ValueKind.init(rawValue:)), let first = types.first, accepted.contains(first) {
            for kind in accepted where !types.contains(kind) && (key.kinds[kind] ?? 0) > 0 {
                types.append(kind)
                evidence.append("the generator reads \(kind.rawValue)s here too")
            }
        }
        // Generators read a lone string where a tag list is expected as one tag.
        if isTagKey, types.first == .array, (key.kinds[.string] ?? 0) > 0, !types.contains(.string) {
            types.insert(.string, at: 1)
            evidence.append("a lone string is read as one tag")
        }
        property.types = types
        let kinds = ranked.map { "\($0.key.rawValue) in \(Count.of($0.value))" } + (nulls > 0 ? ["empty in \(Count.of(nulls))"] : [])
        evidence[0] += "; " + kinds.joined(separator: ", ")
        if types == [.array] {
            let items = key.itemKinds.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            if let first = items.first, Double(first.value) >= thresholds.format * Double(key.itemKinds.values.reduce(0, +)) {
                property.itemTypes = [first.key]
            }
        }
        let strings = key.stringCount
        if types.first == .string, strings > 0 {
            let dateShare = dateKeys.contains(key.name) ? 0.5 : thresholds.format
            if Double(key.dates) >= dateShare * Double(strings) {
                property.isDate = true
                evidence.append("a date in \(Count.of(key.dates)) of \(Count.of(strings)) values (checked by date-format)"
                    + (dateKeys.contains(key.name) ? "; the generator reads it as a date" : ""))
            } else if Double(key.urls) >= thresholds.format * Double(strings) {
                property.isURL = true
                evidence.append("a URL in \(Count.of(key.urls)) of \(Count.of(strings)) values (checked by url-format)")
            } else if let closed = closedSet(key) {
                property.enumValues = closed.values
                evidence.append(closed.evidence)
            }
            if required, key.empty * 100 <= key.presence, !types.contains(.null) {
                property.nonEmpty = true
                if key.empty == 0 { evidence.append("never empty") } else { evidence.append("empty in only \(Count.of(key.empty))") }
            }
        }
        property.evidence = evidence
        return property
    }

    /// The values a low-cardinality string key takes, when they form a closed set: few, each used at least twice,
    /// over enough notes, with at most 2 % of values outside them (which then become findings).
    func closedSet(_ key: KeyStatistics) -> (values: [String], evidence: String)? {
        guard !key.tooManyStrings, key.stringCount >= thresholds.enumNotes else { return nil }
        // A rare value one or two edits from a common one (`evergren` beside `evergreen`) is a slip, not a member.
        let common = key.stringValues.filter { Double($0.value) >= thresholds.rareKey * Double(key.stringCount) }.keys.sorted()
        let repeated = key.stringValues.filter {
            $0.value >= 2 && (Double($0.value) >= thresholds.rareKey * Double(key.stringCount) || Self.nearestCommon($0.key, in: common) == nil)
        }
        let outside = key.stringCount - repeated.values.reduce(0, +)
        guard !repeated.isEmpty, repeated.count <= thresholds.enumValues, outside * 50 <= key.stringCount,
            repeated.count < key.stringCount / 2
        else { return nil }
        let values = repeated.keys.sorted()
        var evidence = "\(values.count) values, each used at least twice"
        if outside > 0 { evidence += "; \(outside) other values (used once, or a rare slip of one of these) are findings" }
        return (values, evidence)
    }

    /// Obsidian's property types as schema types.
    static func obsidianTypes(_ declared: String) -> (types: [ValueKind], items: [ValueKind]?, isDate: Bool)? {
        switch declared {
        case "text": ([.string, .null], nil, false)
        case "multitext", "list", "aliases", "tags": ([.array, .string, .null], [.string], false)
        case "number": ([.number, .null], nil, false)
        case "checkbox": ([.boolean, .null], nil, false)
        case "date", "datetime": ([.string, .null], nil, true)
        default: nil
        }
    }
}

/// Counts as people read them: `5,334`.
enum Count {
    static func of(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
