import NotelintLoader

/// What a `.lint.yml` says, with paths still relative to `directory`.
///
/// ```yaml
/// include: ["**/*.md"]            # globs relative to this file's folder
/// exclude: ["drafts/**"]
/// schemas:                        # first match wins
///   - files: ["**"]
///     schema: Rules/note.schema.yml
/// rules:
///   unknown-key: off              # or info / warning / error
///   tag-spelling: { severity: error, min-uses: 3 }
/// ignore:
///   - files: ["archive/**"]
///     rules: [date-format]        # or [all]
/// limits:                         # per note; see `LimitSetting.all`
///   max-front-matter-bytes: 65536
/// generator: jekyll               # see `SiteGenerator`; written by `notelint init`
/// ```
public struct Configuration: Sendable {
    public struct SchemaMapping: Sendable {
        public var files: [Glob]
        public var schema: String
    }

    public struct RuleSetting: Sendable {
        /// `nil` keeps the rule's default severity.
        public var severity: Severity?
        public var isOff: Bool
        public var options: [String: OptionValue]

        public init(severity: Severity? = nil, isOff: Bool = false, options: [String: OptionValue] = [:]) {
            self.severity = severity
            self.isOff = isOff
            self.options = options
        }
    }

    public struct Ignore: Sendable {
        public var files: [Glob]
        /// Rule ids, or `all`.
        public var rules: [String]
    }

    /// Where the file was read from, for messages; `(embedded default)` for the built-in one.
    public var path: String
    /// Folder that relative globs and file references start from.
    public var directory: String
    public var include: [Glob]
    public var exclude: [Glob]
    public var schemas: [SchemaMapping]
    public var rules: [String: RuleSetting]
    public var ignores: [Ignore]
    /// What one note may cost to load: the `limits:` section over `LoadLimits.default`.
    public var limits: LoadLimits = .default
    /// The site generator or app the notes are written for (`generator:`), whose conventions a walk or a check may
    /// follow; nil when the file does not say.
    public var generator: SiteGenerator?

    public static let defaultInclude = [Glob("**/*.md"), Glob("**/*.markdown")]
    static let topLevelKeys = ["include", "exclude", "schemas", "rules", "ignore", "limits", "generator"]

    /// Parses and checks a configuration file's text. Unknown keys, rule ids and options are errors.
    /// `references` says where the files it names may lie; each is checked here, where its key's place is known.
    public static func parse(
        _ bytes: [UInt8], path: String, directory: String, rules: [any Rule.Type], references: ConfigReferencePolicy = .unchecked
    ) throws -> Configuration {
        try parse(bytes, path: path, directory: directory, descriptions: rules.map { $0.description }, references: references)
    }

