import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a note's first pass found, kept between runs in a folder (`.notelint-cache/` by default) so that an
/// unchanged note is neither read nor checked again.
///
/// A result is reused when everything it depends on is unchanged:
/// - the configuration: one cache file per fingerprint of notelint's build, the configuration file, every file
///   it refers to (schemas, vocabularies…) and the date rules compare with;
/// - the note: same size and modification time. When the time is too recent to trust (the note may have been
///   saved again within the clock's resolution after it was read), or differs while the size does not (a
///   checkout, `touch`), the note is read and its front matter's hash decides.
///
/// Cross-note evidence stays right: each entry keeps the note's tags and collection facts (titles, slugs, names,
/// references), and the corpus and the collection index are rebuilt from them on every run, so notes whose
/// verdicts changed are checked again.
public final class ResultCache: Sendable {
    /// What `stat` says of a file that changes when its content does: size, modification time, and the
    /// status-change time, which also moves when the modification time is set back or the mode changes.
    public struct Stamp: Sendable, Hashable {
        public var size: Int
        public var seconds: Int
        public var nanoseconds: Int
        public var changeSeconds: Int
        public var changeNanoseconds: Int

        /// nil when the path cannot be stat'ed or is not a regular file.
        public static func of(_ path: String) -> Stamp? {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            #if canImport(Darwin)
            return Stamp(
                size: Int(info.st_size), seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec,
                changeSeconds: info.st_ctimespec.tv_sec, changeNanoseconds: info.st_ctimespec.tv_nsec)
            #else
            return Stamp(
                size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
                changeSeconds: info.st_ctim.tv_sec, changeNanoseconds: info.st_ctim.tv_nsec)
            #endif
        }
    }

    /// One note's cached result. A class: results of 100,000 notes carry one reference each, not the entry.
    final class Entry: Sendable {
        let stamp: Stamp
        /// Of the bytes the loader kept (through the closing fence).
        let contentHash: UInt64
        /// When the note was read, in seconds since 1970: a modification time this close is not trusted alone.
        let readAt: Int
        let pass: Linter.FirstPass
        /// For an entry made by this run, the job whose digests the run's index holds in place of `pass.facts`
        /// (-1: they are in `pass`). Each entry lives until the cache is written; a copy of every note's digests of
        /// its own, next to the index's, was 17 MB of a 100,000-note run's 133 MB.
        let digestsOfJob: Int32

        /// The file is as it was when read (`stamp`, its stat now), and was not saved again within a second of
        /// that read, which the clock's resolution could hide: its result can be reused without reading it.
        func isCurrent(_ stamp: Stamp?) -> Bool {
            guard let stamp, stamp == self.stamp else { return false }
            return max(stamp.seconds, stamp.changeSeconds) < readAt - 1
        }

        init(stamp: Stamp, contentHash: UInt64, readAt: Int, pass: Linter.FirstPass, digestsOfJob: Int = -1) {
            self.stamp = stamp
            self.contentHash = contentHash
            self.readAt = readAt
            self.pass = pass
            self.digestsOfJob = Int32(digestsOfJob)
        }
    }

    /// Puts the digests of a run's job in place of a list's.
    typealias Digests = (_ job: Int, _ into: inout [FactDigest]) -> Void

    /// The entries of one configuration fingerprint, as read at the start of the run.
    final class Table: Sendable {
        let fingerprint: UInt64
        let entries: [String: Entry]
        /// Entries read from the table's journal (see `save(_:into:)`).
        let journalEntries: Int

        init(fingerprint: UInt64, entries: [String: Entry], journalEntries: Int = 0) {
            self.fingerprint = fingerprint
            self.entries = entries
            self.journalEntries = journalEntries
        }
    }

    /// The cache folder.
    public let directory: String
    /// Relative to the folder notelint runs in, like `.git` for git: one cache for a repository's runs.
    public static let defaultDirectory = ".notelint-cache"
    private static let magic = Array("notelint-cache 7\n".utf8)
    /// Cache files unused this long are removed when another is written.
    private static let staleSeconds = 7 * 24 * 3600

    /// Seconds since 1970 (replaced in tests, so that notes written a moment ago can count as old).
    let clock: @Sendable () -> Int

    public convenience init(directory: String) {
        self.init(directory: directory, clock: { Int(time(nil)) })
    }

