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
/// Linux distributions, Homebrew and macOS put Hunspell dictionaries, and last in the folder that a release
/// archive ships beside the binary (`<prefix>/share/notelint/hunspell` for `<prefix>/bin/notelint`).
///
/// Setting `NOTELINT_IGNORE_SYSTEM_DICTIONARIES=1` leaves the standard folders out (configured folders and
/// the shipped one are still searched): it shows what an installation does on a machine without a system
/// dictionary.
public struct HunspellDictionaryLocator: Sendable, Hashable {
    public var extraFolders: [String]
    public var searchesStandardFolders: Bool
    /// Searched after the standard folders, when those are searched at all.
    public var shippedFolders: [String]

    public init(
        extraFolders: [String] = [], searchesStandardFolders: Bool = true,
        shippedFolders: [String] = Self.shippedFoldersOfThisExecutable
    ) {
        self.extraFolders = extraFolders
        self.searchesStandardFolders = searchesStandardFolders
        self.shippedFolders = shippedFolders
    }

    /// The environment variable that hides the standard folders.
    public static let ignoreSystemDictionariesVariable = "NOTELINT_IGNORE_SYSTEM_DICTIONARIES"

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

    /// True when `NOTELINT_IGNORE_SYSTEM_DICTIONARIES` is set to anything but empty or `0`.
    public static var ignoresSystemDictionaries: Bool {
        guard let value = getenv(ignoreSystemDictionariesVariable).map({ String(cString: $0) }) else { return false }
        return !value.isEmpty && value != "0"
    }

    /// The dictionary folder of an installation whose executable's real path is `executablePath`:
    /// `/opt/notelint/bin/notelint` → `/opt/notelint/share/notelint/hunspell`.
    public static func shippedFolder(forExecutableAt executablePath: String) -> String {
        // The executable's folder (`bin`) and the executable itself go; what is left is the prefix.
        let prefix = executablePath.split(separator: "/", omittingEmptySubsequences: true).dropLast(2)
        let root = executablePath.hasPrefix("/") ? "/" : ""
        return root + (prefix.map(String.init) + ["share", "notelint", "hunspell"]).joined(separator: "/")
    }

    /// The shipped folder of the running executable, found from its real path (links resolved), so that a
    /// link to the binary from a folder on `PATH` still finds the dictionary installed with it.
    public static let shippedFoldersOfThisExecutable: [String] = {
        guard let path = realPathOfThisExecutable() else { return [] }
        return [shippedFolder(forExecutableAt: path)]
    }()

    public var searchedFolders: [String] {
        guard searchesStandardFolders else { return extraFolders }
        return extraFolders + (Self.ignoresSystemDictionaries ? [] : Self.standardFolders) + shippedFolders
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

    /// Whether `files` come from a shipped folder rather than a configured or standard one.
    public func isShipped(_ files: HunspellDictionaryFiles) -> Bool {
        shippedFolders.contains { folder in
            files.affixPath.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
    }

    private func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }
}

private func realPathOfThisExecutable() -> String? {
    #if os(Linux)
    let link = "/proc/self/exe"
    #else
    var size: UInt32 = 0
    _ = _NSGetExecutablePath(nil, &size)
    var buffer = [CChar](repeating: 0, count: Int(size) + 1)
    guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
    let link = String(cString: buffer)
    #endif
    guard let resolved = realpath(link, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
