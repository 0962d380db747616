import Testing

@testable import NotelintLoader

extension GitTests {
    /// The walk's ignore files against git's own verdicts: git is the reference for gitignore semantics.
    @Suite("Ignore files as git reads them")
    struct IgnoreFilesTests {
        static let rootPatterns = """
            # a comment, and a blank line

            *.log.md
            /anchored.md
            build/
            docs/**/draft.md
            **/generated/
            deep/**
            !deep/keep.md
            \\#hash.md
            \\!bang.md
            space\\ in.md
            tr\\\u{20}
            trailing-blank.md \t 
            trailing-spaces.md\u{20}\u{20}\u{20}
            [abc]class.md
            ?ingle.md
            *.tmp/
            name-only
            sub/nested.md
            a/**/b.md
            [!x]neg.md
            [[:digit:]]num.md
            excluded-dir/
            !excluded-dir/file.md
            \\[lit\\].md
            /rootonly/
            caf??.md
            star*star*.md
            **/x/**/y.md
            [0-2]range.md
            **/*.bak.md
            [a-]dash.md
            """

        static let nestedPatterns = "*.md\n!keep*.md\n/local.md\n"

        static let notes = [
            "keep.md", "x.log.md", "anchored.md", "sub/anchored.md", "build/a.md", "sub/build/b.md", "build.md",
            "docs/draft.md", "docs/x/draft.md", "docs/x/y/draft.md", "docs/other.md", "generated/g.md",
            "x/generated/g.md", "generated.md", "deep/keep.md", "deep/other.md", "deep/sub/keep.md", "#hash.md",
            "!bang.md", "space in.md", "tr /t.md", "tr/t.md", "trailing-blank.md", "trailing-spaces.md", "aclass.md", "dclass.md",
            "single.md", "ingle.md", "cache.tmp/c.md", "file.tmp.md", "name-only/n.md", "sub/nested.md",
            "a/sub/nested.md", "a/b.md", "a/x/b.md", "a/x/y/b.md", "aneg.md", "xneg.md", "1num.md", "anum.md",
            "nested/n.md", "nested/keep-1.md", "nested/local.md", "nested/deeper/d.md", "nested/deeper/local.md",
            "excluded-dir/file.md", "from-exclude.md", "sub/from-exclude.md", "[lit].md", "l.md", "rootonly/r.md",
            "sub/rootonly/r.md", "café.md", "cafe.md", "starXstarY.md", "star.md", "q/x/y.md", "q/x/r/y.md", "x/y.md",
            "y.md", "1range.md", "3range.md", "x.bak.md", "p/q/x.bak.md", "-dash.md", "bdash.md", "ignored-by-dot-ignore.md", "nested/by-notelintignore.md", "nested/kept-again.md",
        ]

        /// Every note of a tree of tricky names, walked under tricky patterns at several levels, is kept exactly
        /// when git lists it as an untracked file that is not ignored.
        @Test func theWalkKeepsExactlyWhatGitDoesNotIgnore() throws {
            let repo = try TemporaryGitRepository()
            for note in Self.notes { try repo.write(note, "---\ntitle: t\n---\n") }
            try repo.write(".gitignore", Self.rootPatterns + "\n")
            try repo.write("nested/.gitignore", Self.nestedPatterns)
            try repo.write("nested/deeper/.gitignore", "!*.md\n")
            try repo.write(".git/info/exclude", "from-exclude.md\n")
            let fromGit = Set(try repo.run("ls-files", "-z", "--others", "--exclude-standard")
                .split(separator: "\0").map(String.init).filter { $0.hasSuffix(".md") })
            let walked = Set(NoteFinder.walk(paths: [repo.root]).notes.map { String($0.dropFirst(repo.root.count + 1)) })
            #expect(walked == fromGit)
            // The tree does exercise the patterns: most of it is ignored, by every level.
            #expect(fromGit.count < Self.notes.count / 2)
            #expect(fromGit.contains("deep/keep.md") && fromGit.contains("nested/deeper/d.md") && !fromGit.contains("nested/n.md"))
        }

