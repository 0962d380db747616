/// A note's collection facts as the index keeps them: one buffer a note instead of an array of 88-byte facts
/// whose longer strings (titles, sources, file names) are each an allocation of their own. At 100,000 notes of
/// nine facts each that is the difference between a few hundred bytes a note and about a kilobyte.
///
/// The buffer opens with one fixed record a fact: the 64-bit hash of its kind and value (what the index groups
/// by, without reading anything else), then where the rest of the fact starts. The rest is written
/// compactly: the kind as a number when it is one the collection rules use, the key, the value (most often the
/// text itself, or the text lowercased), the text and the six numbers of its range. Facts are read back whole
/// (`subscript`) only where a finding or a comparison needs them.
public struct PackedFacts: Sendable, Equatable {
    private let bytes: [UInt8]
    public let count: Int

    public init() {
        bytes = []
        count = 0
    }

    public init(_ facts: [CollectionFact]) {
        count = facts.count
        guard !facts.isEmpty else {
            bytes = []
            return
        }
        // Measured first, then written once into a buffer of exactly that size: the records, then each fact's rest.
        let header = facts.count * Self.recordSize
        let plans = facts.map(Self.plan)
        var counter = Counter(count: header)
        for (fact, plan) in zip(facts, plans) { Self.write(fact, plan, to: &counter) }
        let size = counter.count
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var writer = Writer(buffer: buffer, offset: header)
            for (index, fact) in facts.enumerated() {
                let record = index * Self.recordSize
                raw.storeBytes(of: Self.hash(kind: fact.kind, value: fact.value).littleEndian, toByteOffset: record, as: UInt64.self)
                raw.storeBytes(of: UInt32(truncatingIfNeeded: writer.offset).littleEndian, toByteOffset: record + 8, as: UInt32.self)
                Self.write(fact, plans[index], to: &writer)
            }
            initialized = size
        }
    }

    /// The hash of a kind and a value, as `String` hashes them: values equal as strings (`é` composed or not)
    /// hash alike. Never kept beyond the process (the cache keeps the facts' texts), so Swift's seeded hasher
    /// serves. Equal hashes say nothing for certain: the index compares the facts themselves.
    public static func hash(kind: String, value: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(value)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// The hash of the kind and value of fact `index`.
    public func hash(at index: Int) -> UInt64 {
        UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index * Self.recordSize, as: UInt64.self) })
    }

    public subscript(index: Int) -> CollectionFact {
        var reader = Reader(bytes: bytes, offset: start(of: index))
        return reader.fact()
    }

    /// The facts of one kind, read back; the others are passed over without being read.
    public func facts(ofKind kind: String) -> [CollectionFact] {
        let code = Self.knownKinds.firstIndex(of: kind).map(UInt8.init)
        return (0..<count).compactMap { index in
            let start = self.start(of: index)
            if let code {
                return bytes[start] == code ? self[index] : nil
            }
            let fact = self[index]
            return fact.kind == kind ? fact : nil
        }
    }

    private func start(of index: Int) -> Int {
        Int(UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index * Self.recordSize + 8, as: UInt32.self) }))
    }

    /// Whether fact `index` may be of one of `kinds`: false only when its kind, written as one byte, is none of them
    /// (a tag's fact, for a rule asking for titles), without reading anything else.
    func mayBe(_ index: Int, ofKind kinds: Set<String>) -> Bool {
        let code = Int(bytes[start(of: index)])
        return code >= Self.knownKinds.count || kinds.contains(Self.knownKinds[code])
    }

    /// Whether fact `index` has the kind and value of fact `other` of `packed`, byte for byte. True settles it;
    /// false does not (equal strings may be written differently: `é` composed or not, a value kept as its text
    /// lowercased), and the facts are then read back and compared as strings.
    func hasSameKindAndValueBytes(_ index: Int, as other: Int, of packed: PackedFacts) -> Bool {
        let mine = fields(of: index)
        let theirs = packed.fields(of: other)
        guard mine.kindCode == theirs.kindCode, let value = mine.value, let otherValue = theirs.value else { return false }
        if mine.kindCode == Self.literalKind && !bytes[mine.kind].elementsEqual(packed.bytes[theirs.kind]) { return false }
        if mine.kindCode == Self.keyedKind && !bytes[mine.key].elementsEqual(packed.bytes[theirs.key]) { return false }
        return bytes[value].elementsEqual(packed.bytes[otherValue])
    }

    /// Whether fact `index` has the text of fact `other` of `packed`, byte for byte (true settles it, false not).
    func hasSameTextBytes(_ index: Int, as other: Int, of packed: PackedFacts) -> Bool {
        bytes[fields(of: index).text].elementsEqual(packed.bytes[packed.fields(of: other).text])
    }

    /// Where the parts of a fact lie in the buffer.
    private struct Fields {
        var kindCode: UInt8
        var kind: Range<Int>
        var key: Range<Int>
        /// Nil when the value is not kept as bytes of its own or of the text (the text lowercased).
        var value: Range<Int>?
        var text: Range<Int>
    }

    private func fields(of index: Int) -> Fields {
        var reader = Reader(bytes: bytes, offset: start(of: index))
        let code = bytes[reader.offset]
        reader.offset += 1
        var kind = reader.offset..<reader.offset
        if code == Self.literalKind { kind = reader.range() }
        let key = reader.range()
        let form = reader.varint()
        var value: Range<Int>?
        if form >= ValueForm.literal.rawValue { value = reader.range(length: Int(form - ValueForm.literal.rawValue)) }
        let text = reader.range()
        if form == ValueForm.text.rawValue { value = text }
        return Fields(kindCode: code, kind: kind, key: key, value: value, text: text)
    }

    /// Every fact, read back.
    public var facts: [CollectionFact] { (0..<count).map { self[$0] } }

    public static func == (lhs: PackedFacts, rhs: PackedFacts) -> Bool { lhs.facts == rhs.facts }

    /// A fixed record: the hash (8 bytes), then where the fact's rest starts (4 bytes).
    private static let recordSize = 12

    /// Kinds written as one byte: those of the collection rules. Any other kind is written out in full.
    private static let knownKinds = [
        SlugCollisionRule.tagKind, SlugCollisionRule.urlKind, BrokenReferenceRule.nameKind, BrokenReferenceRule.referenceKind,
        BrokenReferenceRule.draftKind,
    ]
    /// `duplicate-value.KEY`: the rule's kind followed by the fact's own key.
    private static let keyedKind: UInt8 = 0xFE
    private static let literalKind: UInt8 = 0xFF
    private static let keyedPrefix = DuplicateValueRule.kind + "."

    private enum ValueForm: UInt32 {
        case text = 0
        case asciiLowercasedText = 1
        /// A value of its own follows; the number is its length plus this.
        case literal = 2
    }

    /// Where a fact is written: counted first, then written.
    private protocol Sink {
        mutating func byte(_ byte: UInt8)
        mutating func bytes(_ bytes: String.UTF8View)
    }

    private struct Counter: Sink {
        var count: Int
        mutating func byte(_ byte: UInt8) { count += 1 }
        mutating func bytes(_ bytes: String.UTF8View) { count += bytes.count }
    }

    private struct Writer: Sink {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var offset: Int

        mutating func byte(_ byte: UInt8) {
            buffer[offset] = byte
            offset += 1
        }

        mutating func bytes(_ bytes: String.UTF8View) {
            let copied = bytes.withContiguousStorageIfAvailable { source in
                UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + source.count]).initialize(fromContentsOf: source)
            }
            if let copied {
                offset += copied
                return
            }
            let (_, end) = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(from: bytes)
            offset += end
        }
    }

    private static func writeVarint<Out: Sink>(_ number: UInt32, to out: inout Out) {
        var rest = number
        while rest >= 0x80 {
            out.byte(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.byte(UInt8(rest))
    }

    private static func writeString<Out: Sink>(_ text: String, to out: inout Out) {
        writeVarint(UInt32(truncatingIfNeeded: text.utf8.count), to: &out)
        out.bytes(text.utf8)
    }

    /// How a fact is written: its kind's code and its value's form, worked out once for measuring and writing.
    private static func plan(_ fact: CollectionFact) -> (kind: UInt8, form: ValueForm) {
        let kind: UInt8
        if let known = knownKinds.firstIndex(of: fact.kind) {
            kind = UInt8(known)
        } else if fact.kind.utf8.count == keyedPrefix.utf8.count + fact.key.utf8.count, fact.kind.utf8.starts(with: keyedPrefix.utf8),
            fact.kind.utf8.dropFirst(keyedPrefix.utf8.count).elementsEqual(fact.key.utf8) {
            kind = keyedKind
        } else {
            kind = literalKind
        }
        var value = fact.value
        var text = fact.text
        let form = value.withUTF8 { value in
            text.withUTF8 { text -> ValueForm in
                guard value.count == text.count else { return .literal }
                if value.elementsEqual(text) { return .text }
                return isASCIILowercase(value, of: text) ? .asciiLowercasedText : .literal
            }
        }
        return (kind, form)
    }

    private static func write<Out: Sink>(_ fact: CollectionFact, _ plan: (kind: UInt8, form: ValueForm), to out: inout Out) {
        out.byte(plan.kind)
        if plan.kind == literalKind { writeString(fact.kind, to: &out) }
        writeString(fact.key, to: &out)
        switch plan.form {
        case .text, .asciiLowercasedText: writeVarint(plan.form.rawValue, to: &out)
        case .literal:
            writeVarint(ValueForm.literal.rawValue + UInt32(truncatingIfNeeded: fact.value.utf8.count), to: &out)
            out.bytes(fact.value.utf8)
        }
        writeString(fact.text, to: &out)
        writeVarint(UInt32(bitPattern: fact.line), to: &out)
        writeVarint(UInt32(bitPattern: fact.column), to: &out)
        writeVarint(UInt32(bitPattern: fact.offset), to: &out)
        writeVarint(UInt32(bitPattern: fact.endLine), to: &out)
        writeVarint(UInt32(bitPattern: fact.endColumn), to: &out)
        writeVarint(UInt32(bitPattern: fact.endOffset), to: &out)
    }

    /// Whether `value` is `text` with its ASCII capitals made small, and `text` is all ASCII (so that reading it
    /// back gives the very same value).
    private static func isASCIILowercase(_ value: UnsafeBufferPointer<UInt8>, of text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count == text.count else { return false }
        for (small, written) in zip(value, text) {
            guard written < 0x80, small == asciiLowercase(written) else { return false }
        }
        return true
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func varint() -> UInt32 {
            var number: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                number |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { return number }
                shift += 7
            }
        }

        mutating func range(length: Int) -> Range<Int> {
            defer { offset += length }
            return offset..<offset + length
        }

        mutating func range() -> Range<Int> {
            range(length: Int(varint()))
        }

        mutating func string(length: Int) -> String {
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func string() -> String {
            string(length: Int(varint()))
        }

        mutating func fact() -> CollectionFact {
            let code = bytes[offset]
            offset += 1
            var kind = code == PackedFacts.literalKind ? string() : ""
            let key = string()
            if code == PackedFacts.keyedKind {
                kind = PackedFacts.keyedPrefix + key
            } else if code != PackedFacts.literalKind {
                kind = PackedFacts.knownKinds[Int(code)]
            }
            let form = varint()
            var value = form >= ValueForm.literal.rawValue ? string(length: Int(form - ValueForm.literal.rawValue)) : ""
            let textLength = Int(varint())
            if form == ValueForm.asciiLowercasedText.rawValue {
                value = String(decoding: bytes[offset..<offset + textLength].lazy.map(PackedFacts.asciiLowercase), as: UTF8.self)
            }
            let text = string(length: textLength)
            if form == ValueForm.text.rawValue { value = text }
            let line = Int32(bitPattern: varint())
            let column = Int32(bitPattern: varint())
            let start = Int32(bitPattern: varint())
            let endLine = Int32(bitPattern: varint())
            let endColumn = Int32(bitPattern: varint())
            let end = Int32(bitPattern: varint())
            return CollectionFact(
                kind: kind, key: key, value: value, text: text, line: line, column: column, offset: start, endLine: endLine,
                endColumn: endColumn, endOffset: end)
        }
    }
}
