import Foundation
import Testing

/// Ignore files, `--no-ignore`, `--force-exclude` and `--list-files`, through the real binary.
struct IgnoreOptionTests {
    static let good = GitRunTests.good
    static let failing = LintOptionTests.failing

    func tree(_ files: [String: String], git: Bool) throws -> String {
        let folder = try CommandRunner.temporaryFolder()
        if git { try CommandRunner.git(["init", "-q", "-b", "main"], in: folder) }
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A Jekyll site as `bundle install --path vendor/bundle` leaves it: the gems' READMEs are Markdown with front
    /// matter that is not the site's, and the site's `.gitignore` lists `vendor/`.
    static let jekyllSite = [
        "_config.yml": "title: A site\nexclude: [vendor]\n",
        ".gitignore": "_site/\n.sass-cache/\n.jekyll-cache/\nvendor/\n",
        "_posts/2024-01-01-hello.md": good,
        "about.md": good,
        "_site/about.md": failing,
        "vendor/bundle/ruby/3.3.0/gems/jekyll-4.3.3/README.md": failing,
        "vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md": failing,
    ]

    @Test func aJekyllSitesVendorFolderIsNotLinted() throws {
        let site = try tree(Self.jekyllSite, git: true)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try CommandRunner.notelint(["lint", "--no-cache", "."], in: site)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(!result.output.contains("vendor") && !result.output.contains("_site"))
        let unignored = try CommandRunner.notelint(["lint", "--no-cache", "--no-ignore", "."], in: site)
        #expect(unignored.status == 1)
        #expect(unignored.output.contains("vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md"))
        #expect(unignored.output.contains("_site/about.md"))
    }

    @Test func listFilesPrintsTheSelectionAndVerboseSaysWhyNotTheRest() throws {
        var files = Self.jekyllSite
        files[".lint.yml"] = "exclude: [\"drafts/**\"]\n"
        files["drafts/later.md"] = Self.good
        let site = try tree(files, git: true)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let listed = try CommandRunner.notelint(["lint", "--list-files", "."], in: site)
        #expect(listed.status == 0)
        #expect(listed.output == "_posts/2024-01-01-hello.md\nabout.md\n")
        #expect(listed.error.isEmpty)
        let verbose = try CommandRunner.notelint(["lint", "--list-files", "--verbose", "."], in: site)
        #expect(verbose.output == listed.output)
        #expect(verbose.error.contains("notelint: vendor/: not linted: ignored by .gitignore:4: vendor/"))
        #expect(verbose.error.contains("notelint: _site/: not linted: ignored by .gitignore:1: _site/"))
        // The configuration's include/exclude still apply on top of the ignore files.
        #expect(verbose.error.contains("notelint: drafts/later.md: not linted: not in the include/exclude of .lint.yml"))
        // Nothing was checked, so nothing was cached.
        #expect(!FileManager.default.fileExists(atPath: site + "/.notelint-cache"))
        let everything = try CommandRunner.notelint(["lint", "--list-files", "--no-ignore", "."], in: site)
        #expect(everything.output.contains("vendor/bundle/ruby/3.3.0/gems/jekyll-4.3.3/README.md\n"))
        #expect(!everything.output.contains("drafts/later.md"))
    }

    /// With `generator:` in `.lint.yml`, the walk keeps to what the generator makes pages of, ignore files or not.
    @Test func theNamedGeneratorsContentRulesApply() throws {
        // Front matter that no configuration accepts: it would fail the run if it were linted.
        let broken = "---\ntitle: [unclosed\n---\n"
        let site = try tree([
            ".lint.yml": "generator: jekyll\n",
            "_config.yml": "exclude: [drafts-old]\ncollections:\n  docs:\n    output: true\ninclude: [_pages]\n",
            "_posts/2024-01-01-hello.md": Self.good,
            "_docs/guide.md": Self.good,
            "_pages/faq.md": Self.good,
            "about.md": Self.good,
            "_layouts/page.md": broken,
            ".github/ISSUE_TEMPLATE/bug.md": broken,
            "drafts-old/x.md": broken,
            "vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md": broken,
        ], git: false)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let listed = try CommandRunner.notelint(["lint", "--list-files", "--verbose", "."], in: site)
        #expect(listed.output == "_docs/guide.md\n_pages/faq.md\n_posts/2024-01-01-hello.md\nabout.md\n", "\(listed.error)")
        #expect(listed.error.contains(
            "notelint: _layouts/page.md: not linted: Jekyll does not read `_layouts/` (a name starting with `_`), as `generator:` in .lint.yml says"))
        #expect(listed.error.contains("notelint: drafts-old/x.md: not linted: in Jekyll's `exclude:` (`drafts-old`), as `generator:` in .lint.yml says"))
        #expect(listed.error.contains("vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md: not linted: in Jekyll's `exclude:` (`vendor/bundle/`)"))
        let linted = try CommandRunner.notelint(["lint", "--no-cache", "."], in: site)
        #expect(linted.status == 0, "\(linted.output)\(linted.error)")
        // Named, a file is linted all the same, as with ignore files.
        let named = try CommandRunner.notelint(["lint", "--no-cache", "_layouts/page.md"], in: site)
        #expect(named.status == 1)

