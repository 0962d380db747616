import CHunspell

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
