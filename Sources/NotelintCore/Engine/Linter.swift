import Dispatch
import NotelintSchema
import NotelintText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NotelintLoader

/// What to lint and how.
public struct LintRequest: Sendable {
    public var paths: [String]
    /// `--config`: one configuration for every note instead of the nearest `.lint.yml`.
    public var configPath: String?
    public var today: CalendarDate
    /// Worker threads; 0 means one per core.
    public var jobs: Int
    /// Apply fixes at least this sure (`--fix`: safe; `--unsafe-fixes`: unsafe); nil lints only.
    public var fixes: Applicability?
    /// Write fixed notes back (false for `--diff`).
    public var writeFixes: Bool
    /// Content to lint instead of reading the file at that path: standard input, a file's staged version.
    public var contents: [String: [UInt8]]
    /// Report fixed notes' texts (`FileFix.original`, `.fixed`) after writing them; off, a run fixing thousands
    /// of notes does not keep them all in memory.
    public var keepsFixedTexts = true
    /// Where results of unchanged notes are kept between runs; nil: no cache.
    public var cache: ResultCache?
    /// Kept by a long-lived front end between runs over an unchanged collection (see `CollectionMemo`).
    public var collectionMemo: CollectionMemo?
    /// Gather cross-note evidence (tags in use) from every note under the configuration's folder,
    /// not only from the notes linted.
    public var gatherEvidence: Bool
    /// The folders notes may be read from and written to, links resolved; nil: the paths named (a folder is
    /// its own root, a file belongs to its repository). `--staged` and `--changed-since` give the repository.
    public var roots: [String]?
    /// `--follow-symlinks`: read and fix through any link, wherever it leads (never the kernel's files).
    public var followsSymlinks = false
    /// `--allow-outside-config-paths`: a configuration may name schemas and lists outside its repository.
    public var allowsOutsideConfigPaths = false
    /// Paths that git records as symbolic links leading outside the repository (`--staged`): reported, never read.
    public var outsideLinks: Set<String> = []
    /// Which ignore files the walks obey (`--no-ignore`, `--force-exclude`); the evidence walk obeys them too.
    public var ignoring = NoteFinder.IgnoreOptions.standard
    /// `--list-files`: select the notes and stop; the report lists them (`selectedFiles`, `unselected`).
    public var listsFilesOnly = false
    /// The process ends soon after the run (a command line's): the run's tables — every note's cached result,
    /// first pass and facts, the collection's index — are left to the process's end instead of being freed one
    /// object at a time, which cost a tenth of a commit hook's run.
    public var leavesTablesToProcessEnd = false
    /// Configuration files held in memory by absolute path, used as if written (see `ConfigurationResolver`).
    public var configurationOverlay: [String: [UInt8]] = [:]

    public init(
        paths: [String], configPath: String? = nil, today: CalendarDate = .today(), jobs: Int = 0,
        fixes: Applicability? = nil, writeFixes: Bool = true, contents: [String: [UInt8]] = [:], gatherEvidence: Bool = true,
        cache: ResultCache? = nil
    ) {
        self.cache = cache
        self.contents = contents
        self.gatherEvidence = gatherEvidence
        self.paths = paths
        self.configPath = configPath
        self.today = today
        self.jobs = jobs
        self.fixes = fixes
        self.writeFixes = writeFixes
    }
}

public struct LintReport: Sendable {
    /// Sorted by path, then position.
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int
    /// Notes that fixing changed (or would change, with `--diff`).
    public var fixedFiles: [FileFix] = []
    /// Notes whose results came from the cache, unread.
    public var filesReusedFromCache = 0
    /// Entries named like notes that a walk met and passed over (FIFOs, devices, links that lead nowhere).
    public var skipped: [NoteFinder.Skipped] = []
    /// With `listsFilesOnly`: the notes a run would check, in order, and what it passed over and why.
    public var selectedFiles: [String] = []
    public var unselected: [Unselected] = []

    public struct Unselected: Sendable, Hashable {
        public var path: String
        public var isFolder = false
        public var reason: String
    }

    public init(diagnostics: [Diagnostic], filesChecked: Int) {
        self.diagnostics = diagnostics
        self.filesChecked = filesChecked
    }

    public func count(_ severity: Severity) -> Int { diagnostics.lazy.filter { $0.severity == severity }.count }
    public var filesWithFindings: Int { Set(diagnostics.map(\.path)).count }
}

/// Runs the rules over notes: finds the files, loads each note once, checks it with its configuration's rules.
public final class Linter: Sendable {
    public let registry: [any Rule.Type]
    public let loader: NoteLoader

    public init(registry: [any Rule.Type] = RuleRegistry.all, loader: NoteLoader = NoteLoader()) {
        self.registry = registry
        self.loader = loader
    }

    /// Checks (and fixes) the notes a request names, in stages: select the notes and their configurations, a
    /// first pass per note (or its cached result), the collection's evidence, a second pass for the notes the
    /// collection's rules may report on and the notes to fix, then the report.
    public func lint(_ request: LintRequest) throws -> LintReport {
        let selection = try select(request)
        if request.listsFilesOnly {
            var report = LintReport(diagnostics: [], filesChecked: 0)
            report.selectedFiles = selection.jobs.map(\.path)
            report.unselected = selection.unselected
            return report
        }
        let fingerprints = configurationFingerprints(of: selection.configurations, request)
        // The other notes of the collections, listed once for the run's record and the evidence alike.
        var others: [OtherNote]?
        var unchangedRun: (key: UInt64, check: RunCheck)?
        if let cache = request.cache, Self.mayKeepRecord(of: request, selection) {
            let listed = otherNotes(around: selection, request)
            others = listed
            let key = runKey(request, selection, fingerprints: fingerprints)
            let check = RunCheck(jobs: selection.jobs, others: listed, readAt: cache.clock(), workers: request.jobs)
            if let record = cache.runRecord(key: key), record.holds(pathsHash: check.pathsHash, stamps: check.stamps) {
                var report = report(of: selection, diagnostics: record.diagnostics)
                report.filesReusedFromCache = selection.jobs.count
                if request.leavesTablesToProcessEnd { LeftToProcessEnd.keep((selection, listed, check)) }
                return report
            }
            unchangedRun = (key, check)
        }
        let tables = cacheTables(for: selection.jobs, request, fingerprints: fingerprints)
        let spellCheckers = request.cache.map { Self.keepDictionaryAnswers(of: selection.configurations, in: $0) } ?? []
        // A buffer's run (an editor's) reads the answers but writes nothing, like its results.
        defer { if request.contents.isEmpty { for checker in spellCheckers { checker.save() } } }
        // The stamps the run's check took serve the cache's checks too: each note is stat'ed once a run.
        let stamps = unchangedRun?.check.stamps
        let feed = DigestFeed(jobs: selection.jobs)
        let outcomes = firstPass(
            selection, request, tables: tables, stamps: stamps?[..<selection.jobs.count], tags: TagTable(), feed: feed)
        if let cache = request.cache {
            Self.save(outcomes, of: selection.jobs, tables: tables, in: cache, digests: feed.digests(ofJob:into:))
        }
        var perNote: [NoteResult]
        do {
            // The collection's evidence lives only as long as the passes need it: its indexes are gone before the
            // report is made (a run's largest moment). The tag corpus is left to the process's end with the rest.
            let evidence = collectionEvidence(
                outcomes, selection, request, feed: feed, tables: tables, others: others, stamps: stamps?[selection.jobs.count...])
            perNote = secondPass(selection, outcomes, evidence: evidence, request)
            if request.fixes != nil, !evidence.indexes.isEmpty, perNote.contains(where: { $0.fix?.changed == true }) {
                perNote = settle(perNote.map { ($0.diagnostics, $0.fix) }, selection, evidence, request).map { NoteResult($0.0, $0.1) }
            }
            if request.leavesTablesToProcessEnd { LeftToProcessEnd.keep(evidence.corpus) }
        }
        var diagnostics = perNote.flatMap(\.diagnostics)
        diagnostics.sort(by: Diagnostic.reportOrder)
        var report = report(of: selection, diagnostics: diagnostics)
        report.fixedFiles = perNote.compactMap(\.fix)
        report.filesReusedFromCache = outcomes.lazy.filter(\.reused).count
        // Only a run whose every note was read (or reused) whole is kept: a note that could not be read may be
        // readable next time without a stamp to say so.
        if let cache = request.cache, let unchangedRun, outcomes.allSatisfy({ $0.reused || $0.entry != nil }) {
            let check = unchangedRun.check
            let record = RunRecord(
                pathsHash: check.pathsHash, stamps: check.stamps, readAt: check.readAt, filesChecked: selection.jobs.count,
                diagnostics: diagnostics)
            cache.save(record, key: unchangedRun.key)
        }
        if request.leavesTablesToProcessEnd { LeftToProcessEnd.keep((selection, tables, outcomes, perNote)) }
        return report
    }

