import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintGit
@testable import NotelintReporters
@testable import NotelintSchema

extension GitTests {
    @Suite("Staged notes and their staged content")
    struct StagedNotesTests {
        @Test func listsStagedAdditionsModificationsAndRenamesOnly() throws {
            let repo = try TemporaryGitRepository()
            for name in ["modified", "renamed", "deleted", "edited but unstaged"] {
                try repo.write("\(name).md", TemporaryGitRepository.note(name, body: String(repeating: "Text of \(name).\n", count: 20)))
            }
            try repo.commitAll("Start")
            try repo.write("modified.md", TemporaryGitRepository.note("modified"))
            try repo.move("renamed.md", to: "sub folder/renamed.md")
            try repo.run("rm", "-q", "deleted.md")
            try repo.write("new.markdown", TemporaryGitRepository.note("new"))
            try repo.write("new.txt", "not a note\n")
            try repo.run("add", "modified.md", "new.markdown", "new.txt")
            try repo.write("edited but unstaged.md", TemporaryGitRepository.note("edited"))
            try repo.write("untracked.md", TemporaryGitRepository.note("untracked"))
            #expect(try repo.repository.stagedNotes() == ["modified.md", "new.markdown", "sub folder/renamed.md"].map(repo.path))
        }

        @Test func beforeTheFirstCommitEveryStagedNoteIsNew() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("first.md", TemporaryGitRepository.note("first"))
            try repo.write("later.md", TemporaryGitRepository.note("later"))
            try repo.run("add", "first.md")
            #expect(try repo.repository.stagedNotes() == [repo.path("first.md")])
        }

        @Test func stagedContentIsTheStagedVersionOfAPartlyStagedNote() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("note.md", TemporaryGitRepository.note("committed"))
            try repo.commitAll("Start")
            // CRLF line ends, a byte that is not UTF-8 and no final line break: all must come back as they are.
            let staged = Array("---\r\ntitle: staged\r\n---\r\nBody \u{e9}".utf8) + [0xFF]
            try repo.write("note.md", bytes: staged)
            try repo.run("add", "note.md")
            try repo.write("note.md", TemporaryGitRepository.note("working tree"))
            #expect(try repo.repository.stagedContent(of: repo.path("note.md")) == staged)
            #expect(try repo.repository.stagedContent(of: "note.md") == staged)
            #expect(try repo.repository.workingTreeDiffersFromIndex(path: repo.path("note.md")))
        }

        @Test func aFullyStagedNoteDoesNotDifferFromTheIndex() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("note.md", TemporaryGitRepository.note("v1"))
            try repo.commitAll("Start")
            try repo.write("note.md", TemporaryGitRepository.note("v2"))
            try repo.run("add", "note.md")
            #expect(try !repo.repository.workingTreeDiffersFromIndex(path: repo.path("note.md")))
            #expect(try repo.repository.stagedContent(of: "note.md") == repo.read("note.md"))
        }

        @Test func namesWithSpacesQuotesColonsNewlinesAndGlobCharactersSurvive() throws {
            let repo = try TemporaryGitRepository()
            let names = ["a note with spaces.md", "quote \"and\" back\\slash.md", "1:colon.md", "line\nbreak.md", "[glob]*.md", "caf\u{e9}.md"]
            for name in names { try repo.write(name, TemporaryGitRepository.note(name)) }
            // A pathspec that read `[glob]*.md` as a pattern would also match this one.
            try repo.write("g*.md", TemporaryGitRepository.note("decoy"))
            try repo.commitAll("Start")
            for name in names { try repo.write(name, TemporaryGitRepository.note(name + " v2")) }
            try repo.run("add", "--", ".")
            try repo.write("g*.md", TemporaryGitRepository.note("decoy, edited"))
            let staged = try repo.repository.stagedNotes()
            #expect(Set(staged) == Set(names.map(repo.path)))
            for name in names {
                #expect(try repo.repository.stagedContent(of: repo.path(name)) == Array(TemporaryGitRepository.note(name + " v2").utf8))
                #expect(try !repo.repository.workingTreeDiffersFromIndex(path: repo.path(name)))
            }
            #expect(try repo.repository.workingTreeDiffersFromIndex(path: repo.path("g*.md")))
        }

        @Test func aNameThatIsNotUTF8KeepsTheOtherNamesInLine() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("before.md", TemporaryGitRepository.note("before"))
            try repo.write("after.md", TemporaryGitRepository.note("after"))
            // Latin-1 `é`: a byte that cannot start a UTF-8 sequence, so the name needs creating byte by byte.
            let name = Array(repo.path("caf").utf8) + [0xE9] + Array(".md".utf8)
            let descriptor = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
                open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
            try #require(descriptor >= 0)
            close(descriptor)
            try repo.run("add", "-A")
            #expect(try repo.repository.stagedNotes() == ["after.md", "before.md", "caf\u{FFFD}.md"].map(repo.path))
        }

        /// `git commit -a` stages into a temporary index and names it in `GIT_INDEX_FILE` for its hooks.
        @Test func theIndexNamedByGitIndexFileIsTheOneRead() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("note.md", TemporaryGitRepository.note("v1"))
            try repo.commitAll("Start")
            try repo.write("note.md", TemporaryGitRepository.note("v2"))
            var commitIndex = repo.git
            commitIndex.environment["GIT_INDEX_FILE"] = repo.path(".git/commit-index")
            try repo.run("read-tree", "HEAD", "--index-output=.git/commit-index")
            _ = try commitIndex.succeed(["add", "note.md"], in: repo.root)
            let hookView = GitRepository(root: repo.root, git: commitIndex)
            #expect(try repo.repository.stagedNotes().isEmpty)
            #expect(try hookView.stagedNotes() == [repo.path("note.md")])
            #expect(try hookView.stagedContent(of: "note.md") == Array(TemporaryGitRepository.note("v2").utf8))
        }

        @Test func aPathOutsideTheRepositoryIsRefused() throws {
            let repo = try TemporaryGitRepository()
            #expect(throws: GitError.notARepository(path: "/elsewhere/note.md")) {
                try repo.repository.stagedContent(of: "/elsewhere/note.md")
            }
        }
    }
}
