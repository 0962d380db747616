import Testing

@testable import NotelintCore

/// Which files a generator makes pages of, as its own documentation and reader say.
struct SiteContentTests {
    func content(_ generator: SiteGenerator, _ configure: (inout SiteGeneratorDetection.Settings) -> Void = { _ in }) -> SiteContent {
        var settings = SiteGeneratorDetection.Settings()
        settings.contentFolders = generator.conventions.contentFolders
        configure(&settings)
        return SiteContent(generator: generator, settings: settings)
    }

    @Test func jekyllReadsPostsDraftsAndCollectionsButNotItsOtherUnderscoreOrDotFolders() {
        let site = content(.jekyll) {
            $0.collections = ["docs"]
            $0.included = ["_pages", ".well-known"]
            $0.excluded = ["drafts-old", "*.tmp.md", "/notes/private/"]
        }
        for page in [
            "about.md", "_posts/2024-01-01-a.md", "news/_posts/2024-01-01-b.md", "_drafts/c.md", "_docs/d.md",
            "_pages/e.md", ".well-known/f.md", "notes/public/g.md", "notes/private.md",
        ] {
            #expect(site.exclusion(ofRelativePath: page) == nil, "\(page)")
        }
        #expect(site.exclusion(ofRelativePath: "_layouts/page.md") == "Jekyll does not read `_layouts/` (a name starting with `_`)")
        #expect(site.exclusion(ofRelativePath: "news/_includes/x.md") == "Jekyll does not read `news/_includes/` (a name starting with `_`)")
        #expect(site.exclusion(ofRelativePath: ".github/ISSUE_TEMPLATE/bug.md") == "Jekyll does not read `.github/` (a name starting with `.`)")
        #expect(site.exclusion(ofRelativePath: "_index.md") == "Jekyll does not read `_index.md` (a name starting with `_`)")
        #expect(site.exclusion(ofRelativePath: "backup.md~") != nil)
        // A collection is read from the collections' folder only; `_posts` anywhere.
        #expect(site.exclusion(ofRelativePath: "guides/_docs/d.md") != nil)
        #expect(site.exclusion(ofRelativePath: "drafts-old/x.md") == "in Jekyll's `exclude:` (`drafts-old`)")
        #expect(site.exclusion(ofRelativePath: "notes/a.tmp.md") == "in Jekyll's `exclude:` (`*.tmp.md`)")
        #expect(site.exclusion(ofRelativePath: "notes/private/h.md") == "in Jekyll's `exclude:` (`/notes/private/`)")
        // Jekyll's own defaults apply whatever the site's `exclude:` says.
        #expect(site.exclusion(ofRelativePath: "vendor/bundle/ruby/3.3.0/gems/minima-2.5.1/README.md") == "in Jekyll's `exclude:` (`vendor/bundle/`)")
        #expect(site.exclusion(ofRelativePath: "node_modules/x/README.md") != nil)
    }

    @Test func jekyllCollectionsLiveInCollectionsDir() {
        let site = content(.jekyll) {
            $0.collections = ["recipes"]
            $0.collectionsFolder = "my_collections"
        }
        #expect(site.exclusion(ofRelativePath: "my_collections/_recipes/soup.md") == nil)
        #expect(site.exclusion(ofRelativePath: "my_collections/_posts/2024-01-01-a.md") == nil)
        #expect(site.exclusion(ofRelativePath: "_recipes/soup.md") != nil)
    }

    @Test func hugoAstroDocusaurusAndMkDocsKeepToTheirContentFolders() {
        let hugo = content(.hugo)
        #expect(hugo.exclusion(ofRelativePath: "content/posts/a.md") == nil)
        #expect(hugo.exclusion(ofRelativePath: "content/_index.md") == nil)
        #expect(hugo.exclusion(ofRelativePath: "themes/docsy/README.md") == "outside Hugo's content folder `content/`")
        #expect(hugo.exclusion(ofRelativePath: "archetypes/default.md") != nil)
        #expect(hugo.exclusion(ofRelativePath: "contents/a.md") != nil)
        let moved = content(.hugo) { $0.contentFolders = ["site/content"] }
        #expect(moved.exclusion(ofRelativePath: "site/content/a.md") == nil)
        #expect(moved.exclusion(ofRelativePath: "content/a.md") != nil)
        #expect(content(.astro).exclusion(ofRelativePath: "src/content/blog/a.md") == nil)
        #expect(content(.astro).exclusion(ofRelativePath: "src/pages/a.md") != nil)
        let docusaurus = content(.docusaurus)
        #expect(docusaurus.exclusion(ofRelativePath: "docs/intro.md") == nil)
        #expect(docusaurus.exclusion(ofRelativePath: "blog/2024-01-01-a.md") == nil)
        #expect(docusaurus.exclusion(ofRelativePath: "README.md") == "outside Docusaurus's content folders `docs/`, `blog/`")
        let mkdocs = content(.mkdocs) { $0.contentFolders = ["site-docs"] }
        #expect(mkdocs.exclusion(ofRelativePath: "site-docs/index.md") == nil)
        #expect(mkdocs.exclusion(ofRelativePath: "docs/index.md") != nil)
    }

    @Test func obsidianLeavesOutItsTrashAndEleventyReadsEverything() {
        #expect(content(.obsidian).exclusion(ofRelativePath: ".trash/old.md") == "in Obsidian's trash (`.trash/`)")
        #expect(content(.obsidian).exclusion(ofRelativePath: "daily/.trash.md") == nil)
        #expect(content(.eleventy).exclusion(ofRelativePath: "_includes/x.md") == nil)
        #expect(content(.none).exclusion(ofRelativePath: "anything/at/all.md") == nil)
    }
}