    private func report(of selection: Selection, diagnostics: [Diagnostic]) -> LintReport {
        var report = LintReport(diagnostics: diagnostics, filesChecked: selection.jobs.count)
        // Links outside named like notes are findings; links to folders outside are only named, like FIFOs.
        report.skipped = selection.skipped.filter {
            $0.kind == .notANote || $0.kind == .outsideBoundary && selection.notOpened[$0.path] == nil
        }
        return report
    }

    /// A run may be answered by (and kept as) a record when its findings rest only on files it can stat: no fixes
    /// to write, no text held in memory, every note opened, no editor's kept collection.
    private static func mayKeepRecord(of request: LintRequest, _ selection: Selection) -> Bool {
        request.fixes == nil && request.contents.isEmpty && request.outsideLinks.isEmpty && selection.notOpened.isEmpty
            && request.collectionMemo == nil && !selection.jobs.isEmpty
    }

    /// The notes a run's record rests on and their stamps, taken before any note is read: a note saved again
    /// while the run reads it then fails to match next time, rather than matching findings of its old text.
    struct RunCheck {
        let pathsHash: UInt64
        let stamps: [ResultCache.Stamp?]
        let readAt: Int

        init(jobs: [Job], others: [OtherNote], readAt: Int, workers: Int) {
            // The paths as the run names them: the current folder they are relative to is part of the key.
            var paths: [String] = []
            paths.reserveCapacity(jobs.count + others.count)
            for job in jobs { paths.append(job.path) }
            for other in others { paths.append(other.path) }
            pathsHash = RunRecord.pathsHash(paths, checked: jobs.count)
            stamps = RunRecord.stamps(of: paths, workers: workers)
            self.readAt = readAt
        }
    }

    /// Everything a run's findings depend on besides its notes' texts.
    private func runKey(_ request: LintRequest, _ selection: Selection, fingerprints: [ObjectIdentifier: UInt64]) -> UInt64 {
        var key = RunRecord.Key()
        key.add(PathText.currentDirectory())
        for path in request.paths { key.add(path) }
        key.add(request.configPath ?? "-")
        for root in request.roots ?? ["-"] { key.add(root) }
        key.add("\(request.followsSymlinks) \(request.allowsOutsideConfigPaths) \(request.gatherEvidence)")
        key.add("\(request.ignoring.honoursIgnoreFiles) \(request.ignoring.appliesToNamedPaths)")
        key.add("\(request.today.year)-\(request.today.month)-\(request.today.day)")
        for configuration in selection.configurations {
            // The fingerprint covers the configuration, the files it names and the Hunspell dictionary's identity.
            key.add(fingerprints[ObjectIdentifier(configuration)] ?? 0)
        }
        return key.value
    }

    /// Each configuration's fingerprint, worked out once a run (it reads the configuration's file).
    private func configurationFingerprints(of configurations: [EffectiveConfiguration], _ request: LintRequest) -> [ObjectIdentifier: UInt64] {
        var fingerprints: [ObjectIdentifier: UInt64] = [:]
        guard request.cache != nil else { return fingerprints }
        for configuration in configurations {
            fingerprints[ObjectIdentifier(configuration)] = configuration.fingerprint(today: request.today)
        }
        return fingerprints
    }

    /// The notes of a run, each with its configuration, and what the walk met without opening.
    struct Selection {
        let jobs: [Job]
        /// Where notes may be read and written.
        let boundary: ReadBoundary
        /// Paths reported where a note would be, never opened: unlistable folders, links leading outside.
        let notOpened: [String: LoadProblem]
        let skipped: [NoteFinder.Skipped]
        /// What the walk and the configurations left out, and why (reported by `--list-files`).
        let unselected: [LintReport.Unselected]
        /// The jobs' configurations, each once, in the order the jobs first use them.
        let configurations: [EffectiveConfiguration]
    }

