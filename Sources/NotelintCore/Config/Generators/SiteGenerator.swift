/// The site generator or note app a collection is written for. Each one reads front matter its own way: which
/// keys hold dates, which key marks a draft, which keys hold tags, and where its content lives. Those conventions
/// live here, beside the name, so that whatever needs them (`notelint init`, a walk that keeps to the content
/// folders) reads them from one place.
///
/// A `.lint.yml` names it with `generator:`; `notelint init` detects it (`SiteGeneratorDetection`).
public enum SiteGenerator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case jekyll, hugo, eleventy, astro, docusaurus, mkdocs, obsidian, none

    public var description: String { rawValue }

    /// The name people know it by, for messages.
    public var displayName: String {
        switch self {
        case .jekyll: "Jekyll"
        case .hugo: "Hugo"
        case .eleventy: "Eleventy"
        case .astro: "Astro"
        case .docusaurus: "Docusaurus"
        case .mkdocs: "MkDocs"
        case .obsidian: "Obsidian"
        case .none: "no generator"
        }
    }

    /// What the generator makes of front matter.
    public struct Conventions: Sendable, Hashable {
        /// Keys the generator reads as dates, in its documentation's order.
        public var dateKeys: [String]
        /// The key that keeps a note unpublished, and the value that does it (`draft: true`, Jekyll's
        /// `published: false`).
        public var draftKey: String?
        public var draftValue: Bool
        /// Keys whose values are tag lists, the usual one first.
        public var tagKeys: [String]
        /// Folders holding the content, relative to the site's root (empty: the whole tree). A configuration file
        /// may name others (`SiteGeneratorDetection.Settings.contentFolders`).
        public var contentFolders: [String]
        /// Date forms the generator accepts beyond `YYYY-MM-DD`: a time after a space or `T`, and an offset
        /// (`2013-06-27 12:00:00 +0000`). `date-format` accepts these for the keys it is given.
        public var acceptsDateTimes: Bool
        /// Keys the generator reads in more than one shape, with the JSON types it accepts (Hugo's `cascade` is a
        /// mapping or a list of them): another shape there is no mistake.
        public var keyTypes: [String: [String]] = [:]
    }

    public var conventions: Conventions {
        switch self {
        case .jekyll:
            Conventions(dateKeys: ["date", "last_modified_at"], draftKey: "published", draftValue: false,
                        tagKeys: ["tags", "categories"], contentFolders: [], acceptsDateTimes: true)
        case .hugo:
            Conventions(dateKeys: ["date", "lastmod", "publishDate", "expiryDate"], draftKey: "draft", draftValue: true,
                        tagKeys: ["tags", "categories", "keywords"], contentFolders: ["content"], acceptsDateTimes: true,
                        keyTypes: ["cascade": ["object", "array"], "outputs": ["array", "string"], "aliases": ["array", "string"]])
        case .eleventy:
            Conventions(dateKeys: ["date"], draftKey: "draft", draftValue: true, tagKeys: ["tags"], contentFolders: [],
                        acceptsDateTimes: true)
        case .astro:
            Conventions(dateKeys: ["pubDate", "updatedDate", "date"], draftKey: "draft", draftValue: true,
                        tagKeys: ["tags", "categories"], contentFolders: ["src/content"], acceptsDateTimes: true)
        case .docusaurus:
            Conventions(dateKeys: ["date", "last_update"], draftKey: "draft", draftValue: true, tagKeys: ["tags", "keywords"],
                        contentFolders: ["docs", "blog"], acceptsDateTimes: true)
        case .mkdocs:
            Conventions(dateKeys: ["date"], draftKey: "draft", draftValue: true, tagKeys: ["tags"], contentFolders: ["docs"],
                        acceptsDateTimes: true)
        case .obsidian:
            Conventions(dateKeys: ["date", "created", "updated", "modified"], draftKey: "draft", draftValue: true,
                        tagKeys: ["tags"], contentFolders: [], acceptsDateTimes: true)
        case .none:
            Conventions(dateKeys: ["date", "updated", "lastmod", "created", "modified", "published"], draftKey: "draft",
                        draftValue: true, tagKeys: ["tags", "categories", "keywords"], contentFolders: [], acceptsDateTimes: true)
        }
    }

    /// The name `--generator` and `generator:` take, or nil.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    public static var names: [String] { allCases.map(\.rawValue) }
}
