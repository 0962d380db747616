#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run may read and write: the folders it was asked to lint, as canonical paths.
///
/// notelint lints repositories written by others, often in CI. A symbolic link in such a repository can name
/// any file the job can read (`/proc/self/environ`, `~/.ssh/id_rsa`); following it would print that file's lines
/// into a build log. So a file is used only when the file actually opened — links, `..` and every link of a chain
/// resolved by the kernel — lies inside one of the roots. The check is made on the open descriptor, so a link
/// swapped between the walk and the open cannot lead elsewhere.
///
/// Files of the kernel's own file systems (`/proc`, `/sys`, devices) are never read, whatever the roots, and
/// also with `unbounded`: their content is the machine's state, never a note.
public struct ReadBoundary: Sendable, Hashable {
    /// Canonical absolute paths without a trailing slash (`/` for the whole tree); nil: no root limits reading.
    public let roots: [String]?

    /// Anything but the kernel's file systems (`--follow-symlinks`).
    public static let unbounded = ReadBoundary(roots: nil)

    /// Roots given as paths, canonicalised now (a root that does not exist is kept as written, made absolute).
    public init(rootPaths: [String]) {
        var seen = Set<String>()
        roots = rootPaths.map(Self.canonical).filter { seen.insert($0).inserted }
    }

    private init(roots: [String]?) {
        self.roots = roots
    }

    public var isUnbounded: Bool { roots == nil }

    /// The roots of a run over paths named on a command line: a folder named is its own root; a file named
    /// belongs to the repository that holds it (the nearest folder upward with a `.git` entry), else to its
    /// folder. Names that do not exist count by their folder.
    public static func forNamedPaths(_ paths: [String]) -> ReadBoundary {
        ReadBoundary(rootPaths: paths.map { path in
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return path }
            let folder = canonical(PathText.directory(of: PathText.absolute(path)))
            return repositoryRoot(containing: folder) ?? folder
        })
    }

    /// The nearest folder at or above `folder` (canonical) holding a `.git` entry, found without running git.
    public static func repositoryRoot(containing folder: String) -> String? {
        var current = folder
        while true {
            var info = stat()
            if lstat((current == "/" ? "" : current) + "/.git", &info) == 0 { return current }
            if current == "/" || current.isEmpty { return nil }
            current = PathText.directory(of: current)
        }
    }

    /// True when the canonical path `path` lies inside (or is) a root.
    public func contains(canonical path: String) -> Bool {
        guard let roots else { return true }
        return roots.contains { Self.isInside(path, root: $0) }
    }

    /// True when the path, every link resolved, lies inside a root; a path that cannot be resolved (it does not
    /// exist, a link leads nowhere) is judged by the part that can.
    public func contains(path: String) -> Bool {
        isUnbounded || contains(canonical: Self.canonical(path))
    }

    public static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || (path.hasPrefix(root) && path.utf8.dropFirst(root.utf8.count).first == UInt8(ascii: "/"))
    }

    /// The path with every link and `.`/`..` resolved by the system; for a path that does not exist, its longest
    /// existing ancestor resolved and the rest appended as written (normalised).
    public static func canonical(_ path: String) -> String {
        if let resolved = realPath(path) { return resolved }
        let absolute = PathText.absolute(path)
        var head = absolute
        var tail: [Substring] = []
        while head != "/" {
            guard let slash = head.lastIndex(of: "/") else { break }
            tail.insert(head[head.index(after: slash)...], at: 0)
            head = slash == head.startIndex ? "/" : String(head[..<slash])
            if let resolved = realPath(head) {
                return PathText.normalize(resolved + "/" + tail.joined(separator: "/"))
            }
        }
        return absolute
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The canonical path of the file an open descriptor refers to, as the kernel knows it.
    static func canonicalPath(ofDescriptor descriptor: Int32, openedAs path: String) -> String? {
        #if os(Linux)
        // Asked for every note: scratch memory on the stack, not an array.
        let resolved: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(PATH_MAX) + 1) { buffer in
            let length = readlink("/proc/self/fd/\(descriptor)", buffer.baseAddress!, buffer.count - 1)
            return length > 0 ? String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self) : nil
        }
        if let resolved { return resolved }
        #elseif canImport(Darwin)
        var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN) + 1)
        if fcntl(descriptor, F_GETPATH, &buffer) == 0 { return String(cString: buffer) }
        #endif
        // No /proc: resolve the name, and accept it only if it still names the very file that is open.
        guard let resolved = realPath(path) else { return nil }
        var named = stat()
        var opened = stat()
        guard stat(resolved, &named) == 0, fstat(descriptor, &opened) == 0,
            named.st_dev == opened.st_dev, named.st_ino == opened.st_ino
        else { return nil }
        return resolved
    }

    /// Why a file on this path or descriptor must not be read, or nil: the kernel's pseudo file systems hold
    /// the machine's state (environment, memory, devices), never a note. By path, and by device for the same file
    /// systems mounted elsewhere as well.
    public static func specialFileSystem(canonical path: String, device: UInt64?) -> String? {
        for prefix in pseudoFileSystemRoots where isInside(path, root: prefix) {
            return "it is on the system's \(prefix) file system"
        }
        if let device, let prefix = pseudoFileSystemDevices[device] {
            return "it is on the system's \(prefix) file system"
        }
        return nil
    }

    private static let pseudoFileSystemRoots = ["/proc", "/sys", "/dev"]

    /// The devices of those file systems, asked once. Only mount points count: in a container without `/sys`
    /// mounted, the bare folder lies on the root file system, whose notes are ordinary.
    private static let pseudoFileSystemDevices: [UInt64: String] = {
        var devices: [UInt64: String] = [:]
        var top = stat()
        guard stat("/", &top) == 0 else { return devices }
        for root in pseudoFileSystemRoots {
            var info = stat()
            if stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_dev != top.st_dev, devices[UInt64(info.st_dev)] == nil {
                devices[UInt64(info.st_dev)] = root
            }
        }
        return devices
    }()
}
