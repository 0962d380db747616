import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintGit

extension GitTests {
    @Suite("Finding the repository, and failing clearly without one")
    struct RepositoryRootTests {
        @Test func theRootIsFoundFromAFolderOrAFileInside() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("deep/er/note.md", TemporaryGitRepository.note("deep"))
            #expect(try GitRepository.root(containing: repo.path("deep/er"), git: repo.git) == repo.root)
            #expect(try GitRepository.root(containing: repo.path("deep/er/note.md"), git: repo.git) == repo.root)
            #expect(try GitRepository(containing: repo.root, git: repo.git).root == repo.root)
        }

        @Test func aFolderOutsideAnyRepositoryIsNamed() throws {
            let repo = try TemporaryGitRepository()
            let outside = repo.folder + "/home"
            // Without the ceiling, git would look on up the temporary folder's parents for a repository.
            var git = repo.git
            git.environment["GIT_CEILING_DIRECTORIES"] = repo.folder
            #expect(throws: GitError.notARepository(path: outside)) { try GitRepository.root(containing: outside, git: git) }
        }

        @Test func missingGitIsNamed() throws {
            let repo = try TemporaryGitRepository()
            let absent = GitCommand(executable: repo.folder + "/no-git-here", environment: repo.git.environment)
            #expect(throws: GitError.gitNotFound) { try GitRepository.root(containing: repo.root, git: absent) }
            var noPath = repo.git
            noPath.environment["PATH"] = repo.folder + "/home"
            #expect(throws: GitError.gitNotFound) { try GitRepository(root: repo.root, git: noPath).stagedNotes() }
        }

        @Test func theErrorsReadAsSentences() {
            #expect(GitError.gitNotFound.description == "git is not installed or not on PATH")
            #expect(GitError.notARepository(path: "notes").description == "notes is not inside a git work tree")
            #expect(GitError.noMergeBase("origin/main").description.contains("fetch more history"))
        }

        @Test func hooksLiveInTheGitFolderOrWhereCoreHooksPathSays() throws {
            let repo = try TemporaryGitRepository()
            #expect(try repo.repository.hooksDirectory() == repo.path(".git/hooks"))
            try repo.run("config", "core.hooksPath", "shared hooks")
            #expect(try repo.repository.hooksDirectory() == repo.path("shared hooks"))
        }
    }

    @Suite("Reading git's NUL-separated output")
    struct NULSeparatedPathsTests {
        @Test func renamesAndCopiesCarryTwoPathsAndOtherChangesOne() {
            let output = Array("M\0a.md\0R087\0old name.md\0new name.md\0A\0b\nc.md\0C100\0x.md\0y.md\0D\0gone.md\0".utf8)
            #expect(NULSeparatedPaths.changes(output) == [
                .init(status: "M", path: "a.md", source: nil),
                .init(status: "R", path: "new name.md", source: "old name.md"),
                .init(status: "A", path: "b\nc.md", source: nil),
                .init(status: "C", path: "y.md", source: "x.md"),
                .init(status: "D", path: "gone.md", source: nil),
            ])
        }

        @Test func emptyOrCutShortOutputGivesWhatIsWhole() {
            #expect(NULSeparatedPaths.changes([]).isEmpty)
            #expect(NULSeparatedPaths.changes(Array("A\0a.md\0R100\0only-old.md\0".utf8)) == [.init(status: "A", path: "a.md", source: nil)])
            #expect(NULSeparatedPaths.fields(Array("one\0two words\0".utf8)) == ["one", "two words"])
        }
    }
}