    init(directory: String, clock: @escaping @Sendable () -> Int) {
        self.directory = directory
        self.clock = clock
    }

    /// The cache in `directory`, or why that folder must not be used (the run then goes on without a cache).
    ///
    /// The folder usually sits in a repository that strangers write to. Committed as a symbolic link, or under a
    /// linked folder, it would have notelint write its files — and `notelint clean` remove them — wherever the
    /// link leads. So no component of its path below the current folder may be a link, nor the folder itself.
    public static func opening(directory: String) -> Result<ResultCache, UnsafeFolder> {
        if let reason = unsafeFolderReason(directory) { return .failure(UnsafeFolder(directory: directory, reason: reason)) }
        return .success(ResultCache(directory: directory))
    }

    public struct UnsafeFolder: Error, Sendable, CustomStringConvertible {
        public var directory: String
        public var reason: String
        public var description: String { "\(directory): not used as the result cache: \(reason)" }
    }

    static func unsafeFolderReason(_ directory: String) -> String? {
        let current = PathText.currentDirectory()
        let absolute = PathText.absolute(directory, in: current)
        // Folders above the current one are the machine's, not the repository's: only the part below is checked,
        // and the cache folder itself wherever it is.
        var checked: [String] = [absolute]
        if ReadBoundary.isInside(absolute, root: current), absolute != current {
            var folder = PathText.directory(of: absolute)
            while folder != current, ReadBoundary.isInside(folder, root: current) {
                checked.append(folder)
                folder = PathText.directory(of: folder)
            }
        }
        for path in checked {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK {
                return path == absolute ? "it is a symbolic link" : "`\(path)` is a symbolic link"
            }
            if path == absolute, info.st_mode & S_IFMT != S_IFDIR { return "it is not a folder" }
        }
        return nil
    }

    /// A file of the cache folder named by a hash: `PREFIX<16 hex digits>SUFFIX`.
    static func fileName(in directory: String, _ prefix: String, _ hash: UInt64, _ suffix: String) -> String {
        let hex = String(hash, radix: 16)
        return directory + "/" + prefix + String(repeating: "0", count: 16 - hex.count) + hex + suffix
    }

    func fileName(for fingerprint: UInt64) -> String { Self.fileName(in: directory, "", fingerprint, ".cache") }

    func journalName(for fingerprint: UInt64) -> String { Self.fileName(in: directory, "", fingerprint, ".journal") }

    /// The entries saved for a configuration: its table, then the entries its journal added since, in order (a
    /// damaged journal is read up to the damage); empty when there is no table or it cannot be trusted.
    func table(for fingerprint: UInt64) -> Table {
        let boundary = ReadBoundary(rootPaths: [directory])
        // The entries' tags are numbered once for the table: a tag used by thousands of notes is one string.
        let tags = TagTable()
        guard case .success(let bytes) = NoteReader.readAll(path: fileName(for: fingerprint), boundary: boundary),
            var entries = try? Self.decode(bytes, fingerprint: fingerprint, tags: tags)
        else {
            return Table(fingerprint: fingerprint, entries: [:])
        }
        guard case .success(let journal) = NoteReader.readAll(path: journalName(for: fingerprint), boundary: boundary) else {
            return Table(fingerprint: fingerprint, entries: entries)
        }
        var reader = CacheReader(journal)
        var added = 0
        // Each record: its length, then the table's fingerprint, its entries and a hash of them; a record cut short
        // by a crash, or anything after it, is not used.
        while !reader.isAtEnd {
            guard let length = try? reader.count(), length >= 8 else { break }
            let body = Array(journal[reader.offset..<reader.offset + length - 8])
            try? reader.skip(length - 8)
            guard let hash = try? reader.fixed(), hash == ContentHash.of(body),
                let recorded = try? Self.journalRecord(body, fingerprint: fingerprint, tags: tags)
            else { break }
            for (path, entry) in recorded { entries[path] = entry }
            added += recorded.count
        }
        return Table(fingerprint: fingerprint, entries: entries, journalEntries: added)
    }

    private static func journalRecord(
        _ body: [UInt8], fingerprint: UInt64, tags: TagTable
    ) throws(CacheReader.Damaged) -> [(String, Entry)] {
        var reader = CacheReader(body)
        guard try reader.fixed() == fingerprint else { throw CacheReader.Damaged() }
        var entries: [(String, Entry)] = []
        for _ in 0..<(try reader.count()) { entries.append(try entry(from: &reader, tags: tags)) }
        guard reader.isAtEnd else { throw CacheReader.Damaged() }
        return entries
    }

