import NotelintLoader
import NotelintSchema
import NotelintSpelling
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A configuration made ready to run: rules instantiated with their options and severities, schemas compiled.
/// Built once per configuration file and shared by every note it governs.
public final class EffectiveConfiguration: Sendable {
    public struct ActiveRule: Sendable {
        public let rule: any Rule
        public let severity: Severity
        /// The rule's id and whether it needs the corpus, read once: asked for every rule of every note.
        public let id: String
        public let needsCorpus: Bool

        init(rule: any Rule, severity: Severity) {
            self.rule = rule
            self.severity = severity
            self.id = type(of: rule).id
            self.needsCorpus = type(of: rule).needsCorpus
        }
    }

    public struct LoadedSchema: Sendable {
        public let path: String
        public let files: [Glob]
        public let schema: JSONSchema
        /// The properties declared `format: note-ref` (references to other notes), worked out once: every note
        /// under the schema asks.
        public let noteReferenceKeys: Set<String>

        public init(path: String, files: [Glob], schema: JSONSchema) {
            self.path = path
            self.files = files
            self.schema = schema
            noteReferenceKeys = Set(schema.knownProperties.filter { schema.declaredFormat(ofProperty: $0) == "note-ref" })
        }
    }

    public let configuration: Configuration
    public let rules: [ActiveRule]
    /// The rules that weigh notes against the collection index, cast once (a cast a note costs more than it seems).
    public let indexedRules: [any IndexedCollectionRule]
    /// The same rules as active rules (with their ids and severities): all that a note's second look runs when its
    /// tags leave the other corpus rules nothing to report.
    public let indexedActiveRules: [ActiveRule]
    /// The keys the indexed rules look up in every note, for one walk over a note's keys.
    let keyUnion: CollectionValues.KeyUnion
    /// Every indexed rule's `uniqueKinds`, gathered once.
    public let uniqueFactKinds: [UInt32]
    public let schemas: [LoadedSchema]
    /// Where file references in the configuration are read from.
    public let files: RuleFileStore
    /// The configuration's folder as an absolute path, computed once: globs are matched relative to it.
    public let absoluteDirectory: String
    /// Which files the site's generator makes pages of, when the configuration names it (`generator:`).
    public let siteContent: SiteContent?

    public init(_ configuration: Configuration, registry: [any Rule.Type], files: RuleFileStore) throws {
        self.configuration = configuration
        self.files = files
        self.absoluteDirectory = PathText.absolute(configuration.directory)
        self.siteContent = configuration.generator.map { generator in
            SiteContent(
                generator: generator,
                settings: SiteGeneratorDetection.settings(of: generator, root: PathText.absolute(configuration.directory), boundary: files.boundary))
        }
        var rules: [ActiveRule] = []
        for type in registry {
            let description = type.description
            let setting = configuration.rules[description.id]
            if setting?.isOff == true { continue }
            if description.isOptIn && setting == nil { continue }
            var overrides = setting?.options ?? [:]
            // File-valued options are resolved against the configuration's folder here, once.
            for option in description.options where option.namesFiles {
                if let value = overrides[option.name] ?? Optional(option.defaultValue) {
                    overrides[option.name] = .strings(value.strings.map(files.resolve))
                }
            }
            var options = RuleOptions(defaults: description.options, overrides: overrides, files: files)
            options.generator = configuration.generator
            rules.append(ActiveRule(rule: type.init(options: options), severity: setting?.severity ?? description.defaultSeverity))
        }
        self.rules = rules
        // Only rules that need the collection can be one: the others are not cast (each first cast searches every
        // conformance in the program).
        indexedActiveRules = rules.filter { $0.needsCorpus && $0.rule is any IndexedCollectionRule }
        indexedRules = indexedActiveRules.map { $0.rule as! any IndexedCollectionRule }
        keyUnion = CollectionValues.KeyUnion(indexedRules.map { ($0 as? any CollectionValues.LooksUpKeys)?.lookedUpKeys })
        uniqueFactKinds = indexedRules.flatMap(\.uniqueKinds)
        var schemas: [LoadedSchema] = []
        for mapping in configuration.schemas {
            let path = files.resolve(mapping.schema)
            guard let bytes = files.read(path) else {
                throw ConfigurationError(path: configuration.path, position: nil, message: "cannot read schema `\(mapping.schema)`")
            }
            let root = try Self.parseDocument(bytes, path: path)
            do {
                schemas.append(LoadedSchema(path: path, files: mapping.files, schema: try JSONSchema(root: root, sourcePath: path)))
            } catch {
                throw ConfigurationError(path: path, position: nil, message: "invalid schema: \(error)")
            }
        }
        self.schemas = schemas
    }

    static func parseDocument(_ bytes: [UInt8], path: String) throws -> YAMLNode {
        let source = SourceText(bytes: bytes)
        let parsed = YAMLTreeBuilder().parse(source, range: 0..<bytes.count)
        if let problem = parsed.problems.first {
            throw ConfigurationError(path: path, position: problem.range.start, message: problem.message)
        }
        guard let root = parsed.documents.first ?? nil else {
            throw ConfigurationError(path: path, position: nil, message: "the schema file is empty")
        }
        return root
    }

