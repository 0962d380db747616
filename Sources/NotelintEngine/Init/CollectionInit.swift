import NotelintCore
import NotelintLoader
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `notelint init`: a configuration inferred from the collection a user already has. It recognises the site
/// generator, reads every note's front matter once, splits the notes into groups shaped alike, writes one schema
/// per group with the evidence for each choice, a tag vocabulary and a `.lint.yml` naming them; then lints the
/// collection with that configuration (in memory, through `LintPlan`) to show what it flags today.
public struct InitRequest: Sendable {
    /// The collection's folder.
    public var root = "."
    /// `--generator`: use this generator's conventions instead of the detected one's.
    public var generator: SiteGenerator?
    /// Where schemas and the vocabulary go, relative to the root.
    public var rulesFolder = "Rules"
    public var thresholds = InitThresholds()
    public var today: CalendarDate = .today()
    /// Worker threads; 0 means one per core.
    public var jobs = 0

    public init() {}
}

/// What `init` inferred: the generator, the survey of the notes, and the files to write.
public struct InitResult: Sendable {
    public struct File: Sendable, Hashable {
        /// Relative to the root.
        public var path: String
        public var bytes: [UInt8]
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    public struct GroupSummary: Sendable, Hashable {
        public var name: String
        public var files: [String]
        public var notes: Int
        public var schemaPath: String
    }

    public var root: String
    public var detection: SiteGeneratorDetection
    public var survey: CollectionSurvey
    public var groups: [GroupSummary]
    /// `.lint.yml` first, then the schemas and the vocabulary, sorted.
    public var files: [File]
    /// Notes left out by the configuration (a generator's `exclude:`, repository files without front matter).
    public var excluded: [String]

    /// Where a file of the result lies on disk.
    public func location(of file: File) -> String {
        root == "." ? file.path : PathText.normalize(root + "/" + file.path)
    }

    /// The files that already exist, which `write` refuses to replace unless forced.
    public func existingFiles() -> [String] {
        files.map(location).filter { access($0, F_OK) == 0 }
    }

    /// Writes every file (each replaced whole or not at all), creating the folders on the way. Refuses, before
    /// writing anything, when one exists and `force` is not set.
    public func write(force: Bool) throws {
        let existing = existingFiles()
        if !force, !existing.isEmpty {
            throw UsageError("not overwriting \(existing.map(PathText.shown).joined(separator: ", ")) (use --force, or --dry-run to see what would be written)")
        }
        for file in files {
            let path = location(of: file)
            try Self.makeFolders(PathText.directory(of: path))
            if case .failure(let failure) = AtomicFileWriter.save(path, file.bytes) {
                throw UsageError("\(PathText.shown(path)): cannot write: \(failure)")
            }
        }
    }

    /// The files as absolute paths, for a `LintPlan`'s configuration overlay.
    public var overlay: [String: [UInt8]] {
        var overlay: [String: [UInt8]] = [:]
        for file in files { overlay[PathText.absolute(location(of: file))] = file.bytes }
        return overlay
    }