    public static func parse(
        _ bytes: [UInt8], path: String, directory: String, descriptions: [RuleDescription],
        references: ConfigReferencePolicy = .unchecked
    ) throws -> Configuration {
        let ids = descriptions.map(\.id)
        // Configurations are small; tight limits keep a hostile one (an alias bomb, deep nesting) cheap.
        let limits = LoadLimits(maxDepth: 32, maxFrontMatterBytes: 1 << 20, maxAliases: 100)
        let parsed = YAMLTreeBuilder(limits: limits).parse(SourceText(bytes: bytes), range: 0..<bytes.count)
        if let problem = parsed.problems.first {
            throw ConfigurationError(path: path, position: problem.range.start, message: problem.message)
        }
        var configuration = Configuration(
            path: path, directory: directory, include: defaultInclude, exclude: [], schemas: [], rules: [:], ignores: [])
        guard let root = parsed.documents.first ?? nil else { return configuration }
        let reader = ConfigReader(path: path, references: references)
        let pairs = try reader.mapping(root, what: "configuration")
        for pair in pairs {
            let key = try reader.keyName(pair)
            switch key {
            case "include": configuration.include = try reader.strings(pair.value).map(Glob.init)
            case "exclude": configuration.exclude = try reader.strings(pair.value).map(Glob.init)
            case "schemas":
                for entry in try reader.sequence(pair.value) {
                    var files: [Glob] = [Glob("**")]
                    var schema: String?
                    for field in try reader.mapping(entry, what: "schema mapping") {
                        switch try reader.keyName(field) {
                        case "files": files = try reader.strings(field.value).map(Glob.init)
                        case "schema":
                            schema = try reader.string(field.value)
                            try reader.checkReference(schema ?? "", key: "schema", at: field.value)
                        case let other: throw ConfigurationError.unknown("key", other, among: ["files", "schema"], at: field.key, in: path)
                        }
                    }
                    guard let schema else { throw ConfigurationError(path: path, position: entry.range.start, message: "a schema mapping needs `schema`") }
                    configuration.schemas.append(SchemaMapping(files: files, schema: schema))
                }
            case "rules":
                for rulePair in try reader.mapping(pair.value, what: "rules") {
                    let id = try reader.keyName(rulePair)
                    guard let rule = descriptions.first(where: { $0.id == id }) else {
                        throw ConfigurationError.unknown("rule", id, among: ids, at: rulePair.key, in: path)
                    }
                    configuration.rules[id] = try reader.ruleSetting(rulePair.value, for: rule)
                }
            case "ignore":
                for entry in try reader.sequence(pair.value) {
                    var ignore = Ignore(files: [], rules: ["all"])
                    for field in try reader.mapping(entry, what: "ignore entry") {
                        switch try reader.keyName(field) {
                        case "files": ignore.files = try reader.strings(field.value).map(Glob.init)
                        case "rules":
                            ignore.rules = try reader.strings(field.value)
                            for (index, id) in ignore.rules.enumerated() where id != "all" && !ids.contains(id) {
                                let node = field.value.items?[index] ?? field.value
                                throw ConfigurationError.unknown("rule", id, among: ids + ["all"], at: node, in: path)
                            }
                        case let other: throw ConfigurationError.unknown("key", other, among: ["files", "rules"], at: field.key, in: path)
                        }
                    }
                    configuration.ignores.append(ignore)
                }
            case "limits":
                for field in try reader.mapping(pair.value, what: "limits") {
                    let name = try reader.keyName(field)
                    guard let setting = LimitSetting.all.first(where: { $0.name == name }) else {
                        throw ConfigurationError.unknown("limit", name, among: LimitSetting.all.map(\.name), at: field.key, in: path)
                    }
                    let value = field.value.dereferenced.scalar?.resolved
                    guard case .int(let number)? = value, setting.allowed.contains(number) else {
                        throw reader.fail(field.value, "limit `\(name)` must be a whole number from \(setting.allowed.lowerBound) to \(setting.allowed.upperBound)")
                    }
                    configuration.limits[keyPath: setting.keyPath] = number
                }
            case "generator":
                let name = try reader.string(pair.value)
                guard let generator = SiteGenerator(name: name) else {
                    throw ConfigurationError.unknown("generator", name, among: SiteGenerator.names, at: pair.value, in: path)
                }
                configuration.generator = generator
            default:
                throw ConfigurationError.unknown("key", key, among: topLevelKeys, at: pair.key, in: path)
            }
        }
        return configuration
    }
}

/// A key of the `limits:` section: the `LoadLimits` field it sets and the values it accepts.
public struct LimitSetting: Sendable {
    public let name: String
    public let keyPath: WritableKeyPath<LoadLimits, Int> & Sendable
    public let allowed: ClosedRange<Int>

    /// Depth can only be lowered: rules and the schema walk the tree recursively, and 128 levels is what their
    /// stacks are known to hold. The others may be raised, within bounds that still keep one note's cost finite.
    public static let all: [LimitSetting] = [
        LimitSetting(name: "max-depth", keyPath: \.maxDepth, allowed: 1...LoadLimits.default.maxDepth),
        LimitSetting(name: "max-front-matter-bytes", keyPath: \.maxFrontMatterBytes, allowed: 1...(64 << 20)),
        LimitSetting(name: "max-keys", keyPath: \.maxKeys, allowed: 1...1_000_000),
        LimitSetting(name: "max-aliases", keyPath: \.maxAliases, allowed: 0...1_000_000),
    ]
}

