import NotelintSpelling

/// Every distinct tag of a run (or of a cached table) once, numbered in the order first met. Notes keep their tags
/// as these numbers (`NoteTags`): at 100,000 notes of four or five tags each, an array of strings a note (and a
/// string of its own for each longer tag) cost more than any other thing a run keeps between its passes.
/// Shared by the workers of a pass: numbering holds the lock; reading a name does not (it is read for every tag
/// of every note, by every worker), as a name never moves once written and a number is only known after it is.
public final class TagTable: @unchecked Sendable {
    // @unchecked: `numbers` and `total` are only touched while `lock` is held; a slot of `chunks` is written once,
    // under the lock, before its number is handed out, and never written again.
    private let lock = SpellingLock()
    private var numbers: [String: UInt32] = [:]
    private var total = 0
    /// The names by number, in chunks that double in size: chunk k holds `chunkBase << k` names.
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private static let chunkBase = 256
    /// Enough chunks for every `UInt32` number.
    private static let chunkCount = 25

    public init() {
        chunks = .allocate(capacity: Self.chunkCount)
        chunks.initialize(repeating: nil, count: Self.chunkCount)
    }

    deinit {
        var left = total
        for chunk in 0..<Self.chunkCount {
            guard let names = chunks[chunk] else { break }
            let capacity = Self.chunkBase << chunk
            names.deinitialize(count: min(left, capacity))
            names.deallocate()
            left -= capacity
        }
        chunks.deinitialize(count: Self.chunkCount)
        chunks.deallocate()
    }

    /// The tag's number, given to it now if it has none yet.
    public func number(of tag: String) -> UInt32 {
        lock.withLock {
            if let known = numbers[tag] { return known }
            let number = total
            precondition(number < Int(UInt32.max), "too many distinct tags")
            let (chunk, offset) = Self.place(of: number)
            if offset == 0 { chunks[chunk] = .allocate(capacity: Self.chunkBase << chunk) }
            (chunks[chunk]! + offset).initialize(to: tag)
            total += 1
            numbers[tag] = UInt32(number)
            return UInt32(number)
        }
    }

    /// The tag numbered `number` (given by this table).
    public func name(of number: UInt32) -> String {
        let (chunk, offset) = Self.place(of: Int(number))
        return chunks[chunk]![offset]
    }

    /// The distinct tags the table holds.
    public var count: Int { lock.withLock { total } }

    /// The chunk holding a number's name, and its place in it.
    private static func place(of number: Int) -> (chunk: Int, offset: Int) {
        // Chunks 0..<k hold chunkBase * (2^k - 1) names.
        let scaled = number / chunkBase + 1
        let chunk = Int.bitWidth - 1 - scaled.leadingZeroBitCount
        return (chunk, number - chunkBase * ((1 << chunk) - 1))
    }
}

/// One note's distinct tags as written, in order: their numbers in a shared `TagTable`, in one small buffer that
/// also names the table. A note without tags holds nothing.
// @unchecked: the buffer is written once when made and only read afterwards; the table locks its own state.
public struct NoteTags: RandomAccessCollection, @unchecked Sendable, Equatable, CustomStringConvertible {
    private let storage: Storage?

    public init() {
        storage = nil
    }

    /// The tags, each numbered in `table` (which this list keeps).
    public init(_ tags: [String], in table: TagTable) {
        guard !tags.isEmpty else {
            storage = nil
            return
        }
        let buffer = Storage.create(minimumCapacity: tags.count) { _ in Header(table: table, count: tags.count) }
        buffer.withUnsafeMutablePointerToElements { numbers in
            for (index, tag) in tags.enumerated() { (numbers + index).initialize(to: table.number(of: tag)) }
        }
        // `create` is declared to return the base class; the object made is this subclass.
        storage = unsafeDowncast(buffer, to: Storage.self)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage?.header.count ?? 0 }

    public subscript(position: Int) -> String {
        precondition(position >= 0 && position < endIndex, "tag index out of range")
        let storage = storage!
        return storage.header.table.name(of: storage.withUnsafeMutablePointerToElements { $0[position] })
    }

    /// The table that numbers these tags; nil when there are none.
    var table: TagTable? { storage?.header.table }

    public static func == (lhs: NoteTags, rhs: NoteTags) -> Bool { lhs.elementsEqual(rhs) }

    public var description: String { Array(self).description }

    private struct Header {
        let table: TagTable
        let count: Int
    }

    private final class Storage: ManagedBuffer<Header, UInt32> {}
}
