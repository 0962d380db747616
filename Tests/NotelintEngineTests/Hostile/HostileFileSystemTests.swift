import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile things in the file system, linted by the real binary beside a good note: names that are not files,
/// files that cannot be read or never end, links that loop or leave the folder, awkward names, many files.
@Suite struct HostileFileSystemTests {
    static let good = HostileFolder.goodNoteName
    static let seconds = 10.0
    static let megabytes = 128.0

    /// The good note with `status: evergren`, reported as `enum-value@31:9`, so that the note shows in the report.
    static let misspelled = Array(HostileContentTests.misspelledStatus.utf8)

    func lint(_ folder: HostileFolder, _ arguments: [String] = ["."], exitCode: Int32, label: String = #function,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> HostileRun {
        let run = try folder.lint(arguments, seconds: Self.seconds, label: label)
        HostileRunner.expectBounded(run, seconds: Self.seconds, megabytes: Self.megabytes, exitCodes: [exitCode], sourceLocation: sourceLocation)
        let goodNote = try run.diagnostics(of: Self.good)
        #expect(goodNote.isEmpty, "the good note: \(goodNote)", sourceLocation: sourceLocation)
        return run
    }

    func message(_ run: HostileRun, _ name: String) throws -> String? {
        try run.diagnostics(of: name).first?["message"] as? String
    }

    @Test func directoryNamedLikeANoteIsWalked() throws {
        let folder = try HostileFolder()
        try FileManager.default.createDirectory(atPath: folder.url("empty.md"), withIntermediateDirectories: true)
        try folder.write("bundle.md/index.md", Self.misspelled)
        let run = try lint(folder, exitCode: 1)
        #expect(try run.filesChecked() == 2)
        #expect(try run.findings(of: "bundle.md/index.md") == ["enum-value@31:9"])
        // Named on the command line, a directory is still a directory: walked, and this one holds no notes.
        let named = try lint(folder, ["empty.md", Self.good], exitCode: 0)
        #expect(try named.filesChecked() == 1)
    }

    @Test func fifoIsNeverOpened() throws {
        let folder = try HostileFolder()
        #expect(mkfifo(folder.url("pipe.md"), 0o644) == 0)
        // Named: reported at once; opening it would wait for a writer that never comes.
        let named = try lint(folder, ["pipe.md", Self.good], exitCode: 1)
        #expect(try named.filesChecked() == 2)
        #expect(try named.findings(of: "pipe.md") == ["unreadable-file@1:1"])
        #expect(try message(named, "pipe.md") == "not a regular file: a FIFO")
        #expect(named.seconds < 5 * HostileRunner.scale)
        // Walked: only regular files (and links to them) are notes, so the FIFO is passed over, with a line on
        // standard error since it is named like a note; the exit code is the notes' alone.
        let walked = try lint(folder, exitCode: 0)
        #expect(try walked.filesChecked() == 1)
        #expect(walked.error == "notelint: ./pipe.md: skipped: not a regular file: a FIFO\n")
        #expect(walked.seconds < 5 * HostileRunner.scale)
    }

    @Test func specialFilesNotNamedLikeNotesPassSilently() throws {
        let folder = try HostileFolder()
        #expect(mkfifo(folder.url("pipe"), 0o644) == 0)
        try folder.link("zero", to: "/dev/zero")
        try folder.link("gone.txt", to: "nowhere.txt")
        let walked = try lint(folder, exitCode: 0)
        #expect(try walked.filesChecked() == 1)
        #expect(walked.error.isEmpty, "\(walked.error)")
    }