    /// Walks the paths and resolves each note's configuration, up front and on one thread: the parallel stages
    /// only read them.
    private func select(_ request: LintRequest) throws -> Selection {
        let resolver = request.collectionMemo?.resolver ?? ConfigurationResolver(
            registry: registry, explicitPath: request.configPath.map { PathText.absolute($0) },
            allowsOutsideReferences: request.allowsOutsideConfigPaths, followsSymlinks: request.followsSymlinks,
            overlay: request.configurationOverlay)
        let onDisk = request.paths.filter { request.contents[$0] == nil && !request.outsideLinks.contains($0) }
        let boundary = request.followsSymlinks ? .unbounded : request.roots.map(ReadBoundary.init(rootPaths:)) ?? .forNamedPaths(onDisk)
        let walk = NoteFinder.walk(paths: onDisk, boundary: boundary, ignoring: request.ignoring)
        var notOpened = Self.notOpened(walk)
        for link in request.outsideLinks { notOpened[link] = Self.outsideLinkProblem }
        let files = walk.notes + request.paths.filter { request.contents[$0] != nil } + notOpened.keys.sorted()
        var jobs: [Job] = []
        jobs.reserveCapacity(files.count)
        var excluded: [LintReport.Unselected] = []
        let currentDirectory = PathText.currentDirectory()
        var settings: [Job.Setting] = []
        let explicitPaths = Set(request.paths)
        // The walk lists a folder's notes together: their folder's configuration and place relative to it are
        // worked out once, from the folder as the walk names it.
        var folder: (path: String, configuration: EffectiveConfiguration, relative: String)?
        var configurations: [EffectiveConfiguration] = []
        for path in files {
            let configuration: EffectiveConfiguration
            let relative: String
            let name = PathText.fileName(of: path)
            let isPlainName = !name.isEmpty && name != "." && name != ".."
            if isPlainName, let folder, PathText.isDirectParent(folder.path, of: path) {
                configuration = folder.configuration
                relative = folder.relative.isEmpty ? name : folder.relative + "/" + name
            } else {
                let absolute = PathText.absolute(path, in: currentDirectory)
                let directory = PathText.directory(of: absolute)
                configuration = try resolver.configuration(forDirectory: directory)
                relative = PathText.relative(absolute, to: configuration.absoluteDirectory)
                if isPlainName {
                    let base = directory == configuration.absoluteDirectory ? "" : PathText.relative(directory, to: configuration.absoluteDirectory)
                    folder = (PathText.directory(of: path), configuration, base)
                }
            }
            // A folder that could not be listed is reported where a note in it would be linted.
            let isExplicit = (request.paths.count < 8 ? request.paths.contains(path) : explicitPaths.contains(path))
                || notOpened[path]?.kind == .unreadable && configuration.includes(relativePath: relative + "/a.md")
            if !isExplicit && !configuration.includes(relativePath: relative) {
                if request.listsFilesOnly {
                    let source = configuration.isFromFile ? PathText.shown(configuration.configuration.path) : "the default configuration"
                    let pageExclusion = configuration.matchesGlobs(relativePath: relative)
                        ? configuration.siteContent?.exclusion(ofRelativePath: relative) : nil
                    let reason = pageExclusion.map { "\($0), as `generator:` in \(source) says" } ?? "not in the include/exclude of \(source)"
                    excluded.append(.init(path: path, reason: reason))
                }
                continue
            }
            if configurations.last !== configuration && !configurations.contains(where: { $0 === configuration }) {
                configurations.append(configuration)
            }
            if settings.last?.configuration !== configuration {
                if let index = settings.firstIndex(where: { $0.configuration === configuration }) {
                    settings.append(settings.remove(at: index))
                } else {
                    settings.append(Job.Setting(configuration, currentDirectory: currentDirectory))
                }
            }
            jobs.append(Job(path: path, setting: settings[settings.count - 1]))
        }
        let unselected = walk.ignored.map {
            LintReport.Unselected(path: $0.path, isFolder: $0.isDirectory, reason: "ignored by " + $0.reason)
        } + excluded
        request.collectionMemo?.keep(resolver)
        return Selection(
            jobs: jobs, boundary: boundary, notOpened: notOpened, skipped: walk.skipped, unselected: unselected,
            configurations: configurations)
    }

    /// Each configuration's cached results, read once before the parallel pass and only read during it.
    private func cacheTables(
        for jobs: [Job], _ request: LintRequest, fingerprints: [ObjectIdentifier: UInt64]
    ) -> [ObjectIdentifier: ResultCache.Table] {
        var tables: [ObjectIdentifier: ResultCache.Table] = [:]
        guard let cache = request.cache else { return tables }
        for (id, fingerprint) in fingerprints { tables[id] = cache.table(for: fingerprint) }
        return tables
    }

    /// A note's first pass, and the cache entry it comes from or makes.
    struct FirstPassOutcome {
        var pass: FirstPass
        /// The entry and whether it was reused, in one reference's room: 100,000 outcomes live through the run.
        private let kept: Kept

        private enum Kept {
            case none
            case made(ResultCache.Entry)
            case reused(ResultCache.Entry)
        }

        /// `reused`: the note's cached result stands, unread.
        init(_ pass: FirstPass, entry: ResultCache.Entry?, reused: Bool = false) {
            self.pass = pass
            kept = entry.map { reused ? .reused($0) : .made($0) } ?? .none
        }

        /// The note's entry to keep in the cache; nil when it is not to be kept.
        var entry: ResultCache.Entry? {
            switch kept {
            case .none: nil
            case .made(let entry), .reused(let entry): entry
            }
        }

        var reused: Bool {
            if case .reused = kept { return true }
            return false
        }
    }

    /// Every note loaded once (or its cached result reused) and checked by the rules that need no collection; only
    /// its findings and tags are kept, so memory does not grow with the notes' text.
    /// `stamps`: the jobs' stamps when the run already took them, else each is taken before its note is read.
    /// `tags`: numbers the tags of the notes read, once for the run. `feed` takes each note's digests as it is done.
    private func firstPass(
        _ selection: Selection, _ request: LintRequest, tables: [ObjectIdentifier: ResultCache.Table],
        stamps: ArraySlice<ResultCache.Stamp?>?, tags: TagTable, feed: DigestFeed
    ) -> [FirstPassOutcome] {
        let readAt = request.cache?.clock() ?? 0
        return Parallel.map(Array(selection.jobs.indices), workers: request.jobs) { index -> FirstPassOutcome in
            var (outcome, fed) = self.firstPass(index, selection, request, tables: tables, stamps: stamps, tags: tags, readAt: readAt, feed: feed)
            // A note loaded now was fed while it was; a cached result is fed here.
            if !fed { feed.feed(job: index, digests: outcome.pass.facts, uniqueKinds: selection.jobs[index].configuration.uniqueFactKinds) }
            outcome.pass.facts = []
            return outcome
        }
    }

    private func firstPass(
        _ index: Int, _ selection: Selection, _ request: LintRequest, tables: [ObjectIdentifier: ResultCache.Table],
        stamps: ArraySlice<ResultCache.Stamp?>?, tags: TagTable, readAt: Int, feed: DigestFeed
    ) -> (outcome: FirstPassOutcome, fed: Bool) {
        let job = selection.jobs[index]
        // A note is fed while it is loaded: one sharing a unique value (a title) with a note fed before will be named
        // by that note's finding, and its facts are kept whole now rather than read again for that finding.
        func firstPass(_ note: Note) -> FirstPass {
            // Worked out once: a relative path is a string made from two others.
            let relativePath = job.relativePath
            let pass = self.firstPass(note, job.configuration, relativePath, today: request.today, tags: tags)
            if feed.feed(job: index, digests: pass.facts, uniqueKinds: job.configuration.uniqueFactKinds) {
                feed.keep(collectionFacts(of: note, job.configuration, relativePath, today: request.today), job: index)
            }
            return pass
        }
        guard let table = tables[ObjectIdentifier(job.configuration)], request.contents[job.path] == nil,
            selection.notOpened[job.path] == nil
        else {
            return (FirstPassOutcome(firstPass(self.load(job, request, selection)), entry: nil), true)
        }
        let cached = table.entries[job.absolutePath]
        let stamp = stamps.map { $0[$0.startIndex + index] } ?? ResultCache.Stamp.of(job.path)
        if let cached, cached.isCurrent(stamp) { return (FirstPassOutcome(cached.pass.at(job.path), entry: cached, reused: true), false) }
        let note = self.load(job, request, selection)
        let contentHash = ContentHash.of(note.source.bytes)
        if let cached, let stamp, cached.contentHash == contentHash, note.outcome != .error {
            return (FirstPassOutcome(
                cached.pass.at(job.path),
                entry: ResultCache.Entry(stamp: stamp, contentHash: contentHash, readAt: readAt, pass: cached.pass)), false)
        }
        let pass = firstPass(note)
        // A note that could not be read is not kept: permissions can change without its time changing.
        guard let stamp, note.outcome != .error else { return (FirstPassOutcome(pass, entry: nil), true) }
        // The entry's digests are the feed's, written from there (`digestsOfJob`).
        let entry = ResultCache.Entry(stamp: stamp, contentHash: contentHash, readAt: readAt, pass: pass.withoutFacts(), digestsOfJob: index)
        return (FirstPassOutcome(pass, entry: entry), true)
    }

