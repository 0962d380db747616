import Foundation
import Testing

let installedNeovim: String? = ["/usr/bin/nvim", "/usr/local/bin/nvim", "/opt/homebrew/bin/nvim"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// Neovim's built-in LSP client (headless) with the README's set-up, on the seed note: diagnostics at the right
/// places, the tag-spelling quick fix applied to the buffer, completion of the schema's missing keys.
@Suite(.enabled(if: installedNeovim != nil, "Neovim is not installed (scripts/setup.sh installs it)"))
struct NeovimClientTests {
    static var neovim: String? { installedNeovim }

    /// The first ```lua block under the README's `### Neovim` heading.
    static func readmeSnippet() throws -> String {
        let readme = try String(contentsOfFile: Workspace.repository + "/README.md", encoding: .utf8)
        guard let heading = readme.range(of: "\n### Neovim\n"),
            let open = readme.range(of: "```lua\n", range: heading.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else { throw CocoaError(.fileReadCorruptFile) }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test func diagnosticsQuickFixAndCompletionOnTheSeedNote() throws {
        let binary = Workspace.repository + "/.build/debug/notelint"
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build")
        let workspace = try Workspace()
        let rules = Workspace.repository + "/Rules/"
        try FileManager.default.removeItem(atPath: workspace.path(".lint.yml"))
        try FileManager.default.copyItem(atPath: rules + "default.lint.yml", toPath: workspace.path(".lint.yml"))
        for name in ["tags.txt", "tag-replacements.txt"] { try FileManager.default.copyItem(atPath: rules + name, toPath: workspace.path(name)) }
        try FileManager.default.copyItem(atPath: Workspace.repository + "/Fixtures/bad/draft-status/korean-war-origins-draft.md", toPath: workspace.path("seed.md"))
        // The seed's misspelled tag, as the shared seed note has it.
        let seed = try String(contentsOfFile: workspace.path("seed.md"), encoding: .utf8)
        try workspace.write("seed.md", seed.replacingOccurrences(of: "- decision-making-calculus\n", with: "- decision-making-calculu\n"))
        try workspace.write("snippet.lua", try Self.readmeSnippet())

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.neovim!)
        process.arguments = ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + Workspace.repository + "/Tests/Editors/neovim-client.lua"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.root)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = (binary as NSString).deletingLastPathComponent + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NOTELINT_SNIPPET"] = workspace.path("snippet.lua")
        environment["NOTELINT_NOTE"] = workspace.path("seed.md")
        environment["NOTELINT_RESULT"] = workspace.path("result.txt")
        environment["XDG_STATE_HOME"] = workspace.path("state")
        environment["XDG_CONFIG_HOME"] = workspace.path("config")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("Neovim did not finish within 120 seconds")
        }
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: workspace.path("result.txt"), encoding: .utf8)) ?? ""
        var results: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            results[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        #expect(results["error"] == nil, "\(results["error"] ?? "")")
        #expect(results["diagnostics"] == "true")
        #expect(results["draft_status"] == "30:8")
        #expect(results["fix_title"]?.hasPrefix("tag-spelling:") == true)
        #expect(results["fix_title"]?.hasSuffix("(unsafe)") == true)
        #expect(results["tag_line"] == "- decision-making-calculus")
        #expect(results["diagnostics_after_fix"] == "true")
        let labels = Set(results["completion", default: ""].split(separator: ",").map(String.init))
        #expect(labels.contains("guest") && labels.contains("insight"), "\(labels)")
        #expect(!labels.contains("title"))
    }
}
