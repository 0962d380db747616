import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A git work tree, asked which notes changed and what the index holds, for CI gates and pre-commit hooks.
///
/// Every path it returns is absolute (the root joined with git's root-relative path), so that it opens the
/// right file whatever the current directory; shorten them for display with `PathText.relative`. Notes are
/// the files `NoteFinder` would pick: names ending in `.md` or `.markdown`. Lists are sorted byte-wise.
public struct GitRepository: Sendable {
    /// The work tree's top folder, absolute, as git reports it (symbolic links resolved).
    public let root: String
    public let git: GitCommand

    public init(root: String, git: GitCommand = GitCommand()) {
        self.root = root
        self.git = git
    }

    /// The repository whose work tree holds `path` (a file or a folder).
    public init(containing path: String, git: GitCommand = GitCommand()) throws(GitError) {
        self.init(root: try Self.root(containing: path, git: git), git: git)
    }

    /// The top folder of the work tree holding `path` (`git rev-parse --show-toplevel`).
    public static func root(containing path: String, git: GitCommand = GitCommand()) throws(GitError) -> String {
        let directory = isDirectory(path) ? path : PathText.directory(of: path)
        let arguments = ["rev-parse", "--show-toplevel"]
        let output = try git.run(arguments, in: directory)
        guard output.status == 0 else {
            let message = output.standardError
            if message.contains("not a git repository") || message.contains("must be run in a work tree") {
                throw .notARepository(path: path)
            }
            throw .failed(arguments: arguments, status: output.status, message: message)
        }
        return withoutFinalNewline(output.text)
    }

