import NotelintLoader

/// Finds the configuration for each note: the nearest `.lint.yml` from the note's folder upward,
/// an explicit `--config`, or the embedded default. Each configuration is parsed and compiled once.
public final class ConfigurationResolver {
    public static let fileName = ".lint.yml"

    let registry: [any Rule.Type]
    let explicitPath: String?
    /// `--allow-outside-config-paths`: files a configuration names may lie outside its repository.
    let allowsOutsideReferences: Bool
    /// `--follow-symlinks`: a `.lint.yml` that is a link may lead anywhere.
    let followsSymlinks: Bool
    /// Configuration files (and the files they name) held in memory by absolute path, found and read instead of
    /// the disk: what a configuration not yet written would say (`notelint init --dry-run`).
    let overlay: [String: [UInt8]]
    private var byDirectory: [String: EffectiveConfiguration] = [:]
    private var byFile: [String: EffectiveConfiguration] = [:]
    private var embedded: EffectiveConfiguration?

    public init(registry: [any Rule.Type], explicitPath: String? = nil, allowsOutsideReferences: Bool = false, followsSymlinks: Bool = false,
        overlay: [String: [UInt8]] = [:]
    ) {
        self.overlay = overlay
        self.registry = registry
        self.explicitPath = explicitPath
        self.allowsOutsideReferences = allowsOutsideReferences
        self.followsSymlinks = followsSymlinks
    }

    /// The configuration for a note in `directory` (an absolute, normalized path).
    public func configuration(forDirectory directory: String) throws -> EffectiveConfiguration {
        if let explicitPath { return try load(file: explicitPath) }
        if let known = byDirectory[directory] { return known }
        let found: EffectiveConfiguration
        let candidate = directory == "/" ? "/" + Self.fileName : directory + "/" + Self.fileName
        if overlay[candidate] != nil || FileStatus.isRegularFile(candidate) {
            found = try load(file: candidate)
        } else if directory == "/" || directory.isEmpty {
            found = try embeddedDefault()
        } else {
            found = try configuration(forDirectory: PathText.directory(of: directory))
        }
        byDirectory[directory] = found
        return found
    }

    public func load(file path: String) throws -> EffectiveConfiguration {
        if let known = byFile[path] { return known }
        let directory = PathText.directory(of: path)
        // A `.lint.yml` found in a repository is the repository's: as a link it may not lead out of it. One
        // named with `--config` is the caller's choice.
        let references = ConfigReferencePolicy(configurationDirectory: directory, allowsOutside: allowsOutsideReferences)
        let boundary = path == explicitPath || followsSymlinks
            ? ReadBoundary.unbounded : ConfigReferencePolicy(configurationDirectory: directory, allowsOutside: false).boundary
        let bytes: [UInt8]
        switch overlay[path].map({ .success($0) }) ?? NoteReader.readAll(path: path, boundary: boundary) {
        case .success(let read): bytes = read
        case .failure(let failure):
            throw ConfigurationError(path: path, position: nil, message: "cannot read the configuration file: \(failure.reason)")
        }
        let configuration = try Configuration.parse(bytes, path: path, directory: directory, rules: registry, references: references)
        let effective = try EffectiveConfiguration(
            configuration, registry: registry, files: RuleFileStore(.directory(directory), boundary: references.boundary, overlay: overlay))
        byFile[path] = effective
        return effective
    }

    public func embeddedDefault() throws -> EffectiveConfiguration {
        if let embedded { return embedded }
        let path = EmbeddedRules.configurationPath
        let bytes = Array((EmbeddedRules.files[path] ?? "").utf8)
        let configuration = try Configuration.parse(bytes, path: "(embedded default)", directory: ".", rules: registry)
        let effective = try EffectiveConfiguration(configuration, registry: registry, files: RuleFileStore(.embedded))
        embedded = effective
        return effective
    }
}
