import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which generator a collection is written for, told from the files it keeps at its root, and what those files
/// say about its front matter. Files are read through the `ReadBoundary` like notes, and YAML and JSON (which
/// is YAML) with the loader's parser; TOML is only searched for the lines that matter.
public struct SiteGeneratorDetection: Sendable, Hashable {
    public var generator: SiteGenerator
    /// The file or folder that showed it, relative to the root; nil when nothing did or the user named it.
    public var evidence: String?
    public var settings: Settings

    /// What the generator's own configuration says, as far as front matter and the walk are concerned.
    public struct Settings: Sendable, Hashable {
        /// Folders holding the content, relative to the root: the generator's default or what its configuration
        /// names (Hugo `contentDir`, MkDocs `docs_dir`). Empty: the whole tree.
        public var contentFolders: [String] = []
        /// Paths the generator leaves out (Jekyll `exclude:`) and takes back in (Jekyll `include:`).
        public var excluded: [String] = []
        public var included: [String] = []
        /// Jekyll's collections (`collections:`, a list or a mapping of names) and the folder they live in
        /// (`collections_dir`, empty for the root): their `_NAME` folders hold pages.
        public var collections: [String] = []
        public var collectionsFolder = ""
        /// Obsidian's property types (`.obsidian/types.json`): property name to `text`, `multitext`, `number`,
        /// `checkbox`, `date`, `datetime`, `aliases` or `tags`.
        public var propertyTypes: [String: String] = [:]

        public init() {}
    }

    public init(generator: SiteGenerator, evidence: String?, settings: Settings) {
        self.generator = generator
        self.evidence = evidence
        self.settings = settings
    }

