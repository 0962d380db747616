import Foundation
import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText
@testable import NotelintLoader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull request can commit symbolic links, a `.notelint-cache` and a `.lint.yml`: nothing it adds may make
/// notelint read, print or write a file outside the collection (README, Security). Each case runs the real
/// binary unless it needs to act between two steps of a run.
@Suite struct BoundaryTests {
    /// A value no file holds but the process environment the test hands to notelint.
    static let secret = "notelint-secret-\(UUID().uuidString)"

    static let fixable = """
        ---
        title: Outside
        date: 2024-01-01
        draft: false
        status: seedling
        tags: [war, war]
        summary: A note outside the repository.
        layout: note
        ---
        Body \(secret)
        """

    /// `notelint ARGS` in `folder` with the secret in its environment; neither output may ever contain it.
    func notelint(_ arguments: [String], in folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandRunner.Result {
        let result = try CommandRunner.notelint(
            arguments + ["--now", "2025-06-01"], in: folder, environment: ["NOTELINT_TEST_SECRET": Self.secret])
        #expect(!result.output.contains(Self.secret) && !result.error.contains(Self.secret), "the secret leaked", sourceLocation: sourceLocation)
        return result
    }

    func findings(_ result: CommandRunner.Result) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        return diagnostics.map { "\($0["path"] as? String ?? "?") \($0["rule"] as? String ?? "?")" }
    }

    /// A repository (a `.git` folder is enough for the boundary) and a folder beside it.
    final class Layout {
        let folder: String
        var repository: String { folder + "/repo" }
        var outside: String { folder + "/outside" }

        init() throws {
            folder = URL(fileURLWithPath: try CommandRunner.temporaryFolder()).resolvingSymlinksInPath().path
            for name in ["repo/.git", "repo/notes", "outside"] {
                try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            }
            try write("outside/secret.md", BoundaryTests.fixable)
            try write("repo/notes/good.md", HostileFolder.goodText)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }

        func link(_ name: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: destination)
        }

