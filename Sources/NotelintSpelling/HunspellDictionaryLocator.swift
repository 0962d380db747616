#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The affix and word files of one Hunspell dictionary.
public struct HunspellDictionaryFiles: Sendable, Hashable {
    public var language: String
    public var affixPath: String
    public var dictionaryPath: String

    public init(language: String, affixPath: String, dictionaryPath: String) {
        self.language = language
        self.affixPath = affixPath
        self.dictionaryPath = dictionaryPath
    }
}

/// Finds `<language>.aff` and `<language>.dic` in configured folders first, then in the folders where
/// Linux distributions, Homebrew and macOS put Hunspell dictionaries.
public struct HunspellDictionaryLocator: Sendable, Hashable {
    public var extraFolders: [String]
    public var searchesStandardFolders: Bool

    public init(extraFolders: [String] = [], searchesStandardFolders: Bool = true) {
        self.extraFolders = extraFolders
        self.searchesStandardFolders = searchesStandardFolders
    }

    /// Where dictionaries are installed by package managers, plus the per-user macOS spelling folder.
    public static var standardFolders: [String] {
        var folders = [
            "/usr/share/hunspell",
            "/usr/share/myspell",
            "/usr/share/myspell/dicts",
            "/usr/local/share/hunspell",
            "/opt/homebrew/share/hunspell",
            "/Library/Spelling",
        ]
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
            folders.append(home + "/Library/Spelling")
        }
        return folders
    }

    public var searchedFolders: [String] {
        extraFolders + (searchesStandardFolders ? Self.standardFolders : [])
    }

    /// `language` may be written `en_US` or `en-US`; dictionary files use the underscore.
    public func locate(_ language: String) -> Result<HunspellDictionaryFiles, SpellCheckerError> {
        let name = String(language.map { $0 == "-" ? "_" : $0 })
        for folder in searchedFolders {
            let base = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let files = HunspellDictionaryFiles(language: name, affixPath: base + ".aff", dictionaryPath: base + ".dic")
            if isReadable(files.affixPath), isReadable(files.dictionaryPath) { return .success(files) }
        }
        return .failure(.dictionaryNotFound(language: name, searchedFolders: searchedFolders))
    }

    private func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }
}
