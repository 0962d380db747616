#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under the system's temporary directory holding small Hunspell dictionaries written by a test,
/// removed with everything in it when the test lets go of it.
final class TemporaryDictionaryFolder {
    let path: String
    private var writtenNames: Set<String> = []

    init() {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let folder = base.hasSuffix("/") ? base : base + "/"
        var template = Array((folder + "notelint-spelling-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a temporary folder")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        for name in writtenNames { unlink(path + "/" + name) }
        rmdir(path)
    }

    /// Writes `<language>.aff` and `<language>.dic`; the word list gets its count line here.
    func writeDictionary(language: String, affix: [UInt8], words: [[UInt8]]) {
        write(affix, to: "\(language).aff")
        var dictionary = Array("\(words.count)\n".utf8)
        for word in words { dictionary += word + [0x0A] }
        write(dictionary, to: "\(language).dic")
    }

    func writeDictionary(language: String, words: [String]) {
        writeDictionary(
            language: language, affix: Array("SET UTF-8\nTRY esiarntolcdugmphbyfvkw\n".utf8),
            words: words.map { Array($0.utf8) })
    }

    func write(_ bytes: [UInt8], to name: String) {
        guard let file = fopen(path + "/" + name, "wb") else { preconditionFailure("cannot write \(name)") }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        writtenNames.insert(name)
    }
}