    /// Notes in the work tree whose content differs from the merge base of `ref` (any revision naming a commit)
    /// and `HEAD`: added, modified or renamed (under the new name) in commits since the base, changed but not yet
    /// committed (staged or not), and new notes not yet added (untracked and not ignored). Deleted notes are left out.
    ///
    /// Comparing with the work tree, not `HEAD`, makes the list match what linting reads from disk: in CI the two
    /// are the same, and on a workstation uncommitted edits are checked before they are pushed.
    public func changedNotes(since ref: String) throws(GitError) -> [String] {
        let revision = try git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], in: root)
        guard revision.status == 0 else { throw .unknownRevision(ref) }
        let mergeBaseArguments = ["merge-base", Self.withoutFinalNewline(revision.text), "HEAD"]
        let mergeBase = try git.run(mergeBaseArguments, in: root)
        guard mergeBase.status == 0 else {
            // Status 1 with nothing printed is git's way of saying there is no common ancestor.
            if mergeBase.status == 1 && mergeBase.standardError.isEmpty { throw .noMergeBase(ref) }
            throw .failed(arguments: mergeBaseArguments, status: mergeBase.status, message: mergeBase.standardError)
        }
        let base = Self.withoutFinalNewline(mergeBase.text)
        let changed = try git.succeed(Self.changedPathsArguments + [base, "--"], in: root)
        let untracked = try git.succeed(["ls-files", "-z", "--others", "--exclude-standard"], in: root)
        return notes(NULSeparatedPaths.changes(changed.standardOutput).map(\.path) + NULSeparatedPaths.fields(untracked.standardOutput))
    }

    /// Notes added, modified or renamed (under the new name) in the index, against `HEAD`, or against nothing
    /// before the first commit.
    public func stagedNotes() throws(GitError) -> [String] {
        let staged = try git.succeed(Self.changedPathsArguments + ["--cached", "--"], in: root)
        return notes(NULSeparatedPaths.changes(staged.standardOutput).map(\.path))
    }

    /// The bytes the index holds for `path` (absolute, or relative to the root): what the next commit would
    /// record, byte for byte, as `git add` stored it (no checkout filter or line-ending conversion applied).
    public func stagedContent(of path: String) throws(GitError) -> [UInt8] {
        // Stage 0 spelled out, so that a name such as `1:x.md` is not read as a stage number.
        try git.succeed(["cat-file", "blob", ":0:" + (try pathInRepository(path))], in: root).standardOutput
    }

    /// What a git-aware run reads of a selected note, decided from git's data, not the working tree.
    public enum SelectedNote: Sendable, Equatable {
        /// The note as the working tree holds it.
        case onDisk(path: String)
        /// These bytes stand for the note: the index's (`--staged`), or for a link inside the repository, its
        /// target's.
        case content(path: String, bytes: [UInt8])
        /// git records a symbolic link leading outside the repository: never read.
        case linkOutside(path: String)
        /// git records a link to a file inside the repository that cannot be read as a note (not in the index,
        /// itself a link): nothing to check until the target is.
        case linkUnresolved(path: String)

        public var path: String {
            switch self {
            case .onDisk(let path), .content(let path, _), .linkOutside(let path), .linkUnresolved(let path): path
            }
        }
    }

    /// The staged notes as a commit would record them. A note the index records as a symbolic link (mode
    /// 120000) holds the link's target as its content: that target, resolved against the link's folder, must lie
    /// inside the repository, and then the note's content is the target's staged content.
    public func stagedNoteContents() throws(GitError) -> [SelectedNote] {
        try select(try stagedNotes(), plain: { note throws(GitError) in .content(path: note, bytes: try stagedContent(of: note)) }) {
            target throws(GitError) in try indexHolds(target) ? try stagedContent(of: root + "/" + target) : nil
        }
    }

    /// `changedNotes(since:)`, with the notes git records as symbolic links judged from the index: one leading
    /// outside the repository is never read, even where the work tree holds it as a plain file
    /// (`core.symlinks=false`); one inside is read from the work tree, within the repository.
    public func changedNoteSelection(since ref: String) throws(GitError) -> [SelectedNote] {
        let boundary = ReadBoundary(rootPaths: [root])
        return try select(try changedNotes(since: ref), plain: { note in .onDisk(path: note) }) { target in
            try? NoteReader.readAll(path: root + "/" + target, boundary: boundary).get()
        }
    }

    /// Each note as `plain` reads it, unless the index records it as a link: then as `target` reads the file it
    /// leads to (relative to the root), or reported when it leads outside or to nothing `target` can read.
    private func select(
        _ notes: [String], plain: (String) throws(GitError) -> SelectedNote,
        target: (String) throws(GitError) -> [UInt8]?
    ) throws(GitError) -> [SelectedNote] {
        guard !notes.isEmpty else { return [] }
        let links = try indexLinks()
        var result: [SelectedNote] = []
        for note in notes {
            let relative = try pathInRepository(note)
            guard links.contains(relative) else {
                result.append(try plain(note))
                continue
            }
            switch try linkTarget(relative, links: links) {
            case .outside: result.append(.linkOutside(path: note))
            case .link: result.append(.linkUnresolved(path: note))
            case .file(let file): result.append(try target(file).map { .content(path: note, bytes: $0) } ?? .linkUnresolved(path: note))
            }
        }
        return result
    }

    private enum LinkTarget {
        case outside
        /// Another link: not followed further.
        case link
        /// A path relative to the root.
        case file(String)
    }

    /// Where the link at `relative` leads, read from the index.
    private func linkTarget(_ relative: String, links: Set<String>) throws(GitError) -> LinkTarget {
        let text = String(decoding: try stagedContent(of: relative), as: UTF8.self)
        let target = PathText.normalize(text.hasPrefix("/") ? text : PathText.directory(of: root + "/" + relative) + "/" + text)
        guard ReadBoundary.isInside(target, root: root), target != root else { return .outside }
        let targetRelative = PathText.relative(target, to: root)
        return links.contains(targetRelative) ? .link : .file(targetRelative)
    }

    /// Paths (relative to the root) that the index records as symbolic links.
    private func indexLinks() throws(GitError) -> Set<String> {
        let listed = try git.succeed(["ls-files", "--stage", "-z"], in: root)
        var links = Set<String>()
        for record in NULSeparatedPaths.fields(listed.standardOutput) where record.hasPrefix("120000 ") {
            guard let tab = record.firstIndex(of: "\t") else { continue }
            links.insert(String(record[record.index(after: tab)...]))
        }
        return links
    }

    private func indexHolds(_ relative: String) throws(GitError) -> Bool {
        let listed = try git.succeed(["--literal-pathspecs", "ls-files", "-z", "--", relative], in: root)
        return !listed.standardOutput.isEmpty
    }

    /// Whether the file on disk differs from its staged content: a partly staged note, whose staged and
    /// working versions must not be confused.
    public func workingTreeDiffersFromIndex(path: String) throws(GitError) -> Bool {
        let arguments = ["--literal-pathspecs", "diff", "--quiet", "--no-ext-diff", "--", try pathInRepository(path)]
        let output = try git.run(arguments, in: root)
        switch output.status {
        case 0: return false
        case 1: return true
        default: throw .failed(arguments: arguments, status: output.status, message: output.standardError)
        }
    }

    /// The folder git runs hooks from (`git rev-parse --git-path hooks`): `.git/hooks` unless `core.hooksPath`
    /// says otherwise, and the main repository's hooks for a linked work tree.
    public func hooksDirectory() throws(GitError) -> String {
        let path = Self.withoutFinalNewline(try git.succeed(["rev-parse", "--git-path", "hooks"], in: root).text)
        return PathText.normalize(path.hasPrefix("/") ? path : root + "/" + path)
    }

    /// `--no-relative` because a `diff.relative` setting would otherwise narrow the list to the current folder;
    /// `-M` follows renames whatever `diff.renames` says.
    private static let changedPathsArguments = [
        "diff", "--name-status", "-z", "--no-relative", "-M", "--diff-filter=AMR", "--ignore-submodules",
    ]

    private func notes(_ relativePaths: [String]) -> [String] {
        let notes = Set(relativePaths.filter { NoteFinder.isNoteName(String($0.split(separator: "/").last ?? "")) })
        return notes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { root + "/" + $0 }
    }

    /// `path` relative to the root, as git's `:path` and pathspecs want it.
    private func pathInRepository(_ path: String) throws(GitError) -> String {
        guard path.hasPrefix("/") else { return PathText.normalize(path) }
        let relative = PathText.relative(PathText.normalize(path), to: root)
        guard !relative.hasPrefix("/") else { throw .notARepository(path: path) }
        return relative
    }

    private static func withoutFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
