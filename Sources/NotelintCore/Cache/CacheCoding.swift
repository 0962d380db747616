import NotelintLoader

/// Little-endian, length-prefixed fields: the cache's file format. Hand-written rather than `Codable`, so that
/// a warm run over 100,000 notes spends its time on nothing but reading.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// Empties the writer and keeps its room, for the next piece of a file written piece by piece.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Zigzag, then seven bits a byte: most numbers in a cache (lengths, lines, columns, counts) are small, and a
    /// fixed eight bytes each made the file for 100,000 notes several times what it holds.
    mutating func integer(_ value: Int) {
        let signed = Int64(value)
        unsigned(UInt64(bitPattern: (signed << 1) ^ (signed >> 63)))
    }

    /// Seven bits a byte, the low ones first; the high bit says another byte follows.
    mutating func unsigned(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Eight bytes, for values spread over all 64 bits (hashes): seven bits a byte would take ten.
    mutating func fixed(_ value: UInt64) {
        var remaining = value
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        integer(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalString(_ value: String?) {
        boolean(value != nil)
        if let value { string(value) }
    }

    mutating func boolean(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }

    mutating func position(_ position: SourcePosition) {
        integer(position.line)
        integer(position.column)
        integer(position.offset)
    }

    mutating func range(_ range: SourceRange) {
        position(range.start)
        position(range.end)
    }

    /// A note's fact digests: the group's hash in eight bytes, the text's and the kind's hashes in four each.
    mutating func facts(_ digests: [FactDigest]) {
        integer(digests.count)
        for digest in digests {
            fixed(digest.group)
            fixed(UInt64(digest.text) << 32 | UInt64(digest.kind))
        }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.ruleID)
        string(diagnostic.severity.rawValue)
        range(diagnostic.range)
        string(diagnostic.message)
        strings(diagnostic.suggestions)
        integer(diagnostic.related.count)
        for related in diagnostic.related {
            optionalString(related.path)
            range(related.range)
            string(related.message)
        }
        boolean(diagnostic.fix != nil)
        if let fix = diagnostic.fix {
            string(fix.applicability.rawValue)
            string(fix.title)
            integer(fix.edits.count)
            for edit in fix.edits {
                integer(edit.range.lowerBound)
                integer(edit.range.upperBound)
                string(edit.replacement)
            }
        }
        optionalString(diagnostic.subject)
        optionalString(diagnostic.sourceLine)
        integer(diagnostic.sourceLineShift)
    }
}

/// Reads what `CacheWriter` wrote. Any inconsistency (a truncated or foreign file) throws, and the cache
/// is then ignored as a whole: a damaged cache costs a cold run, never a wrong result.
struct CacheReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Passes over `count` bytes, which must be there.
    mutating func skip(_ count: Int) throws(Damaged) {
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        offset += count
    }

    mutating func integer() throws(Damaged) -> Int {
        let zigzag = try unsigned()
        return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    /// At most ten bytes; a tenth byte may carry only the top bit.
    mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw Damaged() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func fixed() throws(Damaged) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    /// A count or a length: never negative, never more than what is left of the file.
    mutating func count() throws(Damaged) -> Int {
        let value = try integer()
        guard value >= 0, value <= bytes.count - offset else { throw Damaged() }
        return value
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try boolean() ? try string() : nil
    }

    mutating func boolean() throws(Damaged) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func strings() throws(Damaged) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func position() throws(Damaged) -> SourcePosition {
        SourcePosition(line: try integer(), column: try integer(), offset: try integer())
    }

    mutating func range() throws(Damaged) -> SourceRange {
        let start = try position()
        let end = try position()
        guard start.offset <= end.offset else { throw Damaged() }
        return SourceRange(start: start, end: end)
    }

    mutating func facts() throws(Damaged) -> [FactDigest] {
        // Sixteen bytes a fact: a count larger than what is left of the file is damage, not a table to allocate.
        let total = try integer()
        guard total >= 0, total <= (bytes.count - offset) / 16 else { throw Damaged() }
        var digests: [FactDigest] = []
        digests.reserveCapacity(total)
        for _ in 0..<total {
            let group = try fixed()
            let hashes = try fixed()
            digests.append(FactDigest(group: group, text: UInt32(truncatingIfNeeded: hashes >> 32), kind: UInt32(truncatingIfNeeded: hashes)))
        }
        return digests
    }

    mutating func diagnostic(path: String) throws(Damaged) -> Diagnostic {
        let ruleID = try string()
        guard let severity = Severity(rawValue: try string()) else { throw Damaged() }
        let range = try range()
        let message = try string()
        let suggestions = try strings()
        var related: [RelatedLocation] = []
        for _ in 0..<(try count()) {
            related.append(RelatedLocation(path: try optionalString(), range: try self.range(), message: try string()))
        }
        var fix: Fix?
        if try boolean() {
            guard let applicability = Applicability(rawValue: try string()) else { throw Damaged() }
            let title = try string()
            var edits: [Edit] = []
            for _ in 0..<(try count()) {
                let lower = try integer()
                let upper = try integer()
                guard 0 <= lower, lower <= upper else { throw Damaged() }
                edits.append(Edit(range: lower..<upper, replacement: try string()))
            }
            fix = Fix(edits: edits, applicability: applicability, title: title)
        }
        let subject = try optionalString()
        let sourceLine = try optionalString()
        let shift = try integer()
        return Diagnostic(
            path: path, ruleID: ruleID, severity: severity, range: range, message: message, suggestions: suggestions,
            related: related, fix: fix, subject: subject, sourceLine: sourceLine.map { SourceExcerpt(text: $0, shift: shift) })
    }
}

/// FNV-1a, 64 bits, as published (offset basis 0xcbf29ce484222325, prime 0x100000001b3, one byte a step):
/// fingerprints of note bytes and configurations. Whether a cached result is reused rests on it, so it is the
/// named algorithm, checked against its published test vectors, rather than a mixer of our own whose collisions
/// nobody has studied. Not a defence against anyone crafting collisions, which could only make notelint reuse
/// results for a note they wrote themselves.
struct ContentHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    private(set) var value: UInt64 = ContentHash.offsetBasis

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let hashed = bytes.withContiguousStorageIfAvailable({ Self.hash($0, from: value) }) {
            value = hashed
            return
        }
        for byte in bytes { value = (value ^ UInt64(byte)) &* Self.prime }
    }

    /// Text followed by a NUL, so that `"ab" + "c"` and `"a" + "bc"` differ.
    mutating func add(_ text: String) {
        add(text.utf8)
        add(CollectionOfOne(0))
    }

    /// A whole buffer (a note's front matter is hashed on every cold run): the same value as `add` from the start.
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0, from: offsetBasis) }
    }

    /// FNV-1a is one multiply per byte, each waiting on the last: a plain loop over the buffer, without the
    /// bounds checks and iterator of a generic sequence, is as fast as it gets.
    private static func hash(_ buffer: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64 {
        var value = start
        for byte in buffer { value = (value ^ UInt64(byte)) &* prime }
        return value
    }
}