    /// The tags of the notes checked, and of every other note of their collections. The collection is the folder
    /// of the `.lint.yml` found for a note; an explicit `--config` may live anywhere, so then only the notes
    /// checked count.
    private func collectionEvidence(
        _ outcomes: [FirstPassOutcome], _ selection: Selection, _ request: LintRequest, feed: DigestFeed,
        tables: [ObjectIdentifier: ResultCache.Table], others listed: [OtherNote]?, stamps: ArraySlice<ResultCache.Stamp?>?
    ) -> Evidence {
        var counter = TagCounter()
        for outcome in outcomes { counter.add(outcome.pass.tags) }
        var others: [ObjectIdentifier: [OtherFacts]] = [:]
        // The other notes' tags as a corpus of their own, kept while an editor's server keeps the collection.
        var othersCorpus: TagCorpus?
        // And their facts indexed once, for the checked notes' index to extend at every keystroke.
        var baseIndexes: [ObjectIdentifier: CollectionIndex] = [:]
        // The other notes whose facts were gathered, for the indexes to read again.
        var otherNotes: [OtherNote] = []
        if request.gatherEvidence && request.configPath == nil {
            // The other notes' tags and facts, gathered once while an editor's server keeps the collection.
            let gather = { () -> (TagCounter, [ObjectIdentifier: [OtherFacts]], [OtherNote]) in
                let notes = listed ?? self.otherNotes(around: selection, request)
                let (tags, facts) = self.evidence(
                    adding: TagCounter(), from: notes, stamps: listed == nil ? nil : stamps, jobs: request.jobs, tables: tables,
                    today: request.today)
                return (tags, facts, notes)
            }
            if let memo = request.collectionMemo {
                let gathered = memo.otherNotes(around: selection.jobs.map(\.absolutePath)) {
                    let (tags, facts, notes) = gather()
                    return (tags.corpus(), facts.mapValues { noteFacts in
                        var builder = CollectionIndex.Builder(reader: self.factReader(
                            jobs: [], numbers: [], others: notes, otherNumbers: noteFacts.map(\.other), request, selection))
                        for note in noteFacts { builder.add(path: note.path, digests: note.digests) }
                        return builder.build()
                    })
                }
                othersCorpus = gathered.0
                baseIndexes = gathered.1
            } else {
                let gathered = gather()
                counter.add(counting: gathered.0)
                others = gathered.1
                otherNotes = gathered.2
            }
        }
        // One index per configuration with indexed rules: the notes checked first (numbered as the jobs, fed by the
        // first pass), then the others of its folder, added here or already indexed in a kept base. A line's `jobs`:
        // the job each of the index's own notes is, in order.
        let (fed, numbers, kept) = feed.finish()
        var lines = fed
        for id in others.keys where lines[id] == nil { lines[id] = (CollectionIndex.Builder(), []) }
        var indexes: [ObjectIdentifier: CollectionIndex] = [:]
        for (id, line) in lines {
            let otherFacts = others.removeValue(forKey: id) ?? []
            var builder = line.builder
            builder.base = baseIndexes[id]
            builder.reader = factReader(
                jobs: selection.jobs, numbers: line.jobs, others: otherNotes, otherNumbers: otherFacts.map(\.other), request, selection)
            builder.reserve(notes: otherFacts.count, facts: otherFacts.reduce(0) { $0 + $1.digests.count })
            for note in otherFacts { builder.add(path: note.path, digests: note.digests) }
            indexes[id] = builder.build()
        }
        for (job, facts) in kept { indexes[ObjectIdentifier(selection.jobs[job].configuration)]?.offer(facts, ofNote: numbers[job]) }
        let corpus = request.collectionMemo?.corpus(counting: counter, besides: othersCorpus) ?? counter.corpus()
        return Evidence(corpus: corpus, indexes: indexes, numbers: numbers)
    }

    /// After fixes: the collection as the fixed notes now stand (a tag rewritten in three notes no longer collides
    /// with itself), and the notes the collection rules reported, or may now report, checked against it again.
    private func settle(
        _ perNote: [([Diagnostic], FileFix?)], _ selection: Selection, _ evidence: Evidence, _ request: LintRequest
    ) -> [([Diagnostic], FileFix?)] {
        let jobs = selection.jobs
        // The text each fixed note has now: the fixed text, or the file as written.
        func fixedBytes(_ index: Int) -> [UInt8]? {
            // A note that could not be written is as it was: its findings stand as reported.
            guard let fix = perNote[index].1, fix.changed, fix.writeError == nil else { return nil }
            if !fix.textsReleased { return fix.fixed }
            guard case .success(let bytes) = NoteReader.readAll(path: jobs[index].path, boundary: selection.boundary) else { return nil }
            return bytes
        }
        var fixed: [Int: Note] = [:]
        for index in jobs.indices where evidence.numbers[index] >= 0 {
            guard let bytes = fixedBytes(index) else { continue }
            fixed[index] = noteLoader(for: jobs[index].configuration, boundary: selection.boundary).load(bytes: bytes, path: jobs[index].path)
        }
        guard !fixed.isEmpty else { return perNote }
        var indexes: [ObjectIdentifier: CollectionIndex] = [:]
        for (id, old) in evidence.indexes {
            var replaced: [Int: [CollectionFact]] = [:]
            for (index, note) in fixed where ObjectIdentifier(jobs[index].configuration) == id {
                replaced[evidence.numbers[index]] = collectionFacts(of: note, jobs[index].configuration, jobs[index].relativePath, today: request.today)
            }
            indexes[id] = old.replacing(replaced)
        }
        let settled = Evidence(corpus: evidence.corpus, indexes: indexes, numbers: evidence.numbers)
        let fixedNotes = fixed
        return Parallel.map(Array(jobs.indices), workers: request.jobs) { index -> ([Diagnostic], FileFix?) in
            let job = jobs[index]
            guard let collection = settled.view(for: job, at: index) else { return perNote[index] }
            let indexed = Set(job.configuration.indexedActiveRules.map(\.id))
            guard fixedNotes[index] != nil || perNote[index].0.contains(where: { indexed.contains($0.ruleID) })
                || !Self.reportingRules(collection, job.configuration).isEmpty
            else { return perNote[index] }
            let note = fixedNotes[index] ?? self.load(job, request, selection)
            let diagnostics = self.check(
                note, configuration: job.configuration, relativePath: job.relativePath, today: request.today,
                corpus: evidence.corpus, collection: collection)
            return (diagnostics, perNote[index].1)
        }
    }