    static func makeFolders(_ folder: String) throws {
        guard !folder.isEmpty, folder != ".", folder != "/" else { return }
        var info = stat()
        if stat(folder, &info) == 0 { return }
        try makeFolders(PathText.directory(of: folder))
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw UsageError("\(PathText.shown(folder)): cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }
}

public enum CollectionInit {
    /// Repository files that need no front matter: left out of the configuration when they have none.
    static let repositoryFileNames: Set<String> = [
        "readme", "contributing", "changelog", "license", "licence", "code_of_conduct", "security", "authors", "support",
        "governance", "maintainers", "history", "notice", "codeowners",
    ]

    /// A usage error unless `root` is a folder: `init` infers from a collection, not from one note.
    public static func checkRoot(_ root: String) throws {
        guard isFolder(root) else { throw UsageError("\(PathText.shown(root)) is not a folder; `init` takes the collection's folder") }
    }

    public static func infer(_ request: InitRequest) -> InitResult {
        let root = request.root
        let boundary = ReadBoundary.forNamedPaths([root])
        var detection = SiteGeneratorDetection.detect(root: root, boundary: boundary)
        if let chosen = request.generator, chosen != detection.generator {
            detection = SiteGeneratorDetection(
                generator: chosen, evidence: nil, settings: SiteGeneratorDetection.settings(of: chosen, root: root, boundary: boundary))
        }
        let conventions = detection.generator.conventions
        // Keep to the content folders the generator reads, when they exist.
        let contentFolders = detection.settings.contentFolders.filter { isFolder(root == "." ? $0 : root + "/" + $0) }.sorted()
        var include = contentFolders.flatMap { ["\($0)/**/*.md", "\($0)/**/*.markdown"] }
        var exclude = detection.settings.excluded.flatMap { entry -> [String] in
            let trimmed = entry.drop { $0 == "/" }
            return trimmed.isEmpty ? [] : [String(trimmed), "\(trimmed)/**"]
        }
        let surveyed = CollectionSurvey.survey(
            root: root, excluded: exclude.map(Glob.init), included: include.map(Glob.init), tagKeys: Set(conventions.tagKeys),
            jobs: request.jobs)
        var survey = surveyed
        // What the configuration leaves out, each kind with its reason: the generator's own exclusions, repository
        // files, fragment folders, and the few notes that have no YAML front matter today.
        var exclusions: [(reason: String, globs: [String])] = []
        if !exclude.isEmpty { exclusions.append(("what \(detection.evidence ?? "the generator") excludes", exclude)) }
        let repositoryFiles = Set(survey.withoutFrontMatter.filter {
            let stem = PathText.fileName(of: $0).split(separator: ".").first.map { $0.lowercased() } ?? ""
            return repositoryFileNames.contains(stem)
        }.map { "**/" + PathText.fileName(of: $0) }).sorted()
        if !repositoryFiles.isEmpty { exclusions.append(("repository files without front matter", repositoryFiles)) }
        let templates = templateGlobs(survey)
        if !templates.isEmpty { exclusions.append(("templates for new notes, not notes", templates)) }
        for fragment in fragmentFolders(survey) {
            exclusions.append((
                "\(fragment.name)/ holds fragments: \(Count.of(fragment.partial)) of \(Count.of(fragment.total)) notes there lack front matter or a key nine notes in ten have",
                ["**/\(fragment.name)/**"]))
        }
        var excludedGlobs = exclusions.flatMap(\.globs).map(Glob.init)
        var isExcluded = { (path: String) in excludedGlobs.contains { $0.matches(path) } }
        let unfenced = (survey.withoutFrontMatter + survey.emptyFrontMatter + survey.otherFormat).filter { !isExcluded($0) }.sorted()
        // Obsidian notes need no properties; elsewhere a few notes without YAML front matter are fragments or pages
        // of another kind, left out by name, while many mean front matter is optional in this collection.
        let frontMatterOptional = detection.generator == .obsidian || Double(unfenced.count) > 0.05 * Double(survey.walkedCount)
        if !frontMatterOptional, !unfenced.isEmpty {
            exclusions.append(("no YAML front matter when `notelint init` ran", unfenced))
            excludedGlobs += unfenced.map(Glob.init)
            isExcluded = { (path: String) in excludedGlobs.contains { $0.matches(path) } }
        }
        exclude = exclusions.flatMap(\.globs)
        let excludedNotes = (survey.withoutFrontMatter + survey.emptyFrontMatter + survey.otherFormat + survey.notes.map(\.path))
            .filter(isExcluded)
        survey.withoutFrontMatter.removeAll(where: isExcluded)
        survey.emptyFrontMatter.removeAll(where: isExcluded)
        survey.otherFormat.removeAll(where: isExcluded)
        survey.notes.removeAll { isExcluded($0.path) }

        var files: [InitResult.File] = []
        var groupSummaries: [InitResult.GroupSummary] = []
        var schemas: [InferredSchema] = []
        var schemaNames = Set<String>()
        let grouping = NoteGrouping(
            minimumNotes: request.thresholds.groupNotes, minimumShare: request.thresholds.groupShare, requiredShare: request.thresholds.required)
        let groups = survey.notes.isEmpty ? [] : grouping.groups(survey.notes, contentFolders: contentFolders, today: request.today)
        // Tags: the generator's tag key the notes use most, its spelling style and its vocabulary.
        let tagKey = chooseTagKey(survey.notes, candidates: conventions.tagKeys)
        let inference = SchemaInference(thresholds: request.thresholds, propertyTypes: detection.settings.propertyTypes, tagKey: tagKey,
            dateKeys: Set(conventions.dateKeys), keyTypes: conventions.keyTypes)
        for group in groups where !group.notes.isEmpty {
            let statistics = GroupStatistics(group.notes, today: request.today)
            var schema = inference.infer(name: group.name, files: group.files, statistics: statistics)
            schema.discriminator = DiscriminatingKey.find(group.notes, statistics: statistics, thresholds: request.thresholds)
            var fileName = fileStem(group.name)
            while !schemaNames.insert(fileName).inserted { fileName += "-2" }
            let path = request.rulesFolder + "/" + fileName + ".schema.yml"
            files.append(InitResult.File(path: path, bytes: Array(InitFileWriter.schema(schema).utf8)))
            groupSummaries.append(InitResult.GroupSummary(name: group.name, files: group.files, notes: group.notes.count, schemaPath: path))
            schemas.append(schema)
        }

        var tagUses: [String: Int] = [:]
        if let tagKey {
            for note in survey.notes {
                guard let value = note.keys.first(where: { $0.name == tagKey })?.value else { continue }
                let tags = (value.items ?? [value]).compactMap { $0.kind == .string ? $0.text : nil }.filter { !$0.isEmpty }
                for tag in Set(tags) { tagUses[tag, default: 0] += 1 }
            }
        }
        let vocabulary = tagUses.filter { $0.value >= 2 && !$0.key.hasPrefix("#") && !$0.key.contains("\n") }.keys.sorted()
        let vocabularyPath = request.rulesFolder + "/tags.txt"
        if !vocabulary.isEmpty {
            files.append(InitResult.File(path: vocabularyPath, bytes: Array(InitFileWriter.vocabulary(vocabulary, minimumNotes: 2).utf8)))
        }

        var config = ConfigurationText()
        config.header(survey: survey, detection: detection)
        config.line("generator: \(detection.generator.rawValue)")
        if !include.isEmpty {
            include.sort()
            config.line("# \(detection.generator.displayName) reads its content from \(contentFolders.joined(separator: ", "))")
            config.line("include: " + InitFileWriter.list(include))
        }
        if !exclusions.isEmpty {
            config.line("exclude:")
            for exclusion in exclusions {
                config.line("  # \(exclusion.reason)")
                for glob in exclusion.globs { config.line("  - \(InitFileWriter.quoted(glob))") }
            }
        }
        config.line("schemas:")
        for (summary, schema) in zip(groupSummaries, schemas) {
            let what = schema.files != ["**"] ? "\(Count.of(summary.notes)) notes"
                : schemas.count == 1 ? "all \(Count.of(summary.notes)) notes" : "every other note: \(Count.of(summary.notes))"
            config.line("  - files: \(InitFileWriter.list(summary.files))   # \(what)")
            config.line("    schema: \(InitFileWriter.scalar(summary.schemaPath))")
        }
        if schemas.isEmpty { config.lines.removeLast() }
        config.line("rules:")
        let ruleStart = config.lines.count
        config.dateRule(schemas, survey: survey, today: request.today, thresholds: request.thresholds)
        config.urlRule(schemas, survey: survey)
        if let tagKey {
            let style = TagStyle.detect(tagUses, share: request.thresholds.format)
            if let (style, following) = style {
                config.line("  tag-format:")
                config.line("    # \(Count.of(following)) of \(Count.of(tagUses.count)) distinct tags are \(style.name)")
                config.line("    key: \(InitFileWriter.scalar(tagKey))")
                if !style.pattern.isEmpty { config.line("    pattern: \(InitFileWriter.quoted(style.pattern))") }
            } else {
                config.line("  tag-format: off   # no one spelling of tags is followed by \(Int(request.thresholds.format * 100)) % of them")
            }
            config.line("  duplicate-tag:")
            config.line("    key: \(InitFileWriter.scalar(tagKey))")
            config.line("  tag-spelling:")
            config.line("    key: \(InitFileWriter.scalar(tagKey))")
            if !vocabulary.isEmpty {
                config.line("    # \(Count.of(vocabulary.count)) of \(Count.of(tagUses.count)) distinct tags are used by at least two notes")
                config.line("    vocabulary-files: [\(InitFileWriter.scalar(vocabularyPath))]")
            }
        }
        if frontMatterOptional, !unfenced.isEmpty {
            let reason = detection.generator == .obsidian ? "Obsidian notes need no properties"
                : "\(Count.of(unfenced.count)) of \(Count.of(survey.walkedCount)) notes have no YAML front matter"
            config.line("  front-matter-missing: off   # \(reason)")
        }
        if survey.otherFormat.count * 2 > survey.walkedCount {
            config.line("  # \(Count.of(survey.otherFormat.count)) of \(Count.of(survey.walkedCount)) notes keep their front matter in another format (TOML, JSON)")
            config.line("  front-matter-format: off")
        }
        if config.lines.count == ruleStart { config.lines.removeLast() }
        files.insert(InitResult.File(path: ConfigurationResolver.fileName, bytes: Array(config.text.utf8)), at: 0)
        return InitResult(
            root: root, detection: detection, survey: survey, groups: groupSummaries, files: files, excluded: excludedNotes.sorted())
    }

    /// Templates for new notes (Dendron `*.template.md`, a `templates/` folder, Hugo `archetypes/`): their keys are
    /// left empty on purpose.
    static func templateGlobs(_ survey: CollectionSurvey) -> [String] {
        let paths = survey.notes.map(\.path) + survey.withoutFrontMatter + survey.emptyFrontMatter
        var globs = Set<String>()
        for path in paths {
            let segments = path.split(separator: "/")
            for folder in segments.dropLast() {
                let lowered = folder.lowercased()
                if ["templates", "_templates", "template", "archetypes"].contains(lowered) { globs.insert("**/\(folder)/**") }
            }
            let name = segments.last.map(String.init) ?? ""
            for suffix in [".template.md", ".template.markdown"] where name.lowercased().hasSuffix(suffix) {
                globs.insert("**/*" + name.suffix(suffix.count))
            }
        }
        return globs.sorted()
    }

    /// Folders of fragments a generator includes into pages (`_includes/`, `_partials/`): named with a leading
    /// underscore, and at least half of the notes under folders of that name have no front matter or lack a key
    /// that nine notes in ten have. Their notes are left out, so that no schema asks a fragment for a title.
    static func fragmentFolders(_ survey: CollectionSurvey) -> [(name: String, partial: Int, total: Int)] {
        var presence: [String: Int] = [:]
        for note in survey.notes { for key in note.keys { presence[key.name, default: 0] += 1 } }
        let common = presence.filter { Double($0.value) >= 0.9 * Double(survey.notes.count) }.keys
        var tally: [String: (partial: Int, total: Int)] = [:]
        func count(_ path: String, partial: Bool) {
            for segment in Set(path.split(separator: "/").dropLast()) where segment.hasPrefix("_") && segment.count > 1 {
                var entry = tally[String(segment), default: (0, 0)]
                entry.total += 1
                if partial { entry.partial += 1 }
                tally[String(segment)] = entry
            }
        }
        for path in survey.withoutFrontMatter + survey.emptyFrontMatter { count(path, partial: true) }
        for note in survey.notes {
            let keys = Set(note.keys.map(\.name))
            count(note.path, partial: common.contains { !keys.contains($0) })
        }
        return tally.filter { $0.value.total >= 2 && $0.value.partial * 2 >= $0.value.total }
            .map { (name: $0.key, partial: $0.value.partial, total: $0.value.total) }
            .sorted { $0.name < $1.name }
    }

    /// The key of the generator's tag keys that most notes use as a list of strings (or a string).
    static func chooseTagKey(_ notes: [SurveyedNote], candidates: [String]) -> String? {
        var counts: [String: Int] = [:]
        for note in notes {
            for key in note.keys where candidates.contains(key.name) {
                if key.value.kind == .array && (key.value.items ?? []).allSatisfy({ $0.kind == .string }) || key.value.kind == .string {
                    counts[key.name, default: 0] += 1
                }
            }
        }
        return candidates.filter { counts[$0] != nil }.max { (counts[$0]!, $1) < (counts[$1]!, $0) }
    }

    static func fileStem(_ name: String) -> String {
        var stem = ""
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                stem.append(character)
            } else if !stem.isEmpty, stem.last != "-" {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        return stem.isEmpty ? "group" : stem
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

/// The `.lint.yml` being written, line by line.
struct ConfigurationText {
    var lines: [String] = []

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func line(_ text: String) { lines.append(text) }

    mutating func header(survey: CollectionSurvey, detection: SiteGeneratorDetection) {
        let found = detection.generator == .none
            ? "no site generator or note app recognised"
            : detection.generator.displayName + (detection.evidence.map { ", recognised by \($0)" } ?? ", as named with --generator")
        line("# Written by `notelint init` from the front matter of \(Count.of(survey.noteCount)) notes (\(found)).")
        line("# Each choice carries its evidence in a comment; edit freely. The schemas are JSON Schema in YAML.")
    }

    /// `date-format` for every key that holds dates in some group, in any form the generator writes.
    mutating func dateRule(_ schemas: [InferredSchema], survey: CollectionSurvey, today: CalendarDate, thresholds: InitThresholds) {
        let keys = Set(schemas.flatMap { $0.properties.filter(\.isDate).map(\.name) }).sorted()
        var dates = 0
        var future = 0
        for note in survey.notes {
            for key in note.keys where keys.contains(key.name) {
                guard key.value.kind == .string, let date = key.value.date else { continue }
                dates += 1
                if date > today { future += 1 }
            }
        }
        line("  date-format:")
        line("    # keys whose values are dates (with a time and an offset or not) in at least \(Int(thresholds.format * 100)) % of notes")
        line("    keys: \(InitFileWriter.list(keys))")
        if dates > 0, Double(future) >= thresholds.futureDates * Double(dates) {
            line("    allow-future: true   # \(Count.of(future)) of \(Count.of(dates)) dates lie after \(today)")
        }
    }

    /// `url-format` for keys that hold URLs, with the schemes the notes use.
    mutating func urlRule(_ schemas: [InferredSchema], survey: CollectionSurvey) {
        let keys = Set(schemas.flatMap { $0.properties.filter(\.isURL).map(\.name) }).sorted()
        var schemes: [String: Int] = [:]
        for note in survey.notes {
            for key in note.keys where keys.contains(key.name) {
                if key.value.kind == .string, let scheme = key.value.urlScheme { schemes[scheme, default: 0] += 1 }
            }
        }
        line("  url-format:")
        line("    keys: \(InitFileWriter.list(keys))")
        if !keys.isEmpty {
            let used = schemes.filter { $0.value >= 2 }.keys.sorted()
            line("    # schemes used by at least two values: " + schemes.sorted { $0.key < $1.key }.map { "\($0.key) \(Count.of($0.value))" }.joined(separator: ", "))
            line("    schemes: \(InitFileWriter.list(used.isEmpty ? ["https"] : used))")
            line("    warn-schemes: []")
        }
    }
}
