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
    private static let skippedDirectoryNameBytes = Set(skippedDirectoryNames.map { Array($0.utf8) })

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
            result.notes.append(contentsOf: found)
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
            loadIgnoreFile(prefix + name, depth: depth, boundary: boundary, onto: &stack)
        }
    }

    static func loadIgnoreFile(_ path: String, depth: Int, boundary: ReadBoundary, onto stack: inout IgnoreStack) {
        if case .success(let bytes) = NoteReader.readAll(path: path, boundary: boundary, limit: ignoreFileLimit) {
            stack.push(IgnoreFile(path: path, depth: depth, bytes: bytes))
        }
    }

    static func reason(_ match: IgnoreMatch) -> String {
        "\(PathText.shown(PathText.normalize(match.file.path))):\(match.pattern.line): \(match.pattern.text)"
    }

    /// Byte-wise order, the same in every locale; String's own `<` compares Unicode canonical forms instead.
    static func sortedByBytes<Item>(_ items: [Item], by path: (Item) -> String) -> [Item] {
        let keyed = items.map { (bytes: Array(path($0).utf8), item: $0) }
        return keyed.sorted { compareBytes($0.bytes, $1.bytes) < 0 }.map(\.item)
    }

    public static func isNoteName(_ name: String) -> Bool {
        hasNoteSuffix(Array(name.utf8))
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

    /// An entry of a folder that the walk keeps: a note, or a folder to enter.
    private struct Listed {
        var path: String
        /// The name's bytes, a folder's with a `/` after them: sorting these within each folder and walking
        /// depth first yields the notes in the byte-wise order of their whole paths (`a.md` before `a/b.md`),
        /// without a sort over every path at the end.
        var key: [UInt8]
        var folder: DirectoryIdentity?
    }

    /// A folder whose listing is being walked.
    private struct Frame {
        var entries: [Listed]
        var next = 0
        var context: IgnoreContext
    }

    /// Depth first in byte-wise order, iterative so that a deep tree cannot exhaust the stack.
    private static func walk(
        _ root: String, identity: DirectoryIdentity, context: IgnoreContext, honoursIgnoreFiles: Bool, boundary: ReadBoundary,
        visited: inout Set<DirectoryIdentity>, into found: inout [String], skipping skipped: inout [Skipped],
        ignoring ignored: inout [Ignored]
    ) {
        guard visited.insert(identity).inserted else { return }
        var frames: [Frame] = []
        func enter(_ directory: String, _ inherited: IgnoreContext) {
            if let frame = list(
                directory, context: inherited, honoursIgnoreFiles: honoursIgnoreFiles, boundary: boundary,
                visited: &visited, skipping: &skipped, ignoring: &ignored)
            {
                frames.append(frame)
            }
        }
        enter(root, context)
        while !frames.isEmpty {
            let top = frames.count - 1
            guard frames[top].next < frames[top].entries.count else {
                frames.removeLast()
                continue
            }
            let entry = frames[top].entries[frames[top].next]
            frames[top].next += 1
            guard entry.folder != nil else {
                found.append(entry.path)
                continue
            }
            let parent = frames[top].context
            enter(entry.path, IgnoreContext(segments: parent.segments + [Array(entry.key.dropLast())], stack: parent.stack))
        }
    }

    /// One folder's notes and subfolders, sorted, after its ignore files have had their say; nil when it cannot be
    /// listed (then it is reported). A subfolder reached before by another path (a link) is left out.
    private static func list(
        _ directory: String, context inherited: IgnoreContext, honoursIgnoreFiles: Bool, boundary: ReadBoundary,
        visited: inout Set<DirectoryIdentity>, skipping skipped: inout [Skipped], ignoring ignored: inout [Ignored]
    ) -> Frame? {
        guard let stream = opendir(directory) else {
            skipped.append(Skipped(path: directory, kind: .unreadableDirectory, reason: errorText()))
            return nil
        }
        defer { closedir(stream) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        // Only names that can matter are turned into strings: notes, folders, links and ignore files.
        var candidates: [(name: [UInt8], type: UInt8)] = []
        var ignoreFilesPresent = [Bool](repeating: false, count: ignoreFileNames.count)
        while let entry = readdir(stream) {
            let type = entry.pointee.d_type
            let kept: [UInt8]? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                let name = UnsafeRawBufferPointer(rebasing: raw[0..<length])
                if isDotOrDotDot(name) { return nil }
                if honoursIgnoreFiles, type != UInt8(DT_DIR), let index = ignoreFileIndex(name) { ignoreFilesPresent[index] = true }
                if type == UInt8(DT_REG) && !hasNoteSuffix(name) { return nil }
                return Array(name)
            }
            if let kept { candidates.append((kept, type)) }
        }
        var context = inherited
        if honoursIgnoreFiles {
            for (index, name) in ignoreFileNames.enumerated() where ignoreFilesPresent[index] {
                loadIgnoreFile(prefix + name, depth: context.segments.count, boundary: boundary, onto: &context.stack)
            }
        }
        let stack = context.stack
        var entries: [Listed] = []
        entries.reserveCapacity(candidates.count)
        for candidate in candidates {
            let path = prefix + String(decoding: candidate.name, as: UTF8.self)
            let isNote = hasNoteSuffix(candidate.name)
            let kind = entryKind(type: candidate.type, path: path, boundary: boundary)
            if !stack.isEmpty {
                let isDirectory: Bool
                switch kind {
                case .directory: isDirectory = true
                case .outside(let toFolder): isDirectory = toFolder
                default: isDirectory = false
                }
                // Only folders and notes need a verdict: other files are passed over anyway.
                if isDirectory || isNote, let match = stack.match(parents: context.segments, name: candidate.name, isDirectory: isDirectory),
                    match.isIgnored
                {
                    ignored.append(Ignored(path: path, isDirectory: isDirectory, reason: reason(match)))
                    continue
                }
            }
            switch kind {
            case .outside(let isDirectory):
                if isDirectory || isNote {
                    let what = isDirectory ? "a folder" : "a file"
                    skipped.append(Skipped(
                        path: path, kind: .outsideBoundary,
                        reason: "not followed: a symbolic link to \(what) outside the folder being linted"))
                }
            case .directory:
                guard !skippedDirectoryNameBytes.contains(candidate.name), let identity = directoryIdentity(path) else { continue }
                entries.append(Listed(path: path, key: candidate.name + [UInt8(ascii: "/")], folder: identity))
            case .file:
                if isNote { entries.append(Listed(path: path, key: candidate.name, folder: nil)) }
            case .other(let reason):
                if isNote { skipped.append(Skipped(path: path, kind: .notANote, reason: reason)) }
            }
        }
        // Sorted through small (prefix, index) pairs: most names differ in their first eight bytes.
        var order = entries.indices.map { (prefix: bigEndianPrefix(entries[$0].key), index: $0) }
        order.sort { left, right in
            if left.prefix != right.prefix { return left.prefix < right.prefix }
            return compareBytes(entries[left.index].key, entries[right.index].key) < 0
        }
        var sorted: [Listed] = []
        sorted.reserveCapacity(entries.count)
        for (_, index) in order {
            // Claimed in walking order, so which of two paths to one folder is walked does not depend on `readdir`.
            if let folder = entries[index].folder, !visited.insert(folder).inserted { continue }
            sorted.append(entries[index])
        }
        return Frame(entries: sorted, context: context)
    }

    private static func isDotOrDotDot(_ name: UnsafeRawBufferPointer) -> Bool {
        let dot = UInt8(ascii: ".")
        return (name.count == 1 && name[0] == dot) || (name.count == 2 && name[0] == dot && name[1] == dot)
    }

    /// `isNoteName` on bytes, before any string is made.
    private static func hasNoteSuffix<Bytes: RandomAccessCollection<UInt8>>(_ name: Bytes) -> Bool where Bytes.Index == Int {
        for suffix in noteSuffixBytes where name.count > suffix.count {
            var matched = true
            var index = name.endIndex - suffix.count
            for byte in suffix {
                if name[index] != byte {
                    matched = false
                    break
                }
                index += 1
            }
            if matched { return true }
        }
        return false
    }

    private static let noteSuffixBytes = noteExtensions.map { Array($0.utf8) }
    private static let ignoreFileNameBytes = ignoreFileNames.map { Array($0.utf8) }

    private static func ignoreFileIndex(_ name: UnsafeRawBufferPointer) -> Int? {
        ignoreFileNameBytes.firstIndex { $0.elementsEqual(name) }
    }

    /// The first eight bytes as one number that orders like them; names hold no NUL, so padding sorts first.
    private static func bigEndianPrefix(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value = value << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
        return value
    }

    private static func compareBytes(_ left: [UInt8], _ right: [UInt8]) -> Int32 {
        let common = min(left.count, right.count)
        let order = left.withUnsafeBytes { l in
            right.withUnsafeBytes { r in common == 0 ? 0 : memcmp(l.baseAddress!, r.baseAddress!, common) }
        }
        if order != 0 { return order }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    private enum EntryKind { case directory, file, outside(isDirectory: Bool), other(reason: String) }

    private static func entryKind(type: UInt8, path: String, boundary: ReadBoundary) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            // Resolve what the link (or an entry of a file system without types) points at.
            var info = stat()
            guard stat(path, &info) == 0 else {
                let isLink = Int32(type) == Int32(DT_LNK)
                return .other(reason: (isLink ? "cannot follow the symbolic link: " : "cannot read file: ") + errorText())
            }
            let isFolderOrFile = info.st_mode & S_IFMT == S_IFDIR || info.st_mode & S_IFMT == S_IFREG
            if isFolderOrFile, !boundary.isUnbounded, isSymbolicLink(type: type, path: path), !boundary.contains(path: path) {
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

    private static func isSymbolicLink(type: UInt8, path: String) -> Bool {
        if Int32(type) == Int32(DT_LNK) { return true }
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
