import Foundation
import NotelintCore
import Testing

/// Each generator told from the files at a site's root, and what its configuration says about content.
struct SiteGeneratorDetectionTests {
    /// A scratch folder holding `files` (path to text).
    static func site(_ files: [String: String]) throws -> String {
        let root = try CommandRunner.temporaryFolder()
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test(arguments: [
        (["_config.yml": "title: x\n"], SiteGenerator.jekyll, "_config.yml"),
        (["hugo.yaml": "baseURL: https://example.org/\n"], .hugo, "hugo.yaml"),
        (["config.toml": "baseURL = \"https://example.org/\"\nlanguageCode = \"en\"\n"], .hugo, "config.toml"),
        (["eleventy.config.js": "export default function () {}\n"], .eleventy, "eleventy.config.js"),
        ([".eleventy.js": "module.exports = () => {}\n"], .eleventy, ".eleventy.js"),
        (["src/content.config.ts": "export const collections = {}\n"], .astro, "src/content.config.ts"),
        (["docusaurus.config.js": "module.exports = {}\n"], .docusaurus, "docusaurus.config.js"),
        (["mkdocs.yml": "site_name: x\n"], .mkdocs, "mkdocs.yml"),
        ([".obsidian/app.json": "{}\n"], .obsidian, ".obsidian/"),
        (["config.toml": "[tool.other]\nname = \"x\"\n"], .none, nil),
        (["notes/a.md": "---\ntitle: a\n---\n"], .none, nil),
    ] as [([String: String], SiteGenerator, String?)])
    func generatorsAreToldByTheirFiles(files: [String: String], generator: SiteGenerator, evidence: String?) throws {
        let detection = SiteGeneratorDetection.detect(root: try Self.site(files))
        #expect(detection.generator == generator)
        #expect(detection.evidence == evidence)
    }

    @Test func configurationsNameTheContentFolders() throws {
        let mkdocs = SiteGeneratorDetection.detect(root: try Self.site(["mkdocs.yml": "site_name: x\ndocs_dir: ./pages/\n"]))
        #expect(mkdocs.settings.contentFolders == ["pages"])
        let hugo = SiteGeneratorDetection.detect(root: try Self.site(["hugo.toml": "baseURL = 'https://e.org/'\ncontentDir = \"site/content\"\n[params]\ncontentDir = \"no\"\n"]))
        #expect(hugo.settings.contentFolders == ["site/content"])
        let hugoDefault = SiteGeneratorDetection.detect(root: try Self.site(["hugo.json": "{\"baseURL\": \"https://e.org/\"}\n"]))
        #expect(hugoDefault.settings.contentFolders == ["content"])
        let jekyll = SiteGeneratorDetection.detect(root: try Self.site(["_config.yml": "exclude: [vendor, /Gemfile]\ninclude: [_pages]\n"]))
        #expect(jekyll.settings.excluded == ["vendor", "/Gemfile"])
        #expect(jekyll.settings.included == ["_pages"])
    }

    @Test func aConfigurationThatCannotBeParsedGivesTheDefaults() throws {
        let detection = SiteGeneratorDetection.detect(root: try Self.site(["_config.yml": "exclude: [unclosed\n"]))
        #expect(detection.generator == .jekyll)
        #expect(detection.settings.excluded.isEmpty)
    }

    @Test func everyGeneratorHasConventions() {
        for generator in SiteGenerator.allCases {
            #expect(!generator.conventions.dateKeys.isEmpty)
            #expect(generator.conventions.tagKeys.first == "tags")
            #expect(SiteGenerator(name: generator.rawValue.uppercased()) == generator)
        }
        #expect(SiteGenerator.jekyll.conventions.draftKey == "published" && SiteGenerator.jekyll.conventions.draftValue == false)
        #expect(SiteGenerator.hugo.conventions.dateKeys == ["date", "lastmod", "publishDate", "expiryDate"])
    }
}
