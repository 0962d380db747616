#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What decides a spell checker's answers, as text: for each language the `.aff` and `.dic` files the locator
/// finds (path, device, inode, size, modification and status-change times) or that none was found, then the
/// personal words. Two configurations whose identities are equal give the same answers, so answers kept under
/// one identity may be reused; a new or changed dictionary, or another word list, gives another identity.
///
/// Costs a few `access` and `stat` calls, no reading.
public enum DictionaryIdentity {
    /// The version of this text: a change of what it says, or of what answers are kept, gets a new one.
    static let version = "notelint dictionary identity 1"

    public static func of(_ configuration: SpellCheckerConfiguration) -> String {
        var text = version + "\n"
        for language in configuration.languages {
            switch configuration.locator.locate(language) {
            case .success(let files):
                text += "language \(files.language)\n"
                for path in [files.affixPath, files.dictionaryPath] { text += "file \(path)\t\(stamp(of: path))\n" }
            case .failure:
                text += "language \(language) not found\n"
            }
        }
        for word in configuration.personalWords { text += "word \(word)\n" }
        return text
    }

    /// Device, inode, size, modification and status-change times of the file `path` leads to.
    private static func stamp(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "unreadable" }
        #if canImport(Darwin)
        let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        let changed = "\(info.st_ctimespec.tv_sec).\(info.st_ctimespec.tv_nsec)"
        #else
        let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        let changed = "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        #endif
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(modified) \(changed)"
    }
}