    /// The marks each generator leaves at a site's root, in the order they are tried: the more specific first.
    static let marks: [(SiteGenerator, [String])] = [
        (.obsidian, [".obsidian/"]),
        (.jekyll, ["_config.yml", "_config.yaml"]),
        (.hugo, ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default/hugo.toml", "config/_default/config.toml"]),
        (.docusaurus, ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"]),
        (.mkdocs, ["mkdocs.yml", "mkdocs.yaml"]),
        (.astro, ["src/content.config.ts", "src/content.config.js", "src/content.config.mjs", "src/content/config.ts",
                  "src/content/config.js", "src/content/config.mjs", "astro.config.mjs", "astro.config.ts"]),
        (.eleventy, ["eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.js"]),
    ]

    /// Hugo's older name for its configuration, `config.toml` (or `.yaml`, `.json`), is shared with other tools:
    /// it counts only when it holds a key Hugo reads.
    static let hugoLegacyFiles = ["config.toml", "config.yaml", "config.yml", "config.json"]
    static let hugoKeys = ["baseURL", "baseurl", "contentDir", "languageCode", "defaultContentLanguage", "theme"]

    /// Looks at the files at `root` (a folder) and names the generator, with the file that showed it.
    public static func detect(root: String, boundary: ReadBoundary = .unbounded) -> SiteGeneratorDetection {
        for (generator, files) in marks {
            for file in files where exists(root, file, boundary: boundary) {
                return SiteGeneratorDetection(
                    generator: generator, evidence: file, settings: settings(of: generator, root: root, boundary: boundary))
            }
        }
        for file in hugoLegacyFiles {
            guard let text = read(root, file, boundary: boundary) else { continue }
            if hugoKeys.contains(where: { text.contains($0) }) {
                return SiteGeneratorDetection(generator: .hugo, evidence: file, settings: settings(of: .hugo, root: root, boundary: boundary))
            }
        }
        return SiteGeneratorDetection(generator: .none, evidence: nil, settings: Settings())
    }

    /// What `generator`'s configuration files at `root` say (its defaults where they say nothing or are missing).
    public static func settings(of generator: SiteGenerator, root: String, boundary: ReadBoundary = .unbounded) -> Settings {
        var settings = Settings()
        settings.contentFolders = generator.conventions.contentFolders
        switch generator {
        case .jekyll:
            for file in ["_config.yml", "_config.yaml"] {
                guard let config = yaml(root, file, boundary: boundary) else { continue }
                settings.excluded = strings(config["exclude"])
                settings.included = strings(config["include"])
                if let collections = config["collections"]?.dereferenced {
                    settings.collections = collections.pairs?.compactMap(\.name) ?? strings(collections)
                }
                settings.collectionsFolder = trimmedFolder(config["collections_dir"]?.dereferenced.scalar?.text ?? "")
                break
            }
        case .hugo:
            for file in ["hugo.yaml", "hugo.yml", "hugo.json", "config.yaml", "config.yml", "config.json"] {
                if let folder = yaml(root, file, boundary: boundary)?["contentDir"]?.dereferenced.scalar?.text {
                    settings.contentFolders = [folder]
                    break
                }
            }
            for file in ["hugo.toml", "config.toml", "config/_default/hugo.toml", "config/_default/config.toml"] {
                if let folder = read(root, file, boundary: boundary).flatMap(tomlString(named: "contentDir")) {
                    settings.contentFolders = [folder]
                    break
                }
            }
        case .mkdocs:
            for file in ["mkdocs.yml", "mkdocs.yaml"] {
                if let folder = yaml(root, file, boundary: boundary)?["docs_dir"]?.dereferenced.scalar?.text {
                    settings.contentFolders = [folder]
                }
            }
        case .obsidian:
            if let types = yaml(root, ".obsidian/types.json", boundary: boundary)?["types"]?.dereferenced.pairs {
                for pair in types {
                    if let name = pair.name, let type = pair.value.dereferenced.scalar?.text { settings.propertyTypes[name] = type }
                }
            }
        case .eleventy, .astro, .docusaurus, .none:
            break
        }
        settings.contentFolders = settings.contentFolders.map(trimmedFolder).filter { !$0.isEmpty && $0 != "." }
        return settings
    }

    // MARK: - Reading the root's files

    private static func path(_ root: String, _ file: String) -> String {
        (root.hasSuffix("/") ? root : root + "/") + file
    }

    private static func exists(_ root: String, _ file: String, boundary: ReadBoundary) -> Bool {
        let full = path(root, file.hasSuffix("/") ? String(file.dropLast()) : file)
        var info = stat()
        guard stat(full, &info) == 0 else { return false }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        return file.hasSuffix("/") ? isFolder : !isFolder && boundary.contains(path: full)
    }

    /// Configuration files are small; a larger one is not read.
    static let readLimit = 1 << 20

    private static func read(_ root: String, _ file: String, boundary: ReadBoundary) -> String? {
        guard case .success(let bytes) = NoteReader.readAll(path: path(root, file), boundary: boundary, limit: readLimit) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func yaml(_ root: String, _ file: String, boundary: ReadBoundary) -> YAMLNode? {
        guard case .success(let bytes) = NoteReader.readAll(path: path(root, file), boundary: boundary, limit: readLimit) else { return nil }
        let limits = LoadLimits(maxDepth: 32, maxFrontMatterBytes: readLimit, maxAliases: 100)
        let parsed = YAMLTreeBuilder(limits: limits).parse(SourceText(bytes: bytes), range: 0..<bytes.count)
        guard !parsed.isIncomplete, let root = parsed.documents.first ?? nil, root.dereferenced.pairs != nil else { return nil }
        return root.dereferenced
    }

    private static func strings(_ node: YAMLNode?) -> [String] {
        guard let node = node?.dereferenced else { return [] }
        if let text = node.scalar?.text { return [text] }
        return (node.items ?? []).compactMap { $0.dereferenced.scalar?.text }
    }

    /// `name = "value"` at the start of a line of a TOML file (top level only, which is where Hugo reads it).
    private static func tomlString(named name: String) -> (String) -> String? {
        { text in
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("[") { return nil }
                guard trimmed.hasPrefix(name) else { continue }
                let rest = trimmed.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
                guard rest.first == "=" else { continue }
                let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
                return value.dropFirst().prefix { $0 != quote }.description
            }
            return nil
        }
    }

    private static func trimmedFolder(_ folder: String) -> String {
        var folder = Substring(folder)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }
}
