import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintGit
@testable import NotelintReporters
@testable import NotelintSchema

extension GitTests {
    @Suite("Notes changed since a branch point")
    struct ChangedNotesTests {
        /// main: five notes and a text file; `feature` branches off, then main moves on by editing `kept.md`.
        private func branchedRepository() throws -> TemporaryGitRepository {
            let repo = try TemporaryGitRepository()
            for name in ["kept", "modified", "renamed", "deleted", "untouched"] {
                try repo.write("\(name).md", TemporaryGitRepository.note(name, body: String(repeating: "A line of \(name).\n", count: 20)))
            }
            try repo.write("notes.txt", "not a note\n")
            try repo.commitAll("Start")
            try repo.run("checkout", "-q", "-b", "feature")
            try repo.write("modified.md", TemporaryGitRepository.note("modified, now longer"))
            try repo.move("renamed.md", to: "moved/renamed note.md")
            try repo.run("rm", "-q", "deleted.md")
            try repo.write("added note.md", TemporaryGitRepository.note("added"))
            try repo.write("added.markdown", TemporaryGitRepository.note("added with the long extension"))
            try repo.write("added.txt", "not a note either\n")
            try repo.commitAll("Feature work")
            try repo.run("checkout", "-q", "main")
            try repo.write("kept.md", TemporaryGitRepository.note("kept, edited on main"))
            try repo.commitAll("Main moves on")
            try repo.run("checkout", "-q", "feature")
            return repo
        }

        @Test func listsAddedModifiedAndRenamedNotesUnderTheirNewNames() throws {
            let repo = try branchedRepository()
            let changed = try repo.repository.changedNotes(since: "main")
            // Not `kept.md`: main changed it after the branch point, and that is not this branch's change.
            // Not `deleted.md`, `renamed.md` (the old name), `notes.txt` or `added.txt`.
            #expect(changed == ["added note.md", "added.markdown", "modified.md", "moved/renamed note.md"].map(repo.path))
        }

        @Test func includesUncommittedEditsAndUntrackedNotesButNotIgnoredOnes() throws {
            let repo = try branchedRepository()
            try repo.write(".gitignore", "ignored.md\n")
            try repo.write("untouched.md", TemporaryGitRepository.note("untouched no more"))
            try repo.write("staged.md", TemporaryGitRepository.note("staged only"))
            try repo.run("add", "staged.md")
            try repo.write("untracked.md", TemporaryGitRepository.note("untracked"))
            try repo.write("ignored.md", TemporaryGitRepository.note("ignored"))
            try repo.run("rm", "-q", "modified.md")
            let changed = try repo.repository.changedNotes(since: "main")
            #expect(changed == [
                "added note.md", "added.markdown", "moved/renamed note.md", "staged.md", "untouched.md", "untracked.md",
            ].map(repo.path))
        }

        @Test func acceptsAnyRevisionThatNamesACommit() throws {
            let repo = try branchedRepository()
            let mainCommit = try repo.run("rev-parse", "main").trimmingCharacters(in: "\n")
            #expect(try repo.repository.changedNotes(since: mainCommit) == repo.repository.changedNotes(since: "main"))
            #expect(try repo.repository.changedNotes(since: "HEAD").isEmpty)
        }

        @Test func anUnknownRevisionIsNamed() throws {
            let repo = try branchedRepository()
            #expect(throws: GitError.unknownRevision("origin/nowhere")) { try repo.repository.changedNotes(since: "origin/nowhere") }
            #expect(throws: GitError.unknownRevision("--all")) { try repo.repository.changedNotes(since: "--all") }
        }

        @Test func unrelatedHistoryHasNoMergeBase() throws {
            let repo = try branchedRepository()
            try repo.run("checkout", "-q", "--orphan", "unrelated")
            try repo.commitAll("A history of its own")
            #expect(throws: GitError.noMergeBase("main")) { try repo.repository.changedNotes(since: "main") }
        }
    }
}
