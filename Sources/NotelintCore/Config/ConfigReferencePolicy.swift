import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the files a configuration names (schemas, vocabularies, word lists, dictionary folders) may lie.
///
/// A `.lint.yml` arrives with the repository, often from a stranger's pull request. Were it free to name any
/// path, `schema: /proc/self/environ` or a vocabulary file linked to `~/.ssh/id_rsa` would have notelint read the
/// machine's secrets and quote them in an error. So each reference, every link and `..` resolved, must stay
/// inside the repository that holds the configuration (outside git: inside the configuration's folder), unless
/// the person running notelint allows otherwise on the command line. Files of the kernel's own file systems are
/// refused either way. Checked while the configuration is parsed, so the error names the key and its place.
public struct ConfigReferencePolicy: Sendable {
    /// The configuration's folder, as file references are resolved against it.
    let directory: String
    /// Where references may lead; unbounded when the command line allows any place.
    let boundary: ReadBoundary

    /// No check: the embedded default names only files compiled into the binary.
    public static let unchecked = ConfigReferencePolicy(directory: ".", boundary: .unbounded)

    init(directory: String, boundary: ReadBoundary) {
        self.directory = directory
        self.boundary = boundary
    }

    /// For a configuration in `directory`: references stay in its repository, or in `directory` outside git.
    public init(configurationDirectory directory: String, allowsOutside: Bool) {
        self.directory = directory
        if allowsOutside {
            boundary = .unbounded
        } else {
            let folder = ReadBoundary.canonical(directory)
            boundary = ReadBoundary(rootPaths: [ReadBoundary.repositoryRoot(containing: folder) ?? folder])
        }
    }


    /// Throws when `reference`, the value of `key` at `node`, may not be read. Never reads the file.
    func check(_ reference: String, key: String, at node: YAMLNode, in path: String) throws {
        let canonical = ReadBoundary.canonical(RuleFileStore(.directory(directory)).resolve(reference))
        if let why = ReadBoundary.specialFileSystem(canonical: canonical, device: nil) {
            throw ConfigurationError(path: path, position: node.range.start, message: "`\(key)` names `\(reference)`, which is never read: \(why)")
        }
        guard boundary.contains(canonical: canonical) else {
            throw ConfigurationError(path: path, position: node.range.start, message: Self.outsideMessage(key: key, reference: reference))
        }
        // A dictionary folder inside the repository can still hold links to files outside it.
        if key.hasSuffix("-folders"), !boundary.isUnbounded {
            for name in Self.dictionaryFileNames(in: canonical) where !boundary.contains(path: canonical + "/" + name) {
                throw ConfigurationError(
                    path: path, position: node.range.start,
                    message: Self.outsideMessage(key: key, reference: reference + "/" + name))
            }
        }
    }

    static func outsideMessage(key: String, reference: String) -> String {
        "`\(key)` names `\(reference)`, which lies outside the repository that holds the configuration (links resolved); "
            + "pass --allow-outside-config-paths to allow it"
    }

    /// The Hunspell files in a folder (`.aff`, `.dic`), the only ones a dictionary folder is read for.
    private static func dictionaryFileNames(in folder: String) -> [String] {
        (NoteFinder.entryNames(in: folder) ?? []).filter { $0.hasSuffix(".aff") || $0.hasSuffix(".dic") }
    }
}
