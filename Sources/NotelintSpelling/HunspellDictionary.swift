import CHunspell
import NotelintLoader

/// One loaded Hunspell dictionary. A Hunspell handle is not thread-safe: only `SpellChecker`, which
/// serialises every call, uses this type.
final class HunspellDictionary {
    /// Hunspell copies words into fixed buffers and silently fails beyond this many bytes;
    /// suggestion search on such input is also needlessly slow.
    static let maximumWordBytes = 100

    let files: HunspellDictionaryFiles
    private let handle: OpaquePointer
    private let encoding: DictionaryEncoding

    init(files: HunspellDictionaryFiles) throws(SpellCheckerError) {
        guard let handle = Hunspell_create(files.affixPath, files.dictionaryPath) else {
            throw .dictionaryNotLoaded(language: files.language, affixPath: files.affixPath)
        }
        let encodingName = Hunspell_get_dic_encoding(handle).map { String(cString: $0) } ?? "ISO8859-1"
        guard let encoding = DictionaryEncoding(hunspellName: encodingName) else {
            Hunspell_destroy(handle)
            throw .unsupportedEncoding(language: files.language, encoding: encodingName)
        }
        self.files = files
        self.handle = handle
        self.encoding = encoding
    }

    deinit { Hunspell_destroy(handle) }

    func isCorrect(_ word: String) -> Bool {
        guard let bytes = encodedWord(word) else { return false }
        return Hunspell_spell(handle, bytes) != 0
    }

    func suggestions(for word: String) -> [String] {
        guard let bytes = encodedWord(word) else { return [] }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = Int(Hunspell_suggest(handle, &list, bytes))
        // Hunspell allocates the list and every string in it; only it may free them.
        defer { Hunspell_free_list(handle, &list, Int32(count)) }
        guard let list, count > 0 else { return [] }
        return (0..<count).compactMap { index in list[index].map { encoding.decode($0) } }
    }

    /// The dictionary's words with a capital after their first letter (`JavaScript`, `iPhone`), lowercased:
    /// Hunspell accepts them only as written, and cannot list them. Read from the `.dic` file: its first line
    /// is a count, then one word a line, its affix flags after a `/`.
    func wordsWithInnerCapitals() -> Set<String> {
        guard case .success(let bytes) = NoteReader.readAll(path: files.dictionaryPath) else { return [] }
        var words: Set<String> = []
        var lineStart = 0
        var isFirstLine = true
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            defer { lineStart = index + 1; isFirstLine = false }
            guard !isFirstLine, lineStart < index else { continue }
            var end = lineStart
            while end < index, bytes[end] != 0x2F, bytes[end] != 0x09, bytes[end] != 0x20, bytes[end] != 0x0D { end += 1 }
            let stem = bytes[lineStart..<end]
            // Cheap filter first: an ASCII capital, or any non-ASCII byte, past the first byte.
            guard stem.dropFirst().contains(where: { (0x41...0x5A).contains($0) || $0 >= 0x80 }) else { continue }
            let word: String
            switch encoding {
            case .utf8: word = String(decoding: stem, as: UTF8.self)
            case .latin1: word = String(String.UnicodeScalarView(stem.map { Unicode.Scalar($0) }))
            }
            if word.unicodeScalars.dropFirst().contains(where: \.properties.isUppercase) { words.insert(word.lowercased()) }
        }
        return words
    }

    /// Adds a word for the life of this handle (the dictionary files are not changed).
    func add(_ word: String) {
        guard let bytes = encodedWord(word) else { return }
        _ = Hunspell_add(handle, bytes)
    }

    private func encodedWord(_ word: String) -> [CChar]? {
        guard let bytes = encoding.encode(word), bytes.count - 1 <= Self.maximumWordBytes else { return nil }
        return bytes
    }
}