        func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: folder + "/" + name) }
    }

    #if os(Linux)
    @Test func aLinkToTheProcessEnvironmentIsNeverRead() throws {
        let layout = try Layout()
        try layout.link("repo/notes/env.md", to: "/proc/self/environ")
        for format in ["human", "json", "sarif"] {
            let result = try notelint(["lint", "--no-cache", "--format", format, "."], in: layout.repository)
            #expect(result.status == 1)
            #expect(result.output.contains("symlink-outside"), "\(format): \(result.output)")
            #expect(!result.output.contains("PATH="), "\(format): the environment leaked")
        }
        // Named on the command line it is a /proc file: reported, never read.
        let named = try notelint(["lint", "--no-cache", "--format", "json", "notes/env.md", "/proc/self/environ"], in: layout.repository)
        #expect(try findings(named) == ["/proc/self/environ unreadable-file", "notes/env.md unreadable-file"])
        #expect(named.output.contains("not read: it is on the system's /proc file system"))
        // Even with --follow-symlinks: the kernel's files are never notes.
        let followed = try notelint(["lint", "--no-cache", "--follow-symlinks", "--format", "json", "."], in: layout.repository)
        #expect(try findings(followed) == ["./notes/env.md unreadable-file"])
    }
    #endif

    @Test func aLinkToAFixableNoteOutsideIsReportedAndNeverWritten() throws {
        let layout = try Layout()
        try layout.link("repo/notes/linked.md", to: layout.outside + "/secret.md")
        let before = try #require(layout.bytes("outside/secret.md"))
        let result = try notelint(["lint", "--no-cache", "--fix", "--format", "json", "."], in: layout.repository)
        #expect(result.status == 1)
        #expect(try findings(result) == ["./notes/linked.md symlink-outside"])
        #expect(layout.bytes("outside/secret.md") == before)
        // Named explicitly, it is just as outside: the note's root is the repository that holds the link.
        let named = try notelint(["lint", "--no-cache", "--fix", "--format", "json", "notes/linked.md"], in: layout.repository)
        #expect(try findings(named) == ["notes/linked.md symlink-outside"])
        #expect(layout.bytes("outside/secret.md") == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: layout.repository + "/notes/linked.md") == layout.outside + "/secret.md")
        // With --follow-symlinks the owner of the repository asks for it: the note is fixed through the link,
        // which stays a link.
        let followed = try notelint(["lint", "--no-cache", "--fix", "--follow-symlinks", "--format", "json", "."], in: layout.repository)
        #expect(followed.status == 0, "\(followed.output)")
        #expect(layout.bytes("outside/secret.md") != before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: layout.repository + "/notes/linked.md") == layout.outside + "/secret.md")
    }

    @Test func aLinkChainThatLeavesAndReentersTheRootIsFollowed() throws {
        let layout = try Layout()
        // notes/chain.md → ../../outside/hop.md → ../repo/notes/good.md: the file finally named is inside.
        try layout.link("outside/hop.md", to: "../repo/notes/good.md")
        try layout.link("repo/notes/chain.md", to: "../../outside/hop.md")
        // notes/away.md → ../inside.md → ../outside/secret.md: starts inside, ends outside.
        try layout.link("repo/inside.md", to: "outside-link.md")
        try layout.link("repo/outside-link.md", to: "../outside/secret.md")
        try layout.link("repo/notes/away.md", to: "../inside.md")
        let result = try notelint(["lint", "--no-cache", "--format", "json", "notes"], in: layout.repository)
        let found = try findings(result)
        #expect(found.contains("notes/away.md symlink-outside"))
        #expect(!found.contains { $0.hasPrefix("notes/chain.md symlink-outside") })
        #expect(found.filter { $0.hasPrefix("notes/chain.md") } == found.filter { $0.hasPrefix("notes/good.md") }
            .map { $0.replacingOccurrences(of: "notes/good.md", with: "notes/chain.md") })
    }

    @Test func aLinkSwappedBetweenTheWalkAndTheOpenIsNotFollowed() throws {
        let layout = try Layout()
        try layout.write("repo/notes/target.md", HostileFolder.goodText)
        try layout.link("repo/notes/swapped.md", to: "target.md")
        let boundary = ReadBoundary(rootPaths: [layout.repository])
        let walk = NoteFinder.walk(paths: [layout.repository + "/notes"], boundary: boundary)
        #expect(walk.notes.contains(layout.repository + "/notes/swapped.md"))
        // Another process replaces the link after the walk judged it, before the note is opened.
        try FileManager.default.removeItem(atPath: layout.repository + "/notes/swapped.md")
        try layout.link("repo/notes/swapped.md", to: layout.outside + "/secret.md")
        let note = NoteLoader(boundary: boundary).load(path: layout.repository + "/notes/swapped.md")
        #expect(note.problems.map(\.kind) == [.outsideRoot])
        #expect(note.source.bytes.isEmpty)
        if case .failure(.outsideBoundary) = NoteReader.readAll(path: layout.repository + "/notes/swapped.md", boundary: boundary) {
        } else {
            Issue.record("readAll followed the swapped link")
        }
        // A folder on the way swapped for a link: the same check, on the opened file.
        try FileManager.default.moveItem(atPath: layout.repository + "/notes", toPath: layout.repository + "/moved")
        try layout.link("repo/notes", to: layout.outside)
        let throughFolder = NoteLoader(boundary: boundary).load(path: layout.repository + "/notes/secret.md")
        #expect(throughFolder.problems.map(\.kind) == [.outsideRoot])
        // And the writer, which re-resolves the path: it never replaces a file outside.
        let before = try #require(layout.bytes("outside/secret.md"))
        let written = AtomicFileWriter.replace(
            layout.repository + "/notes/secret.md", with: Array("x".utf8), expecting: Array(before), boundary: boundary)
        if case .success = written { Issue.record("the writer wrote outside the boundary") }
        #expect(layout.bytes("outside/secret.md") == before)
    }

    @Test func aLongSingleLineNoteGetsABoundedExcerpt() throws {
        let layout = try Layout()
        let line = String(repeating: "x", count: 1_000_000) + " status: nope " + String(repeating: "漢", count: 1000)
        try layout.write("repo/notes/long.md", line + "\n")
        let result = try notelint(["lint", "--no-cache", "--color", "never", "notes/long.md"], in: layout.repository)
        #expect(result.status == 1)
        #expect(result.output.contains("[front-matter-missing]"))
        #expect(result.output.utf8.count < 2_000, "\(result.output.utf8.count) bytes of output")
        for outputLine in result.output.split(separator: "\n") {
            let columns = outputLine.unicodeScalars.reduce(0) { $0 + TerminalWidth.of($1) }
            #expect(columns <= SourceExcerpt.width + 8, "\(outputLine.prefix(200))")
        }
        // Machine formats carry positions, not the line: a report of the long note is no larger than one of a
        // short note with the same finding.
        try layout.write("repo/notes/short.md", "x\n")
        for format in ["json", "sarif", "github", "junit", "checkstyle", "gitlab"] {
            let long = try notelint(["lint", "--no-cache", "--format", format, "notes/long.md"], in: layout.repository)
            let short = try notelint(["lint", "--no-cache", "--format", format, "notes/short.md"], in: layout.repository)
            #expect(long.output.utf8.count < short.output.utf8.count + 1_000, "\(format): \(long.output.utf8.count) bytes")
        }
    }

    @Test func aCacheFolderCommittedAsALinkIsNotUsed() throws {
        let layout = try Layout()
        try FileManager.default.createDirectory(atPath: layout.folder + "/elsewhere", withIntermediateDirectories: true)
        try layout.link("repo/.notelint-cache", to: layout.folder + "/elsewhere")
        try layout.write("elsewhere/keep.cache", "not notelint's")
        let result = try notelint(["lint", "--format", "json", "notes"], in: layout.repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(try findings(result).isEmpty)
        #expect(result.error.contains(".notelint-cache: not used as the result cache: it is a symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.folder + "/elsewhere") == ["keep.cache"])
        // `clean` would remove notelint's files wherever the link leads: it refuses.
        let clean = try CommandRunner.notelint(["clean"], in: layout.repository)
        #expect(clean.status == 2)
        #expect(clean.error.contains(".notelint-cache: not used as the result cache: it is a symbolic link"), "\(clean.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.folder + "/elsewhere") == ["keep.cache"])
        // A cache folder under a linked folder is refused the same way.
        try FileManager.default.removeItem(atPath: layout.repository + "/.notelint-cache")
        try layout.link("repo/build", to: layout.folder + "/elsewhere")
        let nested = try notelint(["lint", "--cache-dir", "build/cache", "--format", "json", "notes"], in: layout.repository)
        #expect(nested.error.contains("build/cache: not used as the result cache: `\(layout.repository)/build` is a symbolic link"), "\(nested.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.folder + "/elsewhere") == ["keep.cache"])
    }

    @Test func aLinkPlantedInTheCacheFolderIsNeitherReadNorWrittenThrough() throws {
        let layout = try Layout()
        let first = try notelint(["lint", "--format", "json", "notes"], in: layout.repository)
        #expect(first.status == 0, "\(first.error)")
        let cacheFolder = layout.repository + "/.notelint-cache"
        // The notes' results (the run's record and the dictionary's answers beside them are written the same way).
        let tables = try FileManager.default.contentsOfDirectory(atPath: cacheFolder)
            .filter { $0.hasSuffix(".cache") && !$0.hasPrefix("run-") && !$0.hasPrefix("dictionary-") }
        try #require(tables.count == 1)
        // The table swapped for a link to a file outside; a changed note makes the next run save the table again.
        try FileManager.default.removeItem(atPath: cacheFolder + "/" + tables[0])
        try layout.link("repo/.notelint-cache/" + tables[0], to: layout.outside + "/secret.md")
        let before = try #require(layout.bytes("outside/secret.md"))
        try layout.write("repo/notes/new.md", HostileFolder.goodText)
        let second = try notelint(["lint", "--format", "json", "notes"], in: layout.repository)
        #expect(second.status == 0, "\(second.error)")
        #expect(layout.bytes("outside/secret.md") == before)
        let entry = try FileManager.default.attributesOfItem(atPath: cacheFolder + "/" + tables[0])
        #expect(entry[.type] as? FileAttributeType == .typeRegular, "the link was written through, not replaced")
    }

    #if os(Linux)
    @Test func aSchemaPathOfAKernelFileIsAConfigurationError() throws {
        let layout = try Layout()
        try layout.write("repo/.lint.yml", "schemas:\n  - files: [\"**\"]\n    schema: /proc/self/environ\n")
        let result = try notelint(["lint", "--no-cache", "notes"], in: layout.repository)
        #expect(result.status == 2)
        #expect(result.error.contains(".lint.yml:3:13: configuration error: `schema` names `/proc/self/environ`, which is never read"))
        #expect(!result.error.contains("PATH="))
        // Allowing paths outside the repository does not make the kernel's files readable.
        let allowed = try notelint(["lint", "--no-cache", "--allow-outside-config-paths", "notes"], in: layout.repository)
        #expect(allowed.status == 2)
    }
    #endif

    @Test func configurationPathsThatLeaveTheRepositoryAreErrors() throws {
        let layout = try Layout()
        try layout.write("outside/schema.yml", "type: object\nrequired: [\(Self.secret)]\n")
        try layout.link("repo/linked-schema.yml", to: "../outside/schema.yml")
        let cases = [
            ("schema: linked-schema.yml", "3:13: configuration error: `schema` names `linked-schema.yml`"),
            ("schema: ../outside/schema.yml", "3:13: configuration error: `schema` names `../outside/schema.yml`"),
            ("schema: \(layout.outside)/schema.yml", "3:13: configuration error: `schema` names `\(layout.outside)/schema.yml`"),
        ]
        for (line, expected) in cases {
            try layout.write("repo/.lint.yml", "schemas:\n  - files: [\"**\"]\n    \(line)\n")
            let result = try notelint(["lint", "--no-cache", "notes"], in: layout.repository)
            #expect(result.status == 2, "\(line)")
            #expect(result.error.contains(expected), "\(line): \(result.error)")
            #expect(result.error.contains("outside the repository that holds the configuration"))
            // Opted in, the shared schema is used (and its required key, the secret, is reported by name: the
            // person running notelint asked for that file).
            let allowed = try CommandRunner.notelint(
                ["lint", "--no-cache", "--allow-outside-config-paths", "--format", "json", "notes"], in: layout.repository)
            #expect(allowed.status == 1, "\(line): \(allowed.error)")
        }
        // Word lists the same, with the key and place named.
        try layout.write("repo/.lint.yml", "rules:\n  tag-spelling:\n    vocabulary-files: [notes/good.md, ../outside/secret.md]\n")
        let list = try notelint(["lint", "--no-cache", "notes"], in: layout.repository)
        #expect(list.status == 2)
        #expect(list.error.contains(".lint.yml:3:39: configuration error: `tag-spelling.vocabulary-files` names `../outside/secret.md`"), "\(list.error)")
        // A dictionary folder inside the repository whose files lead out of it.
        try FileManager.default.createDirectory(atPath: layout.repository + "/dictionaries", withIntermediateDirectories: true)
        try layout.link("repo/dictionaries/en_US.dic", to: layout.outside + "/secret.md")
        try layout.write("repo/.lint.yml", "rules:\n  tag-spelling:\n    dictionary-folders: [dictionaries]\n")
        let dictionary = try notelint(["lint", "--no-cache", "notes"], in: layout.repository)
        #expect(dictionary.status == 2)
        #expect(dictionary.error.contains("`tag-spelling.dictionary-folders` names `dictionaries/en_US.dic`"), "\(dictionary.error)")
        // A `.lint.yml` that is itself a link out of the repository.
        try FileManager.default.removeItem(atPath: layout.repository + "/.lint.yml")
        try layout.write("outside/config.yml", "rules:\n  \(Self.secret): off\n")
        try layout.link("repo/.lint.yml", to: layout.outside + "/config.yml")
        let linked = try notelint(["lint", "--no-cache", "notes"], in: layout.repository)
        #expect(linked.status == 2)
        #expect(linked.error.contains("cannot read the configuration file: it lies outside the folder being linted"), "\(linked.error)")
    }

    @Test func aStagedLinkIsJudgedFromTheIndex() throws {
        let repository = try TemporaryGitRepository()
        let outside = repository.folder + "/outside.md"
        try Data(Self.fixable.utf8).write(to: URL(fileURLWithPath: outside))
        try repository.write("notes/good.md", HostileFolder.goodText)
        try repository.commitAll("good note")
        try FileManager.default.createSymbolicLink(atPath: repository.path("notes/out.md"), withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: repository.path("notes/in.md"), withDestinationPath: "good.md")
        try FileManager.default.createSymbolicLink(atPath: repository.path("notes/chain.md"), withDestinationPath: "in.md")
        _ = try repository.run("add", "notes/out.md", "notes/in.md", "notes/chain.md")
        let result = try CommandRunner.notelint(
            ["lint", "--staged", "--format", "json", "--now", "2025-06-01"], in: repository.root,
            environment: ["HOME": repository.folder + "/home", "GIT_CONFIG_NOSYSTEM": "1"])
        #expect(!result.output.contains(Self.secret))
        let found = try findings(result)
        #expect(found.contains("notes/out.md symlink-outside"), "\(found) \(result.error)")
        // The link inside is checked with its target's staged content: the good note, clean.
        #expect(!found.contains { $0.hasPrefix("notes/in.md") }, "\(found)")
        // A link to another link inside the repository is not followed further, and is no outside link.
        #expect(!found.contains { $0.hasPrefix("notes/chain.md") }, "\(found)")
        #expect(result.status == 1)
    }

    @Test func aChangedLinkIsJudgedFromGitsDataNotTheWorkTree() throws {
        // A checkout with `core.symlinks=false` holds a link as a plain file whose text is the target: read as a
        // note it would be linted (and quoted); git's data says it is a link leading out.
        let repository = try TemporaryGitRepository()
        let outside = repository.folder + "/outside.md"
        try Data(Self.fixable.utf8).write(to: URL(fileURLWithPath: outside))
        try repository.write("notes/good.md", HostileFolder.goodText)
        try repository.commitAll("good note")
        _ = try repository.run("config", "core.symlinks", "false")
        try repository.write("notes/out.md", outside)
        try repository.write("notes/in.md", "good.md")
        for name in ["notes/out.md", "notes/in.md"] {
            let blob = try repository.run("hash-object", "-w", name).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try repository.run("update-index", "--add", "--cacheinfo", "120000,\(blob),\(name)")
        }
        _ = try repository.run("commit", "-q", "-m", "links")
        let result = try CommandRunner.notelint(
            ["lint", "--changed-since", "HEAD~1", "--no-cache", "--format", "json", "--now", "2025-06-01"], in: repository.root,
            environment: ["HOME": repository.folder + "/home", "GIT_CONFIG_NOSYSTEM": "1"])
        let found = try findings(result)
        #expect(found == ["notes/out.md symlink-outside"], "\(found) \(result.error)")
        #expect(!result.output.contains(outside))
    }

    @Test func quotedValuesInMessagesAreBounded() throws {
        let long = String(repeating: "q", count: 5000)
        let message = Linter.singleLine("`\(long)` is not an allowed value of `status`")
        #expect(message.unicodeScalars.count < 200)
        #expect(message.hasSuffix("` is not an allowed value of `status`"))
        #expect(Linter.singleLine("`short` stays") == "`short` stays")
    }

    /// `singleLine` settles most messages by one look at their bytes: whatever it is given, it says what a plain
    /// walk over the scalars says (this one), long messages with short quotes, CJK, C0 and C1 controls included.
    @Test func messagesAreMadeOneLineAsAWalkOverTheirScalarsMakesThem() {
        func reference(_ message: String) -> String {
            var out = ""
            var quoted: [Unicode.Scalar] = []
            var inQuote = false
            func flush() {
                let kept = quoted.count > Linter.quotedValueLimit
                    ? Array(quoted.prefix(Linter.quotedValueLimit - 11)) + ["…"] + Array(quoted.suffix(10)) : quoted
                out.unicodeScalars.append(contentsOf: kept)
                quoted = []
            }
            for scalar in message.unicodeScalars {
                if scalar == "`" {
                    if inQuote { flush() }
                    inQuote.toggle()
                    out.unicodeScalars.append(scalar)
                    continue
                }
                let written: [Unicode.Scalar] = switch scalar.value {
                case 0x0A: Array("\\n".unicodeScalars)
                case 0x0D: Array("\\r".unicodeScalars)
                case 0x09: [scalar]
                case 0..<0x20, 0x7F...0x9F: Array("\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
                default: [scalar]
                }
                if inQuote { quoted += written } else { out.unicodeScalars.append(contentsOf: written) }
            }
            flush()
            return out
        }
        let pieces = ["`", "title ", "戦争の起源", "é", "e\u{301}", "\n", "\t", "\u{1B}[31m", "\u{85}", "\u{9F}", "\u{A0}", "\u{7F}", "🇰🇷", "x"]
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for length in [1, 3, 10, 40, 130, 300] {
            for _ in 0..<150 {
                let message = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let made = Linter.singleLine(message)
                #expect(made == reference(message), "\(message.debugDescription)")
                #expect(!made.contains("\n") && !made.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x85 })
                checked += 1
            }
        }
        // A long message without a long quote or a control character is the message itself.
        let long = "`" + String(repeating: "戦", count: 120) + "` " + String(repeating: "and more ", count: 40)
        #expect(Linter.singleLine(long) == long)
        #expect(Linter.singleLine("`" + String(repeating: "戦", count: 121) + "`") != "`" + String(repeating: "戦", count: 121) + "`")
        #expect(checked == 900)
    }
}
