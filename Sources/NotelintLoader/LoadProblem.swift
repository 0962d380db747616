/// Something wrong found while reading a note or building its YAML tree. Problems are data, not errors:
/// the loader always returns, and the rule engine turns problems into diagnostics.
public struct LoadProblem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unreadable = "unreadable"
        case notRegularFile = "not-a-regular-file"
        /// A symbolic link whose target lies outside the folders being linted: not followed.
        case outsideRoot = "outside-root"
        /// A file of the kernel's pseudo file systems (`/proc`, `/sys`, `/dev`): never read.
        case specialFile = "special-file"
        case syntax = "yaml-syntax"
        case duplicateKey = "duplicate-key"
        case notAMapping = "not-a-mapping"
        case invalidUTF8 = "invalid-utf8"
        case nulByte = "nul-byte"
        case tooDeep = "too-deep"
        case tooLarge = "too-large"
        case tooManyAliases = "too-many-aliases"
        case tooManyKeys = "too-many-keys"
        case undefinedAlias = "undefined-alias"
        case multipleDocuments = "multiple-documents"
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange
    /// The other half of a conflict, such as the first occurrence of a duplicated key.
    public var related: SourceRange?

    public init(kind: Kind, message: String, range: SourceRange, related: SourceRange? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.related = related
    }
}

/// Bounds that keep hostile input from costing unbounded time or memory.
public struct LoadLimits: Sendable, Hashable {
    /// Nesting of collections beyond this is refused (every later walk of the tree is recursive).
    public var maxDepth: Int
    /// Bytes between the fences.
    public var maxFrontMatterBytes: Int
    /// Aliases in one front matter. They are never expanded, so this guards only against absurd input.
    public var maxAliases: Int
    /// Keys in one front matter, counted over every mapping in it. Each key costs a schema check and, when
    /// unknown, a nearest-name search: this keeps a generated or corrupted note from costing minutes.
    public var maxKeys: Int

    public init(maxDepth: Int = 128, maxFrontMatterBytes: Int = 1 << 20, maxAliases: Int = 10_000, maxKeys: Int = 10_000) {
        self.maxDepth = maxDepth
        self.maxFrontMatterBytes = maxFrontMatterBytes
        self.maxAliases = maxAliases
        self.maxKeys = maxKeys
    }

    public static let `default` = LoadLimits()
}