    @Test func danglingLinksNamedLikeNotesAreReported() throws {
        let folder = try HostileFolder()
        try folder.link("moved.md", to: "archive/moved.md")
        try FileManager.default.createDirectory(atPath: folder.url("sub"), withIntermediateDirectories: true)
        // An editor's lock file: a link to nothing, named after the note being edited.
        try folder.link("sub/.#draft.md", to: "user@host.1234:1700000000")
        let walked = try lint(folder, exitCode: 0)
        #expect(try walked.filesChecked() == 1)
        #expect(walked.error == """
            notelint: ./moved.md: skipped: cannot follow the symbolic link: No such file or directory
            notelint: ./sub/.#draft.md: skipped: cannot follow the symbolic link: No such file or directory

            """)
    }

    /// A folder that cannot be listed may hold notes: it is an `unreadable-file` finding (exit 1), not a silent
    /// gap. Root lists any folder, so as root the binary runs as `nobody` through `setpriv`.
    static let unprivileged: [String]? = {
        if geteuid() != 0 { return [] }
        guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        let wrapper = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        // Without a binary the test runs and fails on that, rather than being skipped as if setpriv were missing.
        guard let binary = try? HostileRunner.binary else { return wrapper }
        // The binary must be reachable for `nobody` (a build folder under a private home is not).
        let probe = try? CommandRunner.run(setpriv, Array(wrapper.dropFirst()) + [binary, "--version"], in: "/")
        return probe?.status == 0 ? wrapper : nil
    }()

    @Test(.enabled(if: unprivileged != nil, "as root, needs setpriv to lose the right to list any folder"))
    func unreadableFolderIsAFinding() throws {
        let folder = try HostileFolder()
        try folder.write("locked/inside.md", Self.misspelled)
        try folder.write("open/fine.md", HostileFolder.goodNote)
        #expect(folder.lock("locked"))
        let run = try folder.run(["lint", "--format", "json", "--now", HostileRunner.today, "."],
                                 seconds: Self.seconds, wrapper: Self.unprivileged ?? [])
        HostileRunner.expectBounded(run, seconds: Self.seconds, megabytes: Self.megabytes, exitCodes: [1])
        #expect(try run.findings(of: "locked") == ["unreadable-file@1:1"])
        #expect(try message(run, "locked") == "cannot read folder: Permission denied")
        #expect(try run.diagnostics().count == 1)
        #expect(run.error.isEmpty, "\(run.error)")
    }

    @Test func devicesAreNeverRead() throws {
        let folder = try HostileFolder()
        try folder.link("zero.md", to: "/dev/zero")
        try folder.link("random.md", to: "/dev/urandom")
        let named = try lint(folder, ["zero.md", "random.md", Self.good], exitCode: 1)
        #expect(try named.filesChecked() == 3)
        for name in ["zero.md", "random.md"] {
            #expect(try named.findings(of: name) == ["unreadable-file@1:1"])
            #expect(try message(named, name) == "not a regular file: a character device")
        }
        let walked = try lint(folder, exitCode: 0)
        #expect(try walked.filesChecked() == 1)
        #expect(walked.error == """
            notelint: ./random.md: skipped: not a regular file: a character device
            notelint: ./zero.md: skipped: not a regular file: a character device

            """)
    }

    @Test func unreadableFile() throws {
        let folder = try HostileFolder()
        try folder.write("locked.md", Self.misspelled)
        #expect(folder.lock("locked.md"))
        let run = try lint(folder, exitCode: 1)
        #expect(try run.filesChecked() == 2)
        if geteuid() == 0 {
            // Permissions do not stop root: the note is read and checked like any other.
            #expect(try run.findings(of: "locked.md") == ["enum-value@31:9"])
        } else {
            #expect(try run.findings(of: "locked.md") == ["unreadable-file@1:1"])
            #expect(try message(run, "locked.md") == "cannot read file: Permission denied")
        }
    }

    #if os(Linux)
    @Test func kernelFilesAreNeverReadEvenForRoot() throws {
        // /proc/self/mem is a regular file to `stat`, whose reading fails with EIO for anyone. It is never opened
        // for reading now: linked from the folder it leads outside it, and named itself it lies on /proc.
        let folder = try HostileFolder()
        try folder.link("memory.md", to: "/proc/self/mem")
        let run = try lint(folder, exitCode: 1)
        #expect(try run.filesChecked() == 2)
        #expect(try run.findings(of: "memory.md") == ["symlink-outside@1:1"])
        let named = try lint(folder, ["/proc/self/mem", Self.good], exitCode: 1)
        #expect(try named.findings(of: "/proc/self/mem") == ["unreadable-file@1:1"])
        #expect(try message(named, "/proc/self/mem") == "not read: it is on the system's /proc file system")
    }
    #endif

    @Test func symbolicLinkLoops() throws {
        let folder = try HostileFolder()
        try folder.link("self.md", to: "self.md")
        try folder.link("ping.md", to: "pong.md")
        try folder.link("pong.md", to: "ping.md")
        try folder.write("sub/inner.md", Self.misspelled)
        try folder.link("sub/up", to: "..")
        try folder.link("sub/here", to: ".")
        // Named: each loop is reported by the error the system gives when resolving it.
        let named = try lint(folder, ["self.md", "ping.md", Self.good], exitCode: 1)
        for name in ["self.md", "ping.md"] {
            #expect(try named.findings(of: name) == ["unreadable-file@1:1"])
            #expect(try message(named, name)?.hasPrefix("cannot read file: Too many levels of symbolic links") == true)
        }
        // Walked: looping file links resolve to nothing and are passed over, each named on standard error; each
        // directory is entered once, so `sub/up/…` and `sub/here/…` add nothing (and are no error).
        let walked = try lint(folder, exitCode: 1)
        #expect(try walked.filesChecked() == 2)
        #expect(try walked.findings(of: "sub/inner.md") == ["enum-value@31:9"])
        #expect(walked.error == ["ping.md", "pong.md", "self.md"].map {
            "notelint: ./\($0): skipped: cannot follow the symbolic link: Too many levels of symbolic links\n"
        }.joined())
    }

    @Test func linksOutOfTheLintedFolderAreNotFollowed() throws {
        let outside = try HostileFolder(withGoodNote: false)
        try outside.write("elsewhere.md", Self.misspelled)
        try outside.write("sub/deeper.md", Self.misspelled)
        let folder = try HostileFolder()
        try folder.link("linked.md", to: outside.url("elsewhere.md"))
        try folder.link("linked-folder", to: outside.path)
        let run = try lint(folder, exitCode: 1)
        // The good note and the link to a file, reported by its own name and never read; the link to a folder
        // is named on standard error and not entered.
        #expect(try run.filesChecked() == 2)
        #expect(try run.findings(of: "linked.md") == ["symlink-outside@1:1"])
        #expect(try run.findings(of: "deeper.md").isEmpty)
        #expect(run.error == "notelint: ./linked-folder: skipped: not followed: a symbolic link to a folder outside the folder being linted\n")
        // --follow-symlinks opts out: the linked file and the linked folder's two notes, under the link's path.
        let followed = try lint(folder, [".", "--follow-symlinks"], exitCode: 1)
        #expect(try followed.filesChecked() == 4)
        #expect(try followed.findings(of: "linked.md") == ["enum-value@31:9"])
        #expect(try followed.findings(of: "linked-folder/sub/deeper.md") == ["enum-value@31:9"])
        withExtendedLifetime(outside) {}
    }

    @Test func awkwardNames() throws {
        let folder = try HostileFolder()
        let names = ["with space.md", "new\nline.md", "tab\tand \"quote\".md", "日本語 ノート.md", "-dash.md"]
        for name in names { try folder.write(name, Self.misspelled) }
        var count = names.count + 1
        #if os(Linux)
        // A name that is not UTF-8 (most Linux file systems allow any bytes but NUL and "/").
        let raw: [UInt8] = Array(folder.path.utf8) + Array("/latin1-caf".utf8) + [0xE9] + Array(".md".utf8) + [0]
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        count += 1
        #endif
        let run = try lint(folder, exitCode: 1)
        #expect(try run.filesChecked() == count)
        for name in names { #expect(try run.findings(of: name) == ["enum-value@31:9"], "\(name)") }
        #if os(Linux)
        // Paths are Swift strings: the byte 0xE9 becomes U+FFFD, a name no file has. The note is reported as
        // unreadable, not skipped.
        let unreadable = try run.diagnostics().filter { ($0["path"] as? String)?.contains("latin1-caf\u{FFFD}.md") == true }
        #expect(unreadable.map { $0["rule"] as? String } == ["unreadable-file"])
        #expect(unreadable.first?["message"] as? String == "cannot read file: No such file or directory")
        #endif
    }

    @Test func twentyThousandFilesInOneFolder() throws {
        // 100,000 take about 36 s with the debug build (11 s release, 370 MB); 20,000 keep the suite quick.
        let folder = try HostileFolder()
        let note = Array("---\ntitle: t\ndate: 2024-01-01\ndraft: false\nstatus: seedling\ntags: [war]\nsummary: s\nlayout: post\n---\n".utf8)
        let data = Data(note)
        for index in 0..<20_000 {
            let path = folder.url(String(format: "n%05d.md", index))
            guard FileManager.default.createFile(atPath: path, contents: data) else { throw HostileRunner.Failure(message: "cannot create \(path)") }
        }
        let run = try folder.lint(seconds: 60)
        HostileRunner.expectBounded(run, seconds: 60, megabytes: 512, exitCodes: [0])
        #expect(try run.filesChecked() == 20_001)
        #expect(try run.diagnostics().isEmpty)
    }
}