/// Typed reading of configuration nodes, every error with its position.
struct ConfigReader {
    let path: String
    var references: ConfigReferencePolicy = .unchecked

    func checkReference(_ reference: String, key: String, at node: YAMLNode) throws {
        try references.check(reference, key: key, at: node, in: path)
    }

    func fail(_ node: YAMLNode, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, position: node.range.start, message: message)
    }

    func mapping(_ node: YAMLNode, what: String) throws -> [YAMLPair] {
        guard let pairs = node.dereferenced.pairs else { throw fail(node, "\(what) must be a mapping") }
        return pairs
    }

    func sequence(_ node: YAMLNode) throws -> [YAMLNode] {
        guard let items = node.dereferenced.items else { throw fail(node, "expected a list") }
        return items
    }

    func keyName(_ pair: YAMLPair) throws -> String {
        guard let name = pair.key.dereferenced.scalar?.text else { throw fail(pair.key, "keys must be plain strings") }
        return name
    }

    func string(_ node: YAMLNode) throws -> String {
        guard let scalar = node.dereferenced.scalar, scalar.resolved.type != .null else { throw fail(node, "expected a string") }
        return scalar.text
    }

    /// A string or a list of strings.
    func strings(_ node: YAMLNode) throws -> [String] {
        if node.dereferenced.scalar != nil { return [try string(node)] }
        var values: [String] = []
        for item in try sequence(node) { values.append(try string(item)) }
        return values
    }

    func severity(_ node: YAMLNode) throws -> (Severity?, off: Bool) {
        let text = try string(node)
        if text == "off" || text == "false" { return (nil, true) }
        if let severity = Severity(rawValue: text) { return (severity, false) }
        let names = Severity.allCases.map(\.rawValue) + ["off"]
        throw ConfigurationError.unknown("severity", text, among: names, at: node, in: path)
    }

    func ruleSetting(_ node: YAMLNode, for rule: RuleDescription) throws -> Configuration.RuleSetting {
        var setting = Configuration.RuleSetting(severity: nil, isOff: false, options: [:])
        if let scalar = node.dereferenced.scalar {
            if case .bool(let on) = scalar.resolved {
                setting.isOff = !on
                return setting
            }
            (setting.severity, setting.isOff) = try severity(node)
            return setting
        }
        for pair in try mapping(node, what: "rule `\(rule.id)`") {
            let name = try keyName(pair)
            if name == "severity" {
                (setting.severity, setting.isOff) = try severity(pair.value)
                continue
            }
            guard let option = rule.options.first(where: { $0.name == name }) else {
                throw ConfigurationError.unknown(
                    "option of `\(rule.id)`", name, among: rule.options.map(\.name) + ["severity"], at: pair.key, in: path)
            }
            setting.options[name] = try value(pair.value, like: option.defaultValue, name: name)
            if let allowed = option.allowedValues, case .string(let chosen)? = setting.options[name], !allowed.contains(chosen) {
                throw ConfigurationError.unknown("value of `\(rule.id).\(name)`", chosen, among: allowed, at: pair.value, in: path)
            }
            if option.namesFiles, case .strings(let references)? = setting.options[name] {
                let items = pair.value.dereferenced.items
                for (index, reference) in references.enumerated() {
                    try checkReference(reference, key: "\(rule.id).\(name)", at: items?[index] ?? pair.value)
                }
            }
        }
        return setting
    }

    func value(_ node: YAMLNode, like example: OptionValue, name: String) throws -> OptionValue {
        let scalar = node.dereferenced.scalar
        switch example {
        case .bool:
            if case .bool(let value)? = scalar?.resolved { return .bool(value) }
        case .int:
            if case .int(let value)? = scalar?.resolved { return .int(value) }
        case .string:
            if let scalar, scalar.resolved.type != .null || scalar.style != .plain { return .string(scalar.text) }
        case .strings:
            return .strings(try strings(node))
        }
        throw fail(node, "option `\(name)` must be a \(example.typeName)")
    }
}
