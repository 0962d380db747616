#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which Markdown files of a site its generator turns into pages, so that a walk leaves out the rest: a theme's
/// README, Hugo's archetypes, a Jekyll site's `_layouts/` and `vendor/`, an Obsidian vault's trash. Asked only when
/// a `.lint.yml` names its `generator:`; paths are relative to that file's folder, the site's root.
public struct SiteContent: Sendable, Hashable {
    public let generator: SiteGenerator
    /// Folders that hold every page (Hugo `content/`, MkDocs `docs/`); empty: the whole tree.
    public let contentFolders: [String]
    /// Jekyll's `exclude:` with its defaults, and `include:`.
    public let excluded: [String]
    public let included: [String]
    /// Jekyll's declared collections, whose `_NAME` folders hold pages, and the folder holding them.
    public let collections: Set<String>
    public let collectionsFolder: [String]

    /// What Jekyll leaves out even when a site's `exclude:` does not say it (its documented defaults).
    public static let jekyllDefaultExcludes = [
        ".sass-cache/", ".jekyll-cache/", "gemfiles/", "Gemfile", "Gemfile.lock", "node_modules/", "vendor/bundle/",
        "vendor/cache/", "vendor/gems/", "vendor/ruby/",
    ]

    public init(generator: SiteGenerator, settings: SiteGeneratorDetection.Settings) {
        self.generator = generator
        contentFolders = settings.contentFolders
        included = settings.included
        excluded = generator == .jekyll ? Self.jekyllDefaultExcludes + settings.excluded : []
        collections = generator == .jekyll ? Set(settings.collections.map { "_" + $0 }) : []
        collectionsFolder = settings.collectionsFolder.split(separator: "/").map(String.init)
    }

    /// Why the note at `path` (relative to the site's root, `/`-separated) is no page of the site, or nil when it
    /// is one.
    public func exclusion(ofRelativePath path: String) -> String? {
        if !contentFolders.isEmpty, !contentFolders.contains(where: { isInside(path, folder: $0) }) {
            let folders = contentFolders.map { "`\($0)/`" }.joined(separator: ", ")
            return "outside \(generator.displayName)'s content \(contentFolders.count == 1 ? "folder" : "folders") \(folders)"
        }
        switch generator {
        case .jekyll: return jekyllExclusion(path, path.split(separator: "/").map(String.init))
        case .obsidian:
            // Obsidian moves deleted notes to `.trash/` at the vault's root.
            return path.hasPrefix(".trash/") ? "in Obsidian's trash (`.trash/`)" : nil
        default: return nil
        }
    }

    /// Jekyll's reader: an entry whose name starts with `.`, `_` or `#`, or ends with `~`, is not read unless
    /// `include:` names it; `_posts`, `_drafts` and collections are read by readers of their own; what `exclude:`
    /// names (a path, a prefix of one, or a shell pattern) is not read unless `include:` names it.
    private func jekyllExclusion(_ path: String, _ components: [String]) -> String? {
        var prefix = ""
        for (index, component) in components.enumerated() {
            prefix += (index == 0 ? "" : "/") + component
            let isFolder = index < components.count - 1
            if isIncluded(prefix, isFolder: isFolder) { continue }
            if let pattern = excluded.first(where: { Self.jekyllMatches($0, prefix, isFolder: isFolder) }) {
                return "in Jekyll's `exclude:` (`\(pattern)`)"
            }
            // Posts and drafts may sit in any folder (`news/_posts/`); collections in `collections_dir`.
            if isFolder, component == "_posts" || component == "_drafts" { continue }
            if isFolder, collections.contains(component), Array(components[..<index]) == collectionsFolder { continue }
            let first = component.utf8.first
            if first == UInt8(ascii: ".") || first == UInt8(ascii: "_") || first == UInt8(ascii: "#") || component.hasSuffix("~") {
                return "Jekyll does not read `\(prefix)\(isFolder ? "/" : "")` (a name starting with `\(component.prefix(1))`)"
            }
        }
        return nil
    }

    private func isIncluded(_ prefix: String, isFolder: Bool) -> Bool {
        included.contains { Self.jekyllMatches($0, prefix, isFolder: isFolder) }
    }

    /// Jekyll's `glob_include?`: the pattern names the path, begins it, or matches it as a shell pattern in which
    /// `*` also crosses `/`.
    static func jekyllMatches(_ rawPattern: String, _ path: String, isFolder: Bool) -> Bool {
        var pattern = Substring(rawPattern)
        while pattern.hasPrefix("/") || pattern.hasPrefix("./") { pattern = pattern.drop { $0 == "." || $0 == "/" } }
        guard !pattern.isEmpty else { return false }
        let bare = pattern.hasSuffix("/") ? pattern.dropLast() : pattern
        if path == bare { return !pattern.hasSuffix("/") || isFolder }
        if path.hasPrefix(pattern) { return true }
        return fnmatch(String(pattern), path, 0) == 0
    }

    private func isInside(_ path: String, folder: String) -> Bool {
        path.hasPrefix(folder + "/")
    }
}
