import NotelintLoader

/// A whole run's findings, kept in the cache folder with the stamp of every note they rest on: the notes checked
/// and the other notes of their collections, whose tags and facts the checked ones were weighed against. A run
/// over the same paths, with the same options and configurations, whose notes all stat as they did (and were not
/// saved again within a second of that run) reports the same findings without reading a note, decoding a cached
/// result or rebuilding the collection's evidence: a `stat` per note.
///
/// Anything else a finding can depend on is in the record's key: notelint's build, each configuration's
/// fingerprint (the file and every file it names, the Hunspell dictionary's identity, the date) and the options
/// that shape the selection. A run that fixes, reads notes from memory (`--stdin`, `--staged`), or meets a note
/// it could not open neither reads nor writes one.
struct RunRecord {
    /// The notes the findings rest on, in run order, and their stamps when the run began.
    let pathsHash: UInt64
    let stamps: [ResultCache.Stamp?]
    /// When the run began, in seconds since 1970: a stamp this recent is not trusted alone (see `Entry.isCurrent`).
    let readAt: Int
    let filesChecked: Int
    let diagnostics: [Diagnostic]

    private static let magic = Array("notelint-run 1\n".utf8)

    /// The notes' paths as one hash, the first `checked` of them the notes checked: the record then holds stamps,
    /// not 100,000 paths.
    static func pathsHash(_ paths: [String], checked: Int) -> UInt64 {
        var hash = ContentHash()
        for path in paths { hash.add(path) }
        hash.add(String(checked))
        return hash.value
    }

    /// The stamps of `paths` now, taken on every core.
    static func stamps(of paths: [String], workers: Int) -> [ResultCache.Stamp?] {
        Parallel.map(paths, workers: workers) { ResultCache.Stamp.of($0) }
    }

    /// Whether this record answers for notes at `pathsHash` whose stamps are now `stamps`.
    func holds(pathsHash: UInt64, stamps current: [ResultCache.Stamp?]) -> Bool {
        guard pathsHash == self.pathsHash, current.count == stamps.count else { return false }
        for (kept, now) in zip(stamps, current) {
            guard let kept, let now, kept == now, max(now.seconds, now.changeSeconds) < readAt - 1 else { return false }
        }
        return true
    }

    func encoded(key: UInt64) -> [UInt8] {
        var writer = CacheWriter()
        writer.raw(Self.magic)
        writer.fixed(key)
        writer.fixed(pathsHash)
        writer.integer(readAt)
        writer.integer(stamps.count)
        for stamp in stamps {
            // A note that could not be stat'ed never matches: its record is never written (see `Linter`).
            guard let stamp else { return [] }
            for number in [stamp.size, stamp.seconds, stamp.nanoseconds, stamp.changeSeconds, stamp.changeNanoseconds] {
                writer.integer(number)
            }
        }
        writer.integer(filesChecked)
        writer.integer(diagnostics.count)
        for diagnostic in diagnostics {
            writer.string(diagnostic.path)
            writer.diagnostic(diagnostic)
        }
        return writer.bytes
    }

    init(pathsHash: UInt64, stamps: [ResultCache.Stamp?], readAt: Int, filesChecked: Int, diagnostics: [Diagnostic]) {
        self.pathsHash = pathsHash
        self.stamps = stamps
        self.readAt = readAt
        self.filesChecked = filesChecked
        self.diagnostics = diagnostics
    }

    init(decoding bytes: [UInt8], key: UInt64) throws(CacheReader.Damaged) {
        guard bytes.starts(with: Self.magic) else { throw CacheReader.Damaged() }
        var reader = CacheReader(bytes, offset: Self.magic.count)
        guard try reader.fixed() == key else { throw CacheReader.Damaged() }
        pathsHash = try reader.fixed()
        readAt = try reader.integer()
        let count = try reader.count()
        var stamps: [ResultCache.Stamp?] = []
        stamps.reserveCapacity(count)
        for _ in 0..<count {
            stamps.append(ResultCache.Stamp(
                size: try reader.integer(), seconds: try reader.integer(), nanoseconds: try reader.integer(),
                changeSeconds: try reader.integer(), changeNanoseconds: try reader.integer()))
        }
        self.stamps = stamps
        filesChecked = try reader.integer()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            diagnostics.append(try reader.diagnostic(path: path))
        }
        self.diagnostics = diagnostics
        guard reader.isAtEnd else { throw CacheReader.Damaged() }
    }

    /// What decides a run's findings besides its notes, as one key: the record's file name.
    struct Key {
        private var hash = ContentHash()

        init() {
            hash.add("run")
        }

        mutating func add(_ text: String) { hash.add(text) }

        mutating func add(_ number: UInt64) { hash.add(String(number)) }

        var value: UInt64 { hash.value }
    }
}

extension ResultCache {
    private func runRecordPath(key: UInt64) -> String { Self.fileName(in: directory, "run-", key, ".cache") }

    /// The record saved under `key`; nil when there is none or it cannot be trusted.
    func runRecord(key: UInt64) -> RunRecord? {
        let boundary = ReadBoundary(rootPaths: [directory])
        guard case .success(let bytes) = NoteReader.readAll(path: runRecordPath(key: key), boundary: boundary) else { return nil }
        return try? RunRecord(decoding: bytes, key: key)
    }

    func save(_ record: RunRecord, key: UInt64) {
        let bytes = record.encoded(key: key)
        guard !bytes.isEmpty else { return }
        writeWhole(bytes, to: runRecordPath(key: key))
    }
}