    /// What the second pass weighs notes against: the tags in use, and each configuration's collection index with
    /// each job's number in it (-1: none).
    struct Evidence {
        let corpus: TagCorpus
        let indexes: [ObjectIdentifier: CollectionIndex]
        let numbers: [Int]

        func view(for job: Job, at number: Int) -> CollectionView? {
            guard numbers[number] >= 0, let index = indexes[ObjectIdentifier(job.configuration)] else { return nil }
            return CollectionView(index: index, note: numbers[number])
        }
    }

    /// Notes a collection rule may report on are loaded again and checked whole; notes with fixes to apply are
    /// fixed and written.
    private func secondPass(
        _ selection: Selection, _ outcomes: [FirstPassOutcome], evidence: Evidence, _ request: LintRequest
    ) -> [NoteResult] {
        let jobs = selection.jobs
        let corpus = evidence.corpus
        // A few notes checked against a large collection (a commit hook's one note): only their own tags are
        // judged, not every tag the collection uses. Gathering the notes' tags costs a set insertion per use, so a
        // whole collection's run judges every distinct tag instead; so does an editor's server, which keeps the
        // answer for the next request.
        var among: Set<String>?
        if request.collectionMemo == nil, jobs.count * 4 < corpus.uses.count {
            among = Set(outcomes.lazy.flatMap(\.pass.tags))
        }
        let compute = { [among] in Self.reportableValues(of: $0, in: corpus, among: among, workers: request.jobs) }
        let reportable = request.collectionMemo?.reportableValues(of: jobs.map(\.configuration), in: corpus, compute)
            ?? compute(jobs.map(\.configuration))
        return Parallel.map(Array(jobs.indices), workers: request.jobs) { index -> NoteResult in
            let job = jobs[index]
            var diagnostics = outcomes[index].pass.diagnostics
            let collection = evidence.view(for: job, at: index)
            let reporting = Self.reportingRules(collection, job.configuration)
            let mayReport = !reporting.isEmpty
            let settled = outcomes[index].pass.isSettled(by: reportable[ObjectIdentifier(job.configuration)] ?? nil)
            if mayReport || !settled {
                let note = self.load(job, request, selection)
                let relativePath = job.relativePath
                // A note a collection rule may report is most often one the others' findings name too (the two
                // notes of a duplicate): its facts are handed to the index now, so that it is not read again.
                if mayReport, let collection, let number = collection.note {
                    collection.index.offer(ofNote: number) {
                        self.collectionFacts(of: note, job.configuration, relativePath, today: request.today)
                    }
                }
                diagnostics = outcomes[index].pass.needsCorpus
                    ? self.recheck(
                        note, firstPass: diagnostics, configuration: job.configuration, relativePath: relativePath, today: request.today,
                        corpus: corpus, collection: collection, onlyIndexedRules: settled ? reporting : nil)
                    : self.check(
                        note, configuration: job.configuration, relativePath: relativePath, today: request.today, corpus: corpus,
                        collection: collection)
            }
            guard let minimum = request.fixes, diagnostics.contains(where: { ($0.fix?.applicability ?? .displayOnly) >= minimum }) else {
                return NoteResult(diagnostics, nil)
            }
            return self.fix(
                job.path, job.configuration, job.relativePath, request: request, boundary: selection.boundary, minimum: minimum,
                corpus: corpus, collection: collection).map { NoteResult($0.0, $0.1) }
                ?? NoteResult(diagnostics, nil)
        }
    }

    /// A note's findings after the second pass, and its fix when it has one. The fix is kept apart: nearly every
    /// note has none, and 100,000 results live to the report.
    struct NoteResult {
        let diagnostics: [Diagnostic]
        private let fixed: Fixed?

        private final class Fixed: Sendable {
            let fix: FileFix

            init(_ fix: FileFix) {
                self.fix = fix
            }
        }

        init(_ diagnostics: [Diagnostic], _ fix: FileFix?) {
            self.diagnostics = diagnostics
            fixed = fix.map(Fixed.init)
        }

        var fix: FileFix? { fixed?.fix }
    }

    /// Writes back each configuration's table when this run changed it.
    private static func save(
        _ outcomes: [FirstPassOutcome],
        of jobs: [Job],
        tables: [ObjectIdentifier: ResultCache.Table], in cache: ResultCache, digests: ResultCache.Digests
    ) {
        var updated: [ObjectIdentifier: [String: ResultCache.Entry]] = [:]
        for (index, outcome) in outcomes.enumerated() where !outcome.reused {
            guard let entry = outcome.entry else { continue }
            updated[ObjectIdentifier(jobs[index].configuration), default: [:]][jobs[index].absolutePath] = entry
        }
        for (id, entries) in updated {
            guard let table = tables[id] else { continue }
            cache.save(entries, into: table, digests: digests)
        }
    }

    /// One note to lint. Its absolute and relative paths are worked out when needed rather than kept: with
    /// 100,000 notes, two more strings a note would cost more memory than everything else kept between passes.
    struct Job: Sendable {
        let path: String
        /// The same for every job of a configuration, one reference each.
        let setting: Setting

        /// A configuration, and the folder the run's relative paths start from.
        final class Setting: Sendable {
            let configuration: EffectiveConfiguration
            let currentDirectory: String

            init(_ configuration: EffectiveConfiguration, currentDirectory: String) {
                self.configuration = configuration
                self.currentDirectory = currentDirectory
            }
        }

        var configuration: EffectiveConfiguration { setting.configuration }
        var currentDirectory: String { setting.currentDirectory }

        var absolutePath: String { PathText.absolute(path, in: currentDirectory) }
        /// Relative to the configuration's folder, as globs and schemas see it.
        var relativePath: String { PathText.relative(absolutePath, to: configuration.absoluteDirectory) }
    }

    private func load(_ job: Job, _ request: LintRequest, _ selection: Selection) -> Note {
        if let problem = selection.notOpened[job.path] { return NoteLoader.unopened(path: job.path, problem: problem) }
        let loader = noteLoader(for: job.configuration, boundary: selection.boundary)
        return request.contents[job.path].map { loader.load(bytes: $0, path: job.path) } ?? loader.load(path: job.path)
    }

    /// What the first pass keeps of a note.
    struct FirstPass: Sendable {
        /// Findings of every rule that needs no corpus; of every rule when the configuration has no corpus rule.
        var diagnostics: [Diagnostic]
        /// The note's tags: its share of the corpus.
        var tags: NoteTags
        /// What the note gives the collection index (titles, slugs, names, references), as digests.
        var facts: [FactDigest] = []
        /// Its corpus rules still have to run.
        var needsCorpus: Bool

        /// The same result without its digests, for a cache entry whose digests the run's feed holds.
        func withoutFacts() -> FirstPass {
            var stripped = self
            stripped.facts = []
            return stripped
        }

        /// The same result for the note at `path` (cached results name the note by its absolute path).
        func at(_ path: String) -> FirstPass {
            guard diagnostics.contains(where: { $0.path != path }) else { return self }
            var moved = self
            for index in moved.diagnostics.indices { moved.diagnostics[index].path = path }
            return moved
        }

