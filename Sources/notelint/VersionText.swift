import NotelintCore
import NotelintEngine
import NotelintSpelling

/// What `notelint --version` prints: the version, then the Hunspell dictionary that the default configuration
/// of `tag-spelling` would load (a `.lint.yml` may name other languages or folders).
enum VersionText {
    static func text(locator: HunspellDictionaryLocator = HunspellDictionaryLocator(), language: String = "en_US") -> String {
        let dictionary: String
        switch locator.locate(language) {
        case .success(let files):
            let origin = locator.isShipped(files) ? "shipped with notelint" : "system"
            dictionary = "\(files.language) dictionary: \(files.dictionaryPath) (\(origin))"
        case .failure:
            dictionary = "\(language) dictionary: none found in \(locator.searchedFolders.joined(separator: ", "))"
        }
        return ToolInfo.version + "\n" + dictionary
    }
}