    /// The schema for a note, by the first mapping whose globs match its path relative to the configuration's folder.
    public func schema(forRelativePath path: String) -> LoadedSchema? {
        schemas.first { schema in schema.files.contains { $0.matches(path) } }
    }

    /// Everything a note's results depend on besides the note: notelint's build, the configuration file, the
    /// files it refers to, the date rules compare with and the spelling dictionaries' identities.
    public func fingerprint(today: CalendarDate) -> UInt64 {
        var hash = ContentHash()
        hash.add(ToolInfo.version)
        hash.add(BuildIdentity.current)
        hash.add(configuration.path)
        if isFromFile, case .success(let bytes) = NoteReader.readAll(path: configuration.path) { hash.add(bytes) }
        for (path, contentHash) in files.readLog.entries {
            hash.add(path)
            hash.add(contentHash.map { String($0) } ?? "unreadable")
        }
        hash.add("\(today.year)-\(today.month)-\(today.day)")
        for checker in spellCheckers { hash.add(checker.identity) }
        return hash.value
    }

    /// Some active rule weighs a note against the others (tag spelling).
    public var needsCorpus: Bool { rules.contains { $0.needsCorpus } }
    /// Whether a rule weighs notes against the collection index.
    public var hasIndexedRules: Bool { !indexedRules.isEmpty }

    /// The key whose lists count as cross-note evidence (`tags` unless the rule using them says otherwise).
    public var corpusKey: String {
        rules.lazy.filter(\.needsCorpus).compactMap { ($0.rule as? any CollectionRule)?.corpusKey }.first ?? "tags"
    }

    /// Read from a `.lint.yml` (or `--config`), as opposed to the embedded default.
    public var isFromFile: Bool {
        if case .directory = files.origin { return true }
        return false
    }

    /// Whether a note a walk found is linted: matched by `include`, not by `exclude`, and, when the configuration
    /// names its generator, one the generator makes a page of.
    public func includes(relativePath path: String) -> Bool {
        matchesGlobs(relativePath: path) && siteContent?.exclusion(ofRelativePath: path) == nil
    }

    public func matchesGlobs(relativePath path: String) -> Bool {
        configuration.include.contains { $0.matches(path) } && !configuration.exclude.contains { $0.matches(path) }
    }

    public func ignoredRules(forRelativePath path: String) -> Set<String> {
        var ignored: Set<String> = []
        for entry in configuration.ignores where entry.files.contains(where: { $0.matches(path) }) {
            ignored.formUnion(entry.rules)
        }
        return ignored
    }
}

/// Reads the files a configuration names: from disk relative to its folder, or from the copy of `Rules/`
/// compiled into the binary for the embedded default.
public struct RuleFileStore: Sendable {
    public enum Origin: Sendable {
        case directory(String)
        case embedded
    }

    public let origin: Origin
    /// Where files may be read from (checked again on the opened file, after the parse-time check).
    public let boundary: ReadBoundary
    /// Files held in memory by absolute path, read instead of the disk: a configuration not written yet.
    public let overlay: [String: [UInt8]]
    /// Every file read through this store, for the configuration's fingerprint.
    let readLog = FileReadLog()

    public init(_ origin: Origin, boundary: ReadBoundary = .unbounded, overlay: [String: [UInt8]] = [:]) {
        self.origin = origin
        self.boundary = boundary
        self.overlay = overlay
    }

    public func resolve(_ reference: String) -> String {
        switch origin {
        case .directory(let directory):
            if reference.hasPrefix("/") { return reference }
            return PathText.normalize(directory + "/" + reference)
        case .embedded:
            return PathText.normalize(reference)
        }
    }

    public func read(_ resolvedPath: String) -> [UInt8]? {
        let bytes = readUnlogged(resolvedPath)
        readLog.record(resolvedPath, bytes)
        return bytes
    }

    private func readUnlogged(_ resolvedPath: String) -> [UInt8]? {
        switch origin {
        case .directory:
            if let held = overlay[resolvedPath] { return held }
            if case .success(let bytes) = NoteReader.readAll(path: resolvedPath, boundary: boundary) { return bytes }
            return nil
        case .embedded:
            return EmbeddedRules.files[resolvedPath].map { Array($0.utf8) }
        }
    }
}

/// The files a configuration read, with a hash of what each held (nil: could not be read).
final class FileReadLog: @unchecked Sendable {
    // @unchecked: `recorded` is only touched while `lock` is held.
    private let lock = SpellingLock()
    private var recorded: [String: UInt64?] = [:]

    func record(_ path: String, _ bytes: [UInt8]?) {
        let hash = bytes.map(ContentHash.of)
        lock.withLock { recorded[path] = .some(hash) }
    }

    /// Sorted by path.
    var entries: [(path: String, hash: UInt64?)] {
        lock.withLock { recorded.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}

/// Which notelint build is running: its version does not change between builds of work in progress, and a
/// changed rule must not reuse results from before.
enum BuildIdentity {
    static let current: String = {
        var info = stat()
        #if os(Linux)
        let executable = "/proc/self/exe"
        #else
        let executable = CommandLine.arguments.first ?? ""
        #endif
        guard stat(executable, &info) == 0 else { return "unknown" }
        #if canImport(Darwin)
        return "\(info.st_size) \(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec) \(info.st_ino)"
        #else
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
        #endif
    }()
}