        /// True when a check with the corpus would find nothing more: no tag of the note is one a corpus rule
        /// reports (`reportable`, nil when a rule cannot say). Suppression comments need no second look: with no
        /// corpus finding, a comment silencing a corpus rule is unused in either pass.
        func isSettled(by reportable: Set<String>?) -> Bool {
            guard needsCorpus else { return true }
            guard let reportable else { return false }
            return !tags.contains(where: reportable.contains)
        }
    }

    /// `tags` numbers the note's tags, shared by the notes of a run.
    func firstPass(
        _ note: Note, _ configuration: EffectiveConfiguration, _ relativePath: String, today: CalendarDate,
        tags table: TagTable = TagTable()
    ) -> FirstPass {
        let needsCorpus = configuration.needsCorpus
        // The schema is looked up once for the rules and the collection's facts (a glob match per schema).
        let schema = configuration.schema(forRelativePath: relativePath)
        let diagnostics = check(
            note, configuration: configuration, relativePath: relativePath, schema: schema, today: today, corpus: nil,
            withCorpusRules: !needsCorpus)
        return FirstPass(
            diagnostics: diagnostics, tags: NoteTags(TagCorpus.tags(of: note, key: configuration.corpusKey), in: table),
            facts: collectionDigests(of: note, configuration, relativePath, schema: schema, today: today),
            needsCorpus: needsCorpus)
    }

    /// The collection index of a few loaded notes (rule examples, an editor's open notes), in the order given.
    public func collectionIndex(
        of notes: [(note: Note, relativePath: String)], configuration: EffectiveConfiguration, today: CalendarDate
    ) -> CollectionIndex {
        CollectionIndex(notes: notes.map { ($0.note.path, collectionFacts(of: $0.note, configuration, $0.relativePath, today: today)) })
    }

    /// What the configuration's indexed collection rules take from a note for the collection index.
    func collectionFacts(
        of note: Note, _ configuration: EffectiveConfiguration, _ relativePath: String, today: CalendarDate
    ) -> [CollectionFact] {
        let schema = configuration.schema(forRelativePath: relativePath)
        var sink = FactSink.keepingFacts
        collect(into: &sink, note, configuration, relativePath, schema: schema, today: today)
        return sink.facts
    }

    /// The digests of `collectionFacts`, each fact hashed as a rule finds it.
    private func collectionDigests(
        of note: Note, _ configuration: EffectiveConfiguration, _ relativePath: String, schema: EffectiveConfiguration.LoadedSchema?, today: CalendarDate
    ) -> [FactDigest] {
        guard configuration.hasIndexedRules else { return [] }
        // Room for a note's usual facts at once: grown from nothing, the array was copied three or four times a note.
        // (A sink of whole facts, which the few notes that need them keep for the run, is not given that room.)
        var sink = FactSink.digesting
        sink.reserve(32)
        collect(into: &sink, note, configuration, relativePath, schema: schema, today: today)
        return sink.digests
    }

    /// Every indexed collection rule's facts of the note, put in `sink`. In place: a sink handed over by value
    /// shared its array with the caller's, and the first fact copied it.
    private func collect(
        into sink: inout FactSink, _ note: Note, _ configuration: EffectiveConfiguration, _ relativePath: String,
        schema: EffectiveConfiguration.LoadedSchema?, today: CalendarDate
    ) {
        guard configuration.hasIndexedRules else { return }
        var context = RuleContext(note: note, schema: schema, schemaViolations: [], today: today, relativePath: relativePath)
        // The keys every rule reads, found in one walk.
        let found = context.root.map { configuration.keyUnion.pairs(in: $0) }
        // The rules read in place: a rule copied out of the array is retained and released, and every worker does
        // so to the same few objects, for every note.
        configuration.indexedRules.withUnsafeBufferPointer { rules in
            for number in rules.indices {
                context.foundKeys = found.flatMap { configuration.keyUnion.pairs(ofRule: number, from: $0) }
                rules[number].facts(of: context, into: &sink)
            }
        }
    }

    /// The indexed collection rules that may report the note `collection` names: only a note some may report is
    /// read again, and one read again for a duplicate title is checked by that rule alone, not by the two that have
    /// nothing to say of it.
    static func reportingRules(
        _ collection: CollectionView?, _ configuration: EffectiveConfiguration
    ) -> [EffectiveConfiguration.ActiveRule] {
        guard let collection, let note = collection.note else { return [] }
        var reporting: [EffectiveConfiguration.ActiveRule] = []
        // In place, as in `collect`: asked of every note.
        configuration.indexedRules.withUnsafeBufferPointer { rules in
            for number in rules.indices where rules[number].mayReport(note: note, in: collection.index) {
                reporting.append(configuration.indexedActiveRules[number])
            }
        }
        return reporting
    }

    /// For each configuration with corpus rules, the corpus values any of them reports (nil when one cannot say).
    static func reportableValues(
        of configurations: [EffectiveConfiguration], in corpus: TagCorpus, among values: Set<String>? = nil, workers: Int
    ) -> [ObjectIdentifier: Set<String>?] {
        var result: [ObjectIdentifier: Set<String>?] = [:]
        for configuration in configurations where configuration.needsCorpus && result[ObjectIdentifier(configuration)] == nil {
            var union: Set<String>? = []
            for active in configuration.rules where active.needsCorpus {
                // Indexed collection rules are asked note by note (`mayReport`), not for tags.
                guard let rule = active.rule as? any CollectionRule else { continue }
                guard let values = rule.reportableValues(among: values, in: corpus, workers: workers) else { union = nil; break }
                union?.formUnion(values)
            }
            result[ObjectIdentifier(configuration)] = .some(union)
        }
        return result
    }

    /// The digests of another note of a collection, with the note's path as reports name it and its place in the
    /// list of other notes (to read it again).
    struct OtherFacts {
        let path: String
        let digests: [FactDigest]
        let other: Int32
    }

    /// Reads again the facts of the notes an index numbers: `numbers` (jobs) first, then `otherNumbers` (other
    /// notes of the collection). A note is read as the first pass read it: its text held in memory, or its file.
    private func factReader(
        jobs: [Job], numbers: [Int32], others: [OtherNote], otherNumbers: [Int32], _ request: LintRequest, _ selection: Selection
    ) -> CollectionIndex.FactReader {
        let today = request.today
        let contents = request.contents
        let notOpened = selection.notOpened
        let boundary = selection.boundary
        return { note in
            if note < numbers.count {
                let job = jobs[Int(numbers[note])]
                if notOpened[job.path] != nil { return nil }
                let loader = self.noteLoader(for: job.configuration, boundary: boundary)
                let loaded = contents[job.path].map { loader.load(bytes: $0, path: job.path) } ?? loader.load(path: job.path)
                return self.collectionFacts(of: loaded, job.configuration, job.relativePath, today: today)
            }
            let number = note - numbers.count
            guard number < otherNumbers.count else { return nil }
            let other = others[Int(otherNumbers[number])]
            let configuration = other.configuration
            return self.collectionFacts(
                of: other.loader.load(path: other.path), configuration, PathText.relative(other.path, to: configuration.absoluteDirectory),
                today: today)
        }
    }

