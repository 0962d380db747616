import NotelintCore
import NotelintLoader
import NotelintSchema

/// What the note's schema and collection offer for completion and hover, from the configuration governing the
/// document's path.
extension Session {
    func schemaHints(for document: OpenDocument) -> [SchemaPropertyHint] {
        guard let configuration = configuration(for: document.path) else { return [] }
        let relative = PathText.relative(document.path, to: configuration.absoluteDirectory)
        return configuration.schema(forRelativePath: relative)?.schema.propertyHints ?? []
    }

    /// The key whose lists hold the collection's tags.
    func corpusKey(for document: OpenDocument) -> String {
        configuration(for: document.path)?.corpusKey ?? "tags"
    }

    /// The collection's tags, most used first: every note under the configuration's folder (the same collection
    /// the checks weigh a note against), read once and kept until a note is saved or a watched file changes.
    func rankedTags(for document: OpenDocument) -> [(tag: String, uses: Int)] {
        guard let configuration = configuration(for: document.path) else { return [] }
        let folder = configuration.absoluteDirectory
        if let known = tagUses[folder] { return known }
        // The checks gathered the collection's tags already when a collection rule needs them.
        if configuration.needsCorpus, configuration.isFromFile, document.isChecked, let corpus = collectionMemo.corpus {
            let ranked = Self.ranked(corpus.uses)
            tagUses[folder] = ranked
            return ranked
        }
        let boundary = ReadBoundary(rootPaths: [folder])
        let loader = NoteLoader(boundary: boundary)
        var counter = TagCounter()
        for path in NoteFinder.find(paths: [folder], boundary: boundary)
        where configuration.includes(relativePath: PathText.relative(path, to: folder)) {
            counter.add(TagCorpus.tags(of: loader.load(path: path), key: configuration.corpusKey))
        }
        let ranked = Self.ranked(counter.uses)
        tagUses[folder] = ranked
        return ranked
    }

    /// The collection's notes, as `[[wikilinks]]` name them: file name without its extension, with the note's path
    /// relative to the configuration's folder. Read once, kept like the tags.
    func noteNames(for document: OpenDocument) -> [(name: String, path: String)] {
        guard let configuration = configuration(for: document.path) else { return [] }
        let folder = configuration.absoluteDirectory
        if let known = noteNamesByFolder[folder] { return known }
        let boundary = ReadBoundary(rootPaths: [folder])
        var names: [(name: String, path: String)] = []
        for path in NoteFinder.find(paths: [folder], boundary: boundary) {
            let relative = PathText.relative(path, to: folder)
            guard configuration.includes(relativePath: relative) else { continue }
            var name = Substring(relative.split(separator: "/").last ?? Substring(relative))
            if let dot = name.lastIndex(of: ".") { name = name[..<dot] }
            names.append((String(name), relative))
        }
        names.sort { ($0.name, $0.path) < ($1.name, $1.path) }
        noteNamesByFolder[folder] = names
        return names
    }

    /// Most used first; ties in name order.
    static func ranked(_ uses: [String: Int]) -> [(tag: String, uses: Int)] {
        uses.map { (tag: $0.key, uses: $0.value) }.sorted { ($0.uses, $1.tag) > ($1.uses, $0.tag) }
    }
}

extension SchemaPropertyHint {
    /// The hint as Markdown: type, title, description, allowed values.
    var markdown: String {
        var parts = ["**\(name)**" + (types.isEmpty ? "" : ": `\(types.joined(separator: " | "))`") + (isRequired ? " (required)" : "")]
        if let title { parts.append(title) }
        if let description { parts.append(description) }
        if !allowedValues.isEmpty { parts.append("Allowed values: " + allowedValues.map { "`\($0)`" }.joined(separator: ", ")) }
        return parts.joined(separator: "\n\n")
    }
}