        let hugo = try tree([
            ".lint.yml": "generator: hugo\n",
            "hugo.toml": "baseURL = 'https://example.org/'\ncontentDir = 'site'\n",
            "site/posts/a.md": Self.good,
            "content/stale.md": broken,
            "themes/docsy/README.md": broken,
            "archetypes/default.md": broken,
        ], git: false)
        defer { try? FileManager.default.removeItem(atPath: hugo) }
        let hugoListed = try CommandRunner.notelint(["lint", "--list-files", "--verbose", "."], in: hugo)
        #expect(hugoListed.output == "site/posts/a.md\n")
        #expect(hugoListed.error.contains("themes/docsy/README.md: not linted: outside Hugo's content folder `site/`"))
    }

    @Test func aNamedFileIsLintedEvenWhenIgnoredUnlessForceExclude() throws {
        let site = try tree(Self.jekyllSite, git: true)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let readme = "vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md"
        let named = try CommandRunner.notelint(["lint", "--no-cache", readme], in: site)
        #expect(named.status == 1)
        #expect(named.output.contains(readme))
        let forced = try CommandRunner.notelint(["lint", "--no-cache", "--force-exclude", readme, "about.md"], in: site)
        #expect(forced.status == 0)
        #expect(!forced.output.contains(readme))
        let forcedList = try CommandRunner.notelint(["lint", "--list-files", "--force-exclude", readme, "about.md", "vendor"], in: site)
        #expect(forcedList.output == "about.md\n")
        // A named folder inside an ignored one is walked; its notes are linted.
        let folder = try CommandRunner.notelint(["lint", "--list-files", "vendor/bundle/ruby/3.3.0/gems/jekyll-4.3.3"], in: site)
        #expect(folder.output == "vendor/bundle/ruby/3.3.0/gems/jekyll-4.3.3/README.md\n")
    }

    @Test func dumpWalksFoldersAsLintDoes() throws {
        let site = try tree(Self.jekyllSite, git: true)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let dumped = try CommandRunner.notelint(["dump", "."], in: site)
        #expect(dumped.status == 0)
        #expect(dumped.output.split(separator: "\n").count == 2)
        #expect(!dumped.output.contains("vendor/"))
        let everything = try CommandRunner.notelint(["dump", "--no-ignore", "."], in: site)
        #expect(everything.output.split(separator: "\n").count == 5)
        #expect(everything.output.contains("vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md"))
    }

    @Test func notelintIgnoreWorksOutsideGit() throws {
        let folder = try tree([
            ".notelintignore": "# generated pages\ngenerated/\n*.draft.md\n!keep.draft.md\n",
            "note.md": Self.good,
            "generated/page.md": Self.failing,
            "idea.draft.md": Self.failing,
            "keep.draft.md": Self.good,
            "sub/.notelintignore": "!idea.draft.md\n",
            "sub/idea.draft.md": Self.good,
        ], git: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listed = try CommandRunner.notelint(["lint", "--list-files", "."], in: folder)
        #expect(listed.output == "keep.draft.md\nnote.md\nsub/idea.draft.md\n")
        #expect(try CommandRunner.notelint(["lint", "--no-cache", "."], in: folder).status == 0)
        #expect(try CommandRunner.notelint(["lint", "--no-cache", "--no-ignore", "."], in: folder).status == 1)
    }
}
