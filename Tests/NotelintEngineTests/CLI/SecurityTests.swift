import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The README's security statement, claim by claim: notelint runs nothing that a note or a configuration says,
/// reaches no network, and writes nothing but the notes it fixes.
@Suite struct SecurityTests {
    static let fixable = FixSafetyTests.note
    static let fixed = FixSafetyTests.fixedNote

    /// Everything about an entry that a write would change: type, permission bits, size, inode, modification
    /// time, and a file's bytes (a link's target).
    struct Entry: Equatable {
        var type: mode_t
        var mode: mode_t
        var size: Int64
        var inode: UInt64
        var modified: Int
        var modifiedNanoseconds: Int
        var content: Data?
    }

    /// Every entry under `root`, links not followed, by path relative to it.
    static func snapshot(_ root: String) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: root)
        for name in names + [""] {
            let path = name.isEmpty ? root : root + "/" + name
            var info = stat()
            try #require(lstat(path, &info) == 0, "lstat \(path)")
            let type = info.st_mode & S_IFMT
            var content: Data?
            if type == S_IFREG { content = FileManager.default.contents(atPath: path) }
            if type == S_IFLNK { content = Data(try FileManager.default.destinationOfSymbolicLink(atPath: path).utf8) }
            entries[name] = Entry(
                type: type, mode: info.st_mode & 0o7777, size: Int64(info.st_size), inode: UInt64(info.st_ino),
                modified: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec), content: content)
        }
        return entries
    }

    @Test func fixWritesOnlyTheNotesItFixes() throws {
        let root = try FixTestFolder()
        let files: [String: String] = [
            "tree/a.md": Self.fixable,
            "tree/clean.md": Self.fixed,
            "tree/deep/er/b.markdown": Self.fixable,
            "tree/deep/notes.txt": Self.fixable,
            "tree/deep/.hidden.md": Self.fixable,
            "tree/.lint.yml": "rules:\n  unknown-key: warning\n",
            "tree/broken.md": Self.fixable.replacingOccurrences(of: "draft: false", with: "draft: [false"),
            "outside/target.md": Self.fixable,
            "outside/other.md": Self.fixable,
            "outside/other.txt": "x",
            "beside.md": Self.fixable,
        ]
        for (name, text) in files {
            try FileManager.default.createDirectory(
                atPath: (root.path + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try root.write(name, text)
        }
        try #require(symlink("../outside/target.md", root.path + "/tree/linked.md") == 0)
        try #require(chmod(root.path + "/tree/a.md", 0o600) == 0)
        let before = try Self.snapshot(root.path)

        let result = try CommandRunner.notelint(["lint", "--fix", "--now", "2026-01-01", "."], in: root.path + "/tree")
        #expect(result.status == 1, "\(result.error)")  // broken.md's syntax error remains
        let after = try Self.snapshot(root.path)

        // Nothing appeared or vanished anywhere (no temporary file, no log) but the result cache in the folder
        // notelint ran in, holding only notelint's own files.
        let cache = "tree/.notelint-cache"
        let appeared = Set(after.keys).subtracting(before.keys)
        #expect(Set(before.keys).isSubset(of: after.keys), "\(Set(before.keys).subtracting(after.keys).sorted())")
        #expect(appeared.contains(cache))
        for name in appeared {
            let file = (name as NSString).lastPathComponent
            #expect(name == cache || (name.hasPrefix(cache + "/") && ["CACHEDIR.TAG", ".gitignore"].contains(file))
                    || (name.hasPrefix(cache + "/") && file.hasSuffix(".cache")), "\(name)")
        }
        // With --no-cache, not even that.
        try FileManager.default.removeItem(atPath: root.path + "/" + cache)
        let uncachedBefore = try Self.snapshot(root.path)
        _ = try CommandRunner.notelint(["lint", "--fix", "--no-cache", "--now", "2026-01-01", "."], in: root.path + "/tree")
        #expect(Set(try Self.snapshot(root.path).keys) == Set(uncachedBefore.keys))
        // The notes fixed hold the fixed text with their permission bits. The link to a note outside the folder
        // being linted is reported, and its target left as it was (checked below with every other file).
        #expect(result.output.contains("tree/linked.md") || result.output.contains("./linked.md"))
        #expect(result.output.contains("[symlink-outside]"), "\(result.output)")
        let written = ["tree/a.md", "tree/deep/er/b.markdown", "tree/deep/.hidden.md"]
        for name in written {
            #expect(after[name]?.content == Data(Self.fixed.utf8), "\(name)")
            #expect(after[name]?.mode == before[name]?.mode, "\(name)")
        }
        // Every other file and link is untouched, down to its inode and modification time; folders only changed
        // where a note was renamed into them.
        let folders = Set(written.map { ($0 as NSString).deletingLastPathComponent })
        for (name, entry) in before where !written.contains(name) && !folders.contains(name) {
            #expect(after[name] == entry, "\(name) changed")
        }
    }

    /// A TCP port on the loopback interface that counts connection attempts without accepting them.
    final class Listener {
        let descriptor: Int32
        let port: UInt16

        init() throws {
            let descriptor = Self.streamSocket()
            try #require(descriptor >= 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(bound == 0 && listen(descriptor, 16) == 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            self.descriptor = descriptor
            self.port = UInt16(bigEndian: address.sin_port)
        }

        deinit { close(descriptor) }

        static func streamSocket() -> Int32 {
            #if canImport(Glibc)
            socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            socket(AF_INET, SOCK_STREAM, 0)
            #endif
        }

        /// Connections made to the port so far (each is accepted and closed).
        func connections() -> Int {
            var count = 0
            while true {
                let client = accept(descriptor, nil, nil)
                if client < 0 { return count }
                close(client)
                count += 1
            }
        }
    }

    @Test func nothingInANoteOrAConfigurationIsRunOrFetched() throws {
        let listener = try Listener()
        #expect(listener.connections() == 0)
        let folder = try FixTestFolder()
        let marker = folder.path + "/ran"
        let url = "http://127.0.0.1:\(listener.port)"
        // Shell syntax, YAML tags that some loaders turn into calls, and URLs to the listening port everywhere a
        // note or a configuration takes a string, a file or a schema.
        let note = """
            ---
            title: $(touch \(marker))
            date: 2024-01-01
            draft: false
            status: seedling
            tags: [war, "`touch \(marker)`"]
            summary: !!python/object/apply:os.system ["touch \(marker)"]
            layout: !include \(url)/layout
            source: \(url)/source
            series: "| touch \(marker); curl \(url)/series"
            ---
            Body with [a link](\(url)/body) and <img src="\(url)/image">.

            """
        try folder.write("note.md", note)
        try folder.write("note.schema.yml", """
            $schema: \(url)/meta
            $id: \(url)/schema
            type: object
            properties:
              title: { type: string }
              source: { type: string, format: uri }
            """)
        try folder.write(".lint.yml", """
            schemas:
              - files: ["**"]
                schema: note.schema.yml
            rules:
              tag-spelling:
                vocabulary-files: ["\(url)/tags.txt", "$(touch \(marker))"]
                word-list-files: ["`touch \(marker)`"]
            """)
        // Each command does its work (the note is checked, fixed, dumped), so each had the chance to misbehave.
        let commands: [(arguments: [String], status: Int32)] = [
            (["lint"], 1), (["lint", "--format", "sarif"], 1), (["config", "note.md"], 0), (["dump", "note.md"], 0),
            (["rules"], 0), (["lint", "--fix", "--unsafe-fixes"], 0),
        ]
        for (arguments, status) in commands {
            let result = try CommandRunner.notelint(arguments + (arguments.first == "lint" ? ["--now", "2026-01-01", "."] : []),
                                                    in: folder.path)
            #expect(result.status == status, "\(arguments): \(result.status) \(result.error)")
            #expect(listener.connections() == 0, "\(arguments) connected to the port")
            #expect(!FileManager.default.fileExists(atPath: marker), "\(arguments) ran a command")
        }
        #expect(try String(contentsOfFile: folder.path + "/note.md", encoding: .utf8).contains("source: https://127.0.0.1:"))
        // The port does count connections: the check above can fail.
        let client = Listener.streamSocket()
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = listener.port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        close(client)
        #expect(listener.connections() == 1)
    }

    #if os(Linux)
    /// notelint's own code calls no network function, and no networking library is linked: Foundation's
    /// networking half (URLSession) and the libraries it would bring are absent. (The core Foundation library
    /// that argument parsing pulls in has socket calls of its own, for classes notelint does not use.)
    @Test func theBinaryLinksNoNetworking() throws {
        let binary = try CommandRunner.binary
        let libraries = try CommandRunner.run("/usr/bin/env", ["ldd", binary], in: "/")
        try #require(libraries.status == 0, "\(libraries.error)")
        #expect(libraries.output.contains("libyaml"), "ldd output: \(libraries.output)")  // the listing is real
        for library in ["FoundationNetworking", "libcurl", "libssl", "libcrypto", "libnghttp", "libgnutls", "libresolv"] {
            #expect(!libraries.output.contains(library), "\(library) is linked")
        }
        let symbols = try CommandRunner.run("/usr/bin/env", ["nm", "-D", "--undefined-only", binary], in: "/")
        try #require(symbols.status == 0, "\(symbols.error)")
        let names = Set(symbols.output.split(separator: "\n").compactMap { $0.split(separator: " ").last?.split(separator: "@").first.map(String.init) })
        #expect(names.contains("rename") && names.contains("mkstemp"), "nm lists no rename/mkstemp")  // the listing is real
        let network = ["socket", "connect", "bind", "listen", "accept", "sendto", "recvfrom", "sendmsg", "recvmsg",
                       "getaddrinfo", "gethostbyname", "gethostbyname_r", "curl_easy_init"]
        #expect(names.intersection(network).isEmpty, "\(names.intersection(network).sorted())")
    }
    #endif

    /// The only code that starts a process runs git, for `--changed-since`, `--staged` and `install-hook`;
    /// nothing loads code at run time.
    @Test func onlyTheGitLayerStartsProcesses() throws {
        let sources = RepositoryPaths.inRepository("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        let calls = ["Process()", "posix_spawn", "execv", "execl", "fork(", "popen(", "system(", "dlopen(", "NSTask"]
        var starting: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            if calls.contains(where: { text.contains($0) }) { starting.append(file) }
        }
        #expect(starting == ["NotelintGit/GitCommand.swift"])
        let git = try String(contentsOfFile: sources + "/NotelintGit/GitCommand.swift", encoding: .utf8)
        #expect(git.contains("find(onPath: environment[\"PATH\"]"))
    }
}
