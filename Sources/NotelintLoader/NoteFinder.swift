#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths given on a command line into the notes to check.
///
/// A directory is walked for `*.md` and `*.markdown` files, its results sorted byte-wise so that output is the
/// same on every machine and file system. `.git` and `node_modules` are skipped, and so is what the ignore files
/// say (`IgnoreOptions`): ignored folders are not entered at all. Symbolic links are followed
/// when what they lead to lies inside the boundary, and each directory is entered once, so a link loop cannot
/// make the walk endless. Paths that are not directories are returned as given, even when they do not exist:
/// loading them reports why.
///
/// What the walk cannot use is reported, never opened: a folder it cannot list, and entries named like notes
/// that are not notes — FIFOs, sockets, devices, links to them, and links that lead nowhere or loop. Entries
/// with other names are not notes anyway and pass silently. Regular files cost no call beyond `readdir`.
public enum NoteFinder {
    public static let noteExtensions = [".md", ".markdown"]
    public static let skippedDirectoryNames: Set<String> = [".git", "node_modules"]

    /// Something met in a walk that is not a note although it might have held or been one.
    public struct Skipped: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A folder that could not be listed: notes inside it, if any, go unchecked.
            case unreadableDirectory
            /// An entry named like a note that is not a regular file, or a link that cannot be followed.
            case notANote
            /// A symbolic link leading outside the boundary: not followed. Named like a note, or to a folder.
            case outsideBoundary
        }

        public var path: String
        public var kind: Kind
        /// Why, as the system or the file's type says it: "Permission denied", "not a regular file: a FIFO".
        public var reason: String

        public init(path: String, kind: Kind, reason: String) {
            self.path = path
            self.kind = kind
            self.reason = reason
        }
    }

    /// Which ignore files a walk obeys.
    public struct IgnoreOptions: Sendable, Hashable {
        /// `.gitignore` (each folder's, and the repository's `.git/info/exclude`), `.ignore` and `.notelintignore`.
        public var honoursIgnoreFiles: Bool
        /// `--force-exclude`: paths named to the walk are ignored too when the files say so; otherwise a name given
        /// explicitly is always used, as ruff does.
        public var appliesToNamedPaths: Bool

        public init(honoursIgnoreFiles: Bool = true, appliesToNamedPaths: Bool = false) {
            self.honoursIgnoreFiles = honoursIgnoreFiles
            self.appliesToNamedPaths = appliesToNamedPaths
        }

        public static let standard = IgnoreOptions()
        /// `--no-ignore`.
        public static let none = IgnoreOptions(honoursIgnoreFiles: false)
    }

    /// In each folder, lowest precedence first (ripgrep's order: `.ignore` over `.gitignore`; ours over both).
    public static let ignoreFileNames = [".gitignore", ".ignore", ".notelintignore"]

    /// A folder, or a file named like a note, that an ignore file excluded.
    public struct Ignored: Sendable, Hashable {
        public var path: String
        public var isDirectory: Bool
        /// The ignore file and line that decided, as `.gitignore:3: vendor/`.
        public var reason: String
    }

    public struct Walk: Sendable {
        /// Notes in the order of the paths given, each directory's notes sorted byte-wise.
        public var notes: [String]
        /// In the same order.
        public var skipped: [Skipped]
        /// Sorted byte-wise within each path given; folders inside an ignored folder are not listed.
        public var ignored: [Ignored] = []
    }

    public static func find(paths: [String], boundary: ReadBoundary = .unbounded, ignoring: IgnoreOptions = .standard) -> [String] {
        walk(paths: paths, boundary: boundary, ignoring: ignoring).notes
    }

    public static func walk(paths: [String], boundary: ReadBoundary = .unbounded, ignoring: IgnoreOptions = .standard) -> Walk {
        var visited = Set<DirectoryIdentity>()
        var result = Walk(notes: [], skipped: [])
        for path in paths {
            let identity = directoryIdentity(path)
            var start = IgnoreContext(segments: [], stack: IgnoreStack())
            // A file named is used as given unless `--force-exclude`: then no ignore file need be read for it.
            if ignoring.honoursIgnoreFiles && (identity != nil || ignoring.appliesToNamedPaths) {
                let (context, verdict) = ignoreContext(of: path, isDirectory: identity != nil, boundary: boundary)
                if ignoring.appliesToNamedPaths, let verdict, verdict.isIgnored {
                    result.ignored.append(Ignored(path: path, isDirectory: identity != nil, reason: reason(verdict)))
                    continue
                }
                start = context
            }
            guard let identity else {
                result.notes.append(path)
                continue
            }
            var found: [String] = []
            var skipped: [Skipped] = []
            var ignored: [Ignored] = []
            walk(
                path, identity: identity, context: start, honoursIgnoreFiles: ignoring.honoursIgnoreFiles, boundary: boundary,
                visited: &visited, into: &found, skipping: &skipped, ignoring: &ignored)
            result.notes.append(contentsOf: sortedByBytes(found))
            result.skipped.append(contentsOf: sortedByBytes(skipped, by: \.path))
            result.ignored.append(contentsOf: sortedByBytes(ignored, by: \.path))
        }
        return result
    }

    /// Where a folder stands among the ignore files: its segments below the anchor (the repository's root, or the
    /// walk's root outside a repository) and the files that apply inside it.
    struct IgnoreContext {
        var segments: [[UInt8]]
        var stack: IgnoreStack
    }

    /// The context inside `path` (a folder) or of its folder (a file), with the repository's ignore files above
    /// it, and the verdict on `path` itself or on the first ignored folder above it. Files above the walk's root
    /// are read within the repository: they are the repository's, as git reads them.
    static func ignoreContext(of path: String, isDirectory: Bool, boundary: ReadBoundary) -> (IgnoreContext, IgnoreMatch?) {
        let canonicalPath = ReadBoundary.canonical(path)
        let folder = isDirectory ? canonicalPath : PathText.directory(of: canonicalPath)
        guard let repository = ReadBoundary.repositoryRoot(containing: folder) else {
            // Outside a repository the folder walked is the anchor; a file named has only its own folder's files.
            var stack = IgnoreStack()
            if !isDirectory { loadIgnoreFiles(in: folder, depth: 0, boundary: boundary, onto: &stack) }
            let verdict = isDirectory ? nil : stack.match(parents: [], name: Array(PathText.fileName(of: canonicalPath).utf8), isDirectory: false)
            return (IgnoreContext(segments: [], stack: isDirectory ? IgnoreStack() : stack), verdict)
        }
        let above = boundary.isUnbounded ? boundary : ReadBoundary(rootPaths: [repository])
        var stack = IgnoreStack()
        let gitDirectory = repository == "/" ? "/.git" : repository + "/.git"
        if directoryIdentity(gitDirectory) != nil,
            case .success(let bytes) = NoteReader.readAll(path: gitDirectory + "/info/exclude", boundary: above, limit: ignoreFileLimit) {
            stack.push(IgnoreFile(path: gitDirectory + "/info/exclude", depth: 0, bytes: bytes))
        }
        let relative = PathText.relative(canonicalPath, to: repository)
        let names = relative == canonicalPath ? [] : relative.split(separator: "/").map { Array($0.utf8) }
        var current = repository
        var verdict: IgnoreMatch?
        var parents: [[UInt8]] = []
        for (index, name) in names.enumerated() {
            let isLast = index == names.count - 1
            loadIgnoreFiles(in: current, depth: parents.count, boundary: above, onto: &stack)
            if verdict == nil, let match = stack.match(parents: parents, name: name, isDirectory: !isLast || isDirectory), match.isIgnored {
                verdict = match
            }
            parents.append(name)
            current = (current == "/" ? "" : current) + "/" + String(decoding: name, as: UTF8.self)
        }
        if !isDirectory, !parents.isEmpty { parents.removeLast() }
        // The walk reads the root's own files when it enters it.
        return (IgnoreContext(segments: parents, stack: stack), verdict)
    }

    /// Larger ignore files are passed over: real ones are a few kilobytes, and every pattern costs time at every
    /// entry of the walk below it.
    public static let ignoreFileLimit = 1 << 20

    static func loadIgnoreFiles(in directory: String, depth: Int, boundary: ReadBoundary, onto stack: inout IgnoreStack) {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in ignoreFileNames {
            if case .success(let bytes) = NoteReader.readAll(path: prefix + name, boundary: boundary, limit: ignoreFileLimit) {
                stack.push(IgnoreFile(path: prefix + name, depth: depth, bytes: bytes))
            }
        }
    }

    static func reason(_ match: IgnoreMatch) -> String {
        "\(PathText.shown(PathText.normalize(match.file.path))):\(match.pattern.line): \(match.pattern.text)"
    }

    /// Byte-wise order, the same in every locale; String's own `<` compares Unicode canonical forms instead.
    static func sortedByBytes(_ paths: [String]) -> [String] {
        sortedByBytes(paths, by: \.self)
    }

    static func sortedByBytes<Item>(_ items: [Item], by path: (Item) -> String) -> [Item] {
        let keyed = items.map { (bytes: Array(path($0).utf8), item: $0) }
        return keyed.sorted { left, right in
            let common = min(left.bytes.count, right.bytes.count)
            let order = left.bytes.withUnsafeBytes { l in
                right.bytes.withUnsafeBytes { r in common == 0 ? 0 : memcmp(l.baseAddress!, r.baseAddress!, common) }
            }
            return order != 0 ? order < 0 : left.bytes.count < right.bytes.count
        }.map(\.item)
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
        _ root: String, identity: DirectoryIdentity, context: IgnoreContext, honoursIgnoreFiles: Bool, boundary: ReadBoundary,
        visited: inout Set<DirectoryIdentity>, into found: inout [String], skipping skipped: inout [Skipped],
        ignoring ignored: inout [Ignored]
    ) {
        guard visited.insert(identity).inserted else { return }
        var pending = [(path: root, context: context)]
        while let (directory, inherited) = pending.popLast() {
            guard let stream = opendir(directory) else {
                skipped.append(Skipped(path: directory, kind: .unreadableDirectory, reason: errorText()))
                continue
            }
            defer { closedir(stream) }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            var context = inherited
            if honoursIgnoreFiles {
                loadIgnoreFiles(in: directory, depth: context.segments.count, boundary: boundary, onto: &context.stack)
            }
            let stack = context.stack
            // One buffer for every name's bytes: an array per entry would cost an allocation each.
            var buffer: [UInt8] = []
            func nameBytes(_ name: String) -> [UInt8] {
                buffer.removeAll(keepingCapacity: true)
                buffer.append(contentsOf: name.utf8)
                return buffer
            }
            while let entry = readdir(stream) {
                let name = entryName(entry)
                if name == "." || name == ".." { continue }
                let path = prefix + name
                let kind = entryKind(entry, path: path, boundary: boundary)
                if !stack.isEmpty {
                    let isDirectory: Bool
                    switch kind {
                    case .directory: isDirectory = true
                    case .outside(let toFolder): isDirectory = toFolder
                    default: isDirectory = false
                    }
                    // Only folders and notes need a verdict: other files are passed over anyway.
                    if let match = isDirectory || isNoteName(name) ? stack.match(parents: context.segments, name: nameBytes(name), isDirectory: isDirectory) : nil,
                        match.isIgnored
                    {
                        ignored.append(Ignored(path: path, isDirectory: isDirectory, reason: reason(match)))
                        continue
                    }
                }
                switch kind {
                case .outside(let isDirectory):
                    if isDirectory || isNoteName(name) {
                        let what = isDirectory ? "a folder" : "a file"
                        skipped.append(Skipped(
                            path: path, kind: .outsideBoundary,
                            reason: "not followed: a symbolic link to \(what) outside the folder being linted"))
                    }
                case .directory:
                    guard !skippedDirectoryNames.contains(name),
                        let identity = directoryIdentity(path), visited.insert(identity).inserted
                    else { continue }
                    pending.append((path, IgnoreContext(segments: context.segments + [Array(name.utf8)], stack: stack)))
                case .file:
                    if isNoteName(name) { found.append(path) }
                case .other(let reason):
                    if isNoteName(name) { skipped.append(Skipped(path: path, kind: .notANote, reason: reason)) }
                }
            }
        }
    }

    private enum EntryKind { case directory, file, outside(isDirectory: Bool), other(reason: String) }

    private static func entryKind(_ entry: UnsafeMutablePointer<dirent>, path: String, boundary: ReadBoundary) -> EntryKind {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            // Resolve what the link (or an entry of a file system without types) points at.
            var info = stat()
            guard stat(path, &info) == 0 else {
                let isLink = Int32(entry.pointee.d_type) == Int32(DT_LNK)
                return .other(reason: (isLink ? "cannot follow the symbolic link: " : "cannot read file: ") + errorText())
            }
            let isFolderOrFile = info.st_mode & S_IFMT == S_IFDIR || info.st_mode & S_IFMT == S_IFREG
            if isFolderOrFile, !boundary.isUnbounded, isSymbolicLink(entry, path: path), !boundary.contains(path: path) {
                return .outside(isDirectory: info.st_mode & S_IFMT == S_IFDIR)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .other(reason: "not a regular file: " + NoteReader.kindName(info.st_mode))
            }
        case Int32(DT_FIFO): return .other(reason: "not a regular file: a FIFO")
        case Int32(DT_SOCK): return .other(reason: "not a regular file: a socket")
        case Int32(DT_CHR): return .other(reason: "not a regular file: a character device")
        case Int32(DT_BLK): return .other(reason: "not a regular file: a block device")
        default: return .other(reason: "not a regular file")
        }
    }

    private static func isSymbolicLink(_ entry: UnsafeMutablePointer<dirent>, path: String) -> Bool {
        if Int32(entry.pointee.d_type) == Int32(DT_LNK) { return true }
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }

    /// The names in a folder, `.` and `..` left out; nil when it cannot be listed.
    public static func entryNames(in folder: String) -> [String]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                String(cString: $0)
            }
        }
    }
}