        /// A named subfolder is judged by the repository's ignore files above it too, anchored at the root.
        @Test func aSubfolderWalkAppliesTheIgnoreFilesAboveIt() throws {
            let repo = try TemporaryGitRepository()
            for note in Self.notes { try repo.write(note, "---\ntitle: t\n---\n") }
            try repo.write(".gitignore", Self.rootPatterns + "\n")
            try repo.write("nested/.gitignore", Self.nestedPatterns)
            try repo.write("nested/deeper/.gitignore", "!*.md\n")
            for folder in ["sub", "nested", "a", "docs"] {
                let fromGit = Set(try repo.run("ls-files", "-z", "--others", "--exclude-standard", "--", folder)
                    .split(separator: "\0").map(String.init).filter { $0.hasSuffix(".md") })
                let walked = Set(NoteFinder.walk(paths: [repo.path(folder)]).notes.map { String($0.dropFirst(repo.root.count + 1)) })
                #expect(walked == fromGit, "\(folder)")
            }
        }

        /// `.ignore` and `.notelintignore` are read like `.gitignore`; a later file in a folder overrides an earlier.
        @Test func dotIgnoreAndNotelintIgnoreApply() throws {
            let repo = try TemporaryGitRepository()
            for note in ["a.md", "b.md", "c.md", "nested/kept-again.md", "nested/by-notelintignore.md"] {
                try repo.write(note, "---\ntitle: t\n---\n")
            }
            try repo.write(".gitignore", "c.md\n")
            try repo.write(".ignore", "a.md\n!c.md\n")
            try repo.write("nested/.notelintignore", "by-notelintignore.md\n")
            let walk = NoteFinder.walk(paths: [repo.root])
            #expect(walk.notes.map { String($0.dropFirst(repo.root.count + 1)) } == ["b.md", "c.md", "nested/kept-again.md"])
            #expect(walk.ignored.map(\.reason).contains { $0.hasSuffix(".ignore:1: a.md") })
            #expect(NoteFinder.walk(paths: [repo.root], ignoring: .none).notes.count == 5)
        }

        /// An ignored folder is not entered: it is reported once, and nothing inside it is looked at.
        @Test func anIgnoredFolderIsNotEntered() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("vendor/bundle/gems/x/README.md", "# gem\n")
            try repo.write("post.md", "---\ntitle: t\n---\n")
            try repo.write(".gitignore", "vendor/\n")
            let walk = NoteFinder.walk(paths: [repo.root])
            #expect(walk.notes == [repo.path("post.md")])
            #expect(walk.ignored == [NoteFinder.Ignored(path: repo.path("vendor"), isDirectory: true, reason: walk.ignored.first?.reason ?? "")])
            #expect(walk.ignored.first?.reason.hasSuffix(".gitignore:1: vendor/") == true)
        }

        /// Paths named explicitly are used even when ignored, unless `appliesToNamedPaths` (`--force-exclude`).
        @Test func namedPathsAreUsedUnlessForceExcluded() throws {
            let repo = try TemporaryGitRepository()
            try repo.write("vendor/gem.md", "# gem\n")
            try repo.write("drafts/one.md", "# draft\n")
            try repo.write(".gitignore", "vendor/\ndrafts/\n")
            let named = [repo.path("vendor/gem.md"), repo.path("drafts")]
            #expect(NoteFinder.walk(paths: named).notes == [repo.path("vendor/gem.md"), repo.path("drafts/one.md")])
            let forced = NoteFinder.walk(paths: named, ignoring: .init(appliesToNamedPaths: true))
            #expect(forced.notes.isEmpty)
            #expect(forced.ignored.map(\.path) == named)
        }

        /// A hostile pattern costs time linear in names, not exponential.
        @Test func aPathologicalPatternStaysFast() throws {
            let pattern = try #require(IgnorePattern(line: Array((String(repeating: "*a", count: 40) + "*b").utf8), number: 1))
            let name = Array(String(repeating: "a", count: 4000).utf8)
            #expect(!pattern.matches(parents: [], from: 0, name: name, isDirectory: false))
            let deep = try #require(IgnorePattern(line: Array((String(repeating: "**/a/", count: 30) + "b").utf8), number: 1))
            #expect(!deep.matches(parents: Array(repeating: Array("a".utf8), count: 200), from: 0, name: Array("c".utf8), isDirectory: false))
        }
    }
}
