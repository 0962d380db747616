#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths given on a command line into the notes to check.
///
/// A directory is walked for `*.md` and `*.markdown` files, its results sorted byte-wise so that output is the
/// same on every machine and file system. `.git` and `node_modules` are skipped. Symbolic links are followed,
/// but each directory is entered once, so a link loop cannot make the walk endless. Paths that are not
/// directories are returned as given, even when they do not exist: loading them reports why.
public enum NoteFinder {
    public static let noteExtensions = [".md", ".markdown"]
    public static let skippedDirectoryNames: Set<String> = [".git", "node_modules"]

    public static func find(paths: [String]) -> [String] {
        var visited = Set<DirectoryIdentity>()
        var result: [String] = []
        for path in paths {
            guard let identity = directoryIdentity(path) else {
                result.append(path)
                continue
            }
            var found: [String] = []
            walk(path, identity: identity, visited: &visited, into: &found)
            result.append(contentsOf: sortedByBytes(found))
        }
        return result
    }

    /// Byte-wise order, the same in every locale; String's own `<` compares Unicode canonical forms instead.
    static func sortedByBytes(_ paths: [String]) -> [String] {
        let keyed = paths.map { (bytes: Array($0.utf8), path: $0) }
        return keyed.sorted { left, right in
            let common = min(left.bytes.count, right.bytes.count)
            let order = left.bytes.withUnsafeBytes { l in
                right.bytes.withUnsafeBytes { r in common == 0 ? 0 : memcmp(l.baseAddress!, r.baseAddress!, common) }
            }
            return order != 0 ? order < 0 : left.bytes.count < right.bytes.count
        }.map(\.path)
    }

    public static func isNoteName(_ name: String) -> Bool {
        noteExtensions.contains { name.hasSuffix($0) && name.utf8.count > $0.utf8.count }
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The directory's identity when `path` is a directory (following links), else `nil`.
    private static func directoryIdentity(_ path: String) -> DirectoryIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Iterative, so that a deep tree cannot exhaust the stack.
    private static func walk(
        _ root: String, identity: DirectoryIdentity, visited: inout Set<DirectoryIdentity>, into found: inout [String]
    ) {
        guard visited.insert(identity).inserted else { return }
        var pending = [root]
        while let directory = pending.popLast() {
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            while let entry = readdir(stream) {
                let name = entryName(entry)
                if name == "." || name == ".." { continue }
                let path = prefix + name
                switch entryKind(entry, path: path) {
                case .directory:
                    guard !skippedDirectoryNames.contains(name),
                        let identity = directoryIdentity(path), visited.insert(identity).inserted
                    else { continue }
                    pending.append(path)
                case .file:
                    if isNoteName(name) { found.append(path) }
                case .other:
                    continue
                }
            }
        }
    }

    private enum EntryKind { case directory, file, other }

    private static func entryKind(_ entry: UnsafeMutablePointer<dirent>, path: String) -> EntryKind {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            // Resolve what the link (or an entry of a file system without types) points at.
            var info = stat()
            guard stat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                String(cString: $0)
            }
        }
    }
}