    /// A note of a checked note's collection that is not itself checked: its tags and facts are evidence.
    struct OtherNote {
        let path: String
        let configuration: EffectiveConfiguration
        let loader: NoteLoader
    }

    /// Every other note under the folders of the configurations in use, so that linting one changed note still
    /// weighs it against the whole collection. The collection is the folder of the `.lint.yml` found for a note;
    /// an explicit `--config` may live anywhere, so then only the notes checked count.
    private func otherNotes(around selection: Selection, _ request: LintRequest) -> [OtherNote] {
        guard request.gatherEvidence && request.configPath == nil else { return [] }
        var folders: [String: EffectiveConfiguration] = [:]
        for configuration in selection.configurations where configuration.needsCorpus && configuration.isFromFile {
            folders[configuration.absoluteDirectory] = configuration
        }
        guard !folders.isEmpty else { return [] }
        let lintedPaths = Set(selection.jobs.map(\.absolutePath))
        var others: [OtherNote] = []
        for (folder, configuration) in folders.sorted(by: { $0.key < $1.key }) {
            // The collection is the configuration's folder: its notes' tags count, files linked from elsewhere do not.
            let boundary = request.followsSymlinks ? ReadBoundary.unbounded : ReadBoundary(rootPaths: [folder])
            let loader = NoteLoader(limits: self.loader.limits, boundary: boundary)
            // The configuration's folder is a root of this walk, never named by the user: it is not itself excluded.
            let walkIgnoring = NoteFinder.IgnoreOptions(honoursIgnoreFiles: request.ignoring.honoursIgnoreFiles)
            for path in NoteFinder.find(paths: [folder], boundary: boundary, ignoring: walkIgnoring) where !lintedPaths.contains(path)
                && configuration.includes(relativePath: PathText.relative(path, to: folder)) {
                others.append(OtherNote(path: path, configuration: configuration, loader: loader))
            }
        }
        return others
    }

    /// Adds the tags and facts of the other notes of the collections. Only front matter is read. `stamps`: the
    /// notes' stamps when the run already took them.
    private func evidence(
        adding corpus: TagCounter, from others: [OtherNote], stamps: ArraySlice<ResultCache.Stamp?>?, jobs: Int,
        tables: [ObjectIdentifier: ResultCache.Table], today: CalendarDate
    ) -> (TagCounter, [ObjectIdentifier: [OtherFacts]]) {
        guard !others.isEmpty else { return (corpus, [:]) }
        let shares = Parallel.map(Array(others.indices), workers: jobs) { index -> (tags: [String], facts: [FactDigest]) in
            let other = others[index]
            // The tags and facts a cached result kept, when the note has not changed since (nothing else is needed).
            if let cached = tables[ObjectIdentifier(other.configuration)]?.entries[other.path],
                cached.isCurrent(stamps.map { $0[$0.startIndex + index] } ?? ResultCache.Stamp.of(other.path)) {
                return (Array(cached.pass.tags), cached.pass.facts)
            }
            let note = other.loader.load(path: other.path)
            let configuration = other.configuration
            let relative = PathText.relative(other.path, to: configuration.absoluteDirectory)
            return (TagCorpus.tags(of: note, key: configuration.corpusKey),
                    self.collectionDigests(of: note, configuration, relative, schema: configuration.schema(forRelativePath: relative), today: today))
        }
        var result = corpus
        var facts: [ObjectIdentifier: [OtherFacts]] = [:]
        let currentDirectory = PathText.currentDirectory()
        for (number, (other, share)) in zip(others, shares).enumerated() {
            result.add(share.tags)
            guard other.configuration.hasIndexedRules else { continue }
            facts[ObjectIdentifier(other.configuration), default: []].append(
                OtherFacts(path: PathText.relative(other.path, to: currentDirectory), digests: share.facts, other: Int32(number)))
        }
        return (result, facts)
    }

    /// Fixes one note: reads it whole, fixes in passes, writes it back atomically unless `--diff`.
    private func fix(
        _ path: String, _ configuration: EffectiveConfiguration, _ relativePath: String, request: LintRequest,
        boundary: ReadBoundary, minimum: Applicability, corpus: TagCorpus, collection: CollectionView?
    ) -> ([Diagnostic], FileFix?)? {
        let bytes: [UInt8]
        if let given = request.contents[path] {
            bytes = given
        } else if case .success(let read) = NoteReader.readAll(path: path, boundary: boundary) {
            bytes = read
        } else {
            return nil
        }
        let fixer = fixer(
            minimum: minimum, configuration: configuration, relativePath: relativePath, today: request.today,
            loader: noteLoader(for: configuration, boundary: boundary), collection: collection)
        var (diagnostics, fix) = fixer.fix(bytes, path: path, corpus: corpus)
        guard fix.changed else { return (diagnostics, nil) }
        guard request.writeFixes, request.contents[path] == nil else { return (diagnostics, fix) }
        if case .failure(let failure) = AtomicFileWriter.replace(path, with: fix.fixed, expecting: bytes, boundary: boundary) {
            fix.writeError = failure.description
            // Nothing was written: report the note as it is on disk.
            diagnostics = check(noteLoader(for: configuration, boundary: boundary).load(bytes: bytes, path: path), configuration: configuration,
                                relativePath: relativePath, today: request.today, corpus: corpus, collection: collection)
        } else if !request.keepsFixedTexts {
            fix.original = []
            fix.fixed = []
            fix.textsReleased = true
        }
        return (diagnostics, fix)
    }

    /// A fixer whose passes are checked by this linter with the note's configuration, path and date.
    package func fixer(
        minimum: Applicability, configuration: EffectiveConfiguration, relativePath: String, today: CalendarDate,
        loader: NoteLoader? = nil, collection: CollectionView? = nil
    ) -> NoteFixer {
        NoteFixer(minimum: minimum, loader: loader ?? self.loader, corpusKey: configuration.corpusKey) { note, corpus in
            self.check(note, configuration: configuration, relativePath: relativePath, today: today, corpus: corpus, collection: collection)
        }
    }

    /// Checks one loaded note. `relativePath` is the note's path relative to its configuration's folder.
    /// `withCorpusRules: false` leaves out the rules that weigh a note against the others (the first pass).
    public func check(
        _ note: Note, configuration: EffectiveConfiguration, relativePath: String, today: CalendarDate, corpus: TagCorpus?,
        withCorpusRules: Bool = true, collection: CollectionView? = nil
    ) -> [Diagnostic] {
        check(
            note, configuration: configuration, relativePath: relativePath, schema: configuration.schema(forRelativePath: relativePath),
            today: today, corpus: corpus, withCorpusRules: withCorpusRules, collection: collection)
    }