    private static func decode(_ bytes: [UInt8], fingerprint: UInt64, tags: TagTable) throws(CacheReader.Damaged) -> [String: Entry] {
        guard bytes.starts(with: magic) else { throw CacheReader.Damaged() }
        var reader = CacheReader(bytes, offset: magic.count)
        guard try reader.fixed() == fingerprint else { throw CacheReader.Damaged() }
        let count = try reader.count()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let (path, entry) = try entry(from: &reader, tags: tags)
            entries[path] = entry
        }
        guard reader.isAtEnd else { throw CacheReader.Damaged() }
        return entries
    }

    private static func entry(from reader: inout CacheReader, tags table: TagTable) throws(CacheReader.Damaged) -> (String, Entry) {
        let path = try reader.string()
        let stamp = Stamp(
            size: try reader.integer(), seconds: try reader.integer(), nanoseconds: try reader.integer(),
            changeSeconds: try reader.integer(), changeNanoseconds: try reader.integer())
        let hash = try reader.fixed()
        let readAt = try reader.integer()
        let tags = try reader.strings()
        let needsCorpus = try reader.boolean()
        let facts = try reader.facts()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { diagnostics.append(try reader.diagnostic(path: path)) }
        return (path, Entry(
            stamp: stamp, contentHash: hash, readAt: readAt,
            pass: Linter.FirstPass(diagnostics: diagnostics, tags: NoteTags(tags, in: table), facts: facts, needsCorpus: needsCorpus)))
    }

    /// Writes a configuration's entries (the ones read at the start, updated with this run's), atomically, so
    /// that a concurrent run reads the old file or the new one. Failing to write only costs the next run time.
    /// Keeps this run's new entries of a table. A few beside a large table (a commit hook's one note among
    /// thousands) are appended to the table's journal, one record written at once, instead of the whole table
    /// being written again; when the journal would hold an eighth of the entries, table and journal are written
    /// as one new table and the journal removed. A run that appended while another rewrote loses its entries
    /// (they are worked out again next time); entries are only ever used when their note's stamp still matches.
    /// `digests` puts the digests of the job an entry names (`Entry.digestsOfJob`) in place of a list's.
    func save(_ updated: [String: Entry], into table: Table, digests: Digests) {
        guard !updated.isEmpty else { return }
        let journalled = table.journalEntries + updated.count
        if !table.entries.isEmpty, journalled * 8 < table.entries.count, append(updated, to: table, digests: digests) { return }
        var merged = table.entries
        for (path, entry) in updated { merged[path] = entry }
        save(merged, fingerprint: table.fingerprint, digests: digests)
        unlink(journalName(for: table.fingerprint))
    }

    /// One journal record: written with a single `write` to a file opened for appending, never through a link.
    private func append(_ updated: [String: Entry], to table: Table, digests: Digests) -> Bool {
        var body = CacheWriter()
        body.fixed(table.fingerprint)
        body.integer(updated.count)
        var list: [FactDigest] = []
        for (path, entry) in updated { Self.encode(path, entry, digests: digests, list: &list, to: &body) }
        var record = CacheWriter()
        record.integer(body.bytes.count + 8)
        record.raw(body.bytes)
        record.fixed(ContentHash.of(body.bytes))
        let descriptor = open(journalName(for: table.fingerprint), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let bytes = record.bytes
        return bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    func save(_ entries: [String: Entry], fingerprint: UInt64, digests: Digests) {
        replace(fileName(for: fingerprint)) { put in
            // Entry by entry through stdio's buffer: the file for 100,000 notes is never whole in memory.
            var writer = CacheWriter()
            writer.raw(Self.magic)
            writer.fixed(fingerprint)
            writer.integer(entries.count)
            put(&writer)
            var list: [FactDigest] = []
            for (path, entry) in entries {
                Self.encode(path, entry, digests: digests, list: &list, to: &writer)
                put(&writer)
            }
        }
    }

    /// An entry's place in the file. `list`: room for the digests of the job it names, kept from entry to entry.
    private static func encode(
        _ path: String, _ entry: Entry, digests: Digests, list: inout [FactDigest], to writer: inout CacheWriter
    ) {
        writer.string(path)
        writer.integer(entry.stamp.size)
        writer.integer(entry.stamp.seconds)
        writer.integer(entry.stamp.nanoseconds)
        writer.integer(entry.stamp.changeSeconds)
        writer.integer(entry.stamp.changeNanoseconds)
        writer.fixed(entry.contentHash)
        writer.integer(entry.readAt)
        writer.strings(Array(entry.pass.tags))
        writer.boolean(entry.pass.needsCorpus)
        if entry.digestsOfJob >= 0 {
            digests(Int(entry.digestsOfJob), &list)
            writer.facts(list)
        } else {
            writer.facts(entry.pass.facts)
        }
        writer.integer(entry.pass.diagnostics.count)
        for diagnostic in entry.pass.diagnostics { writer.diagnostic(diagnostic) }
    }

    /// Writes a small file of the cache (a run's record) whole, atomically.
    func writeWhole(_ bytes: [UInt8], to target: String) {
        replace(target) { put in
            var writer = CacheWriter()
            writer.raw(bytes)
            put(&writer)
        }
    }

    /// Writes `target` anew, atomically, so that a concurrent run reads the old file or the new one: `body` hands
    /// each piece to `put`, which empties the writer. Failing to write only costs the next run time.
    private func replace(_ target: String, body: (_ put: (inout CacheWriter) -> Void) -> Void) {
        guard Self.makeFolder(directory) else { return }
        // A new file of our own (O_EXCL, never through a link someone left under the name), renamed into place.
        var template = Array((target + ".XXXXXX.tmp").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else { return }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let file = fdopen(descriptor, "wb") else {
            close(descriptor)
            unlink(temporary)
            return
        }
        var failed = false
        body { writer in
            let count = writer.bytes.count
            if writer.bytes.withUnsafeBufferPointer({ fwrite($0.baseAddress, 1, count, file) }) != count { failed = true }
            // Its room is kept for the next piece: made anew, each entry's bytes grew through half a dozen allocations.
            writer.clear()
        }
        let closed = fclose(file) == 0
        if !failed, closed, rename(temporary, target) == 0 {
            removeStaleFiles(keeping: target)
        } else {
            unlink(temporary)
        }
    }

    /// A folder of ours: created with a `CACHEDIR.TAG` (backup tools skip it) and a `.gitignore` of `*`.
    private static func makeFolder(_ directory: String) -> Bool {
        if FileStatusProbe.isDirectory(directory) { return true }
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else { return false }
        writeSmallFile(directory + "/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# notelint's cache: `notelint clean` removes it.\n")
        writeSmallFile(directory + "/.gitignore", "# Created by notelint.\n*\n")
        return true
    }

    private static func writeSmallFile(_ path: String, _ text: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        _ = Array(text.utf8).withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    private func removeStaleFiles(keeping kept: String) {
        let now = Int(time(nil))
        for name in Self.ownFiles(in: directory) where directory + "/" + name != kept {
            var info = stat()
            let path = directory + "/" + name
            #if canImport(Darwin)
            let modified = stat(path, &info) == 0 ? Int(info.st_mtimespec.tv_sec) : now
            #else
            let modified = stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) : now
            #endif
            if now - modified > Self.staleSeconds { unlink(path) }
        }
    }

    /// The names notelint writes in its folder: cache files, their temporary files and the two markers.
    static func ownFiles(in directory: String) -> [String] {
        (NoteFinder.entryNames(in: directory) ?? []).filter { $0.hasSuffix(".cache") || $0.hasSuffix(".journal") || $0.hasSuffix(".tmp") }
    }

    /// Removes the cache folder: only the files notelint puts there, then the folder if that left it empty.
    /// Returns false when the folder still exists afterwards (it held other files, or could not be removed).
    @discardableResult
    public static func remove(directory: String) -> Bool {
        guard unsafeFolderReason(directory) == nil else { return false }
        guard FileStatusProbe.isDirectory(directory) else { return true }
        for name in ownFiles(in: directory) + ["CACHEDIR.TAG", ".gitignore"] { unlink(directory + "/" + name) }
        return rmdir(directory) == 0
    }
}

/// The `stat` questions the cache asks of folders.
enum FileStatusProbe {
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