    private func check(
        _ note: Note, configuration: EffectiveConfiguration, relativePath: String, schema: EffectiveConfiguration.LoadedSchema?, today: CalendarDate,
        corpus: TagCorpus?, withCorpusRules: Bool, collection: CollectionView? = nil
    ) -> [Diagnostic] {
        var violations: [SchemaViolation] = []
        if let schema {
            switch note.outcome {
            case .present where note.root != nil:
                violations = schema.schema.validate(note.root)
            case .empty:
                // Fences with nothing between them: an empty mapping, so that required keys are reported.
                violations = schema.schema.validate(YAMLNode(content: .mapping([], .block), range: note.headRange))
            default:
                break
            }
        }
        let context = RuleContext(
            note: note, schema: schema, schemaViolations: violations, today: today, corpus: corpus, relativePath: relativePath,
            collection: collection)
        let ignored = configuration.ignoredRules(forRelativePath: relativePath)
        var suppressions = Suppressions(note: note)
        var diagnostics = findings(
            of: configuration.rules.filter { withCorpusRules || !$0.needsCorpus }, in: context, ignoring: ignored, suppressions: &suppressions)
        let unusedRule = UnusedSuppressionRule.id
        if let active = configuration.rules.first(where: { $0.id == unusedRule }), !ignored.contains(unusedRule) {
            for directive in suppressions.directives where !directive.used {
                diagnostics.append(Diagnostic(
                    path: note.path, ruleID: unusedRule, severity: active.severity, range: directive.range,
                    message: Self.singleLine("this suppression of \(directive.rules.joined(separator: ", ")) suppresses nothing"),
                    sourceLine: SourceExcerpt.of(note.source, line: directive.range.start.line, start: directive.range.start)))
            }
        }
        return diagnostics
    }

    /// The findings of `rules` in a note, less those its comments suppress (which marks them used).
    private func findings(
        of rules: [EffectiveConfiguration.ActiveRule], in context: RuleContext, ignoring ignored: Set<String>,
        suppressions: inout Suppressions
    ) -> [Diagnostic] {
        let note = context.note
        var diagnostics: [Diagnostic] = []
        var seen: Set<SeenKey> = []
        for active in rules {
            let id = active.id
            if ignored.contains(id) || ignored.contains("all") { continue }
            for finding in active.rule.check(context) {
                // Two routes to the same finding (a schema keyword and a rule's own check) report it once.
                guard seen.insert(SeenKey(rule: id, start: finding.range.start.offset, end: finding.range.end.offset, message: finding.message)).inserted
                else { continue }
                if suppressions.suppresses(id, line: finding.range.start.line) { continue }
                diagnostics.append(Diagnostic(
                    path: note.path, ruleID: id, severity: min(active.severity, finding.severityCap ?? .error), range: finding.range, message: Self.singleLine(finding.message),
                    suggestions: finding.suggestions, related: finding.related, fix: finding.fix, subject: finding.subject,
                    sourceLine: SourceExcerpt.of(note.source, line: finding.range.start.line, start: finding.range.start)))
            }
        }
        return diagnostics
    }

    /// A note's findings when its first pass (`firstPass`, made without the rules that need the corpus) leaves only
    /// those rules to run: they run now, and their findings join the first pass's. A suppression the first pass
    /// found unused stays reported unless one of their findings uses it. The same findings as checking the note
    /// whole (tested), without running the other rules and the schema again. `onlyIndexedRules`: the note's tags
    /// leave the other corpus rules nothing to report (`isSettled`), and only these indexed collection rules run
    /// (those that may report the note, `reportingRules`).
    func recheck(
        _ note: Note, firstPass: [Diagnostic], configuration: EffectiveConfiguration, relativePath: String, today: CalendarDate,
        corpus: TagCorpus?, collection: CollectionView?, onlyIndexedRules: [EffectiveConfiguration.ActiveRule]? = nil
    ) -> [Diagnostic] {
        let context = RuleContext(
            note: note, schema: configuration.schema(forRelativePath: relativePath), schemaViolations: [], today: today, corpus: corpus,
            relativePath: relativePath, collection: collection)
        var suppressions = Suppressions(note: note)
        let added = findings(
            of: onlyIndexedRules ?? configuration.rules.filter(\.needsCorpus), in: context,
            ignoring: configuration.ignoredRules(forRelativePath: relativePath),
            suppressions: &suppressions)
        let usedNow = Set(suppressions.directives.lazy.filter(\.used).map(\.range.start.offset))
        let unusedRule = UnusedSuppressionRule.id
        let kept = usedNow.isEmpty ? firstPass : firstPass.filter { !($0.ruleID == unusedRule && usedNow.contains($0.range.start.offset)) }
        return kept + added
    }

    private struct SeenKey: Hashable {
        var rule: String
        var start: Int
        var end: Int
        var message: String
    }

    /// Values quoted into messages may hold line breaks and terminal escapes: a diagnostic stays one line of
    /// plain text, whatever a note holds (an ESC sequence must never reach the reader's terminal). A quoted
    /// value (between backticks) longer than `quotedValueLimit` characters is shortened in its middle, so that a
    /// note's megabyte of text never fills a message, a build log or a SARIF upload.
    static func singleLine(_ message: String) -> String {
        guard needsRewriting(message) else { return message }
        var out = String.UnicodeScalarView()
        var quoted: [Unicode.Scalar] = []
        var inQuote = false
        func flushQuoted() {
            if quoted.count > quotedValueLimit {
                out.append(contentsOf: quoted.prefix(quotedValueLimit - 11))
                out.append("…")
                out.append(contentsOf: quoted.suffix(10))
            } else {
                out.append(contentsOf: quoted)
            }
            quoted.removeAll(keepingCapacity: true)
        }
        func append(_ text: String) {
            if inQuote { quoted.append(contentsOf: text.unicodeScalars) } else { out.append(contentsOf: text.unicodeScalars) }
        }
        for scalar in message.unicodeScalars {
            switch scalar {
            case "`":
                if inQuote { flushQuoted() }
                inQuote.toggle()
                out.append(scalar)
            case "\n": append("\\n")
            case "\r": append("\\r")
            case _ where SourceExcerpt.isControl(scalar): append("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}")
            default: if inQuote { quoted.append(scalar) } else { out.append(scalar) }
            }
        }
        flushQuoted()
        return String(out)
    }

    /// Whether `singleLine` changes the message: a control character (C0 but tab, DEL, C1), or a quoted value longer
    /// than the limit. One look at each byte: most messages, long ones included, are left as they are.
    private static func needsRewriting(_ message: String) -> Bool {
        var message = message
        return message.withUTF8 { bytes in
            var inQuote = false
            var quotedScalars = 0
            var previous: UInt8 = 0
            for byte in bytes {
                // C1 controls (U+0080–U+009F) are 0xC2 followed by 0x80–0x9F.
                if byte < 0x20 && byte != 0x09 || byte == 0x7F || previous == 0xC2 && byte <= 0x9F { return true }
                previous = byte
                if byte == UInt8(ascii: "`") {
                    inQuote.toggle()
                    quotedScalars = 0
                } else if inQuote && byte & 0xC0 != 0x80 {
                    quotedScalars += 1
                    if quotedScalars > quotedValueLimit { return true }
                }
            }
            return false
        }
    }

    /// Characters of one quoted value that a message keeps.
    static let quotedValueLimit = 120
}

/// Values a run hands over to the end of the process: never freed, so never walked object by object.
private final class LeftToProcessEnd<Value>: @unchecked Sendable {
    let value: Value

    private init(_ value: Value) {
        self.value = value
    }

    static func keep(_ value: Value) {
        _ = Unmanaged.passRetained(LeftToProcessEnd(value))
    }
}
