import Foundation
import Testing

/// Hostile note contents, each linted by the real binary beside a good note. Every run is bounded in time
/// (killed past the limit) and memory (peak resident size), and must end with exit code 0, 1 or 2.
///
/// Bounds are for the debug build on a loaded two-core machine; most runs take a tenth of a second and 30 MB.
@Suite struct HostileContentTests {
    static let small = (seconds: 10.0, megabytes: 128.0)
    static let good = HostileFolder.goodNoteName

    /// The good note with one line replaced, so that a finding lands at a known place.
    static func goodNote(replacing line: String, with replacement: String) -> String {
        let text = HostileFolder.goodText
        precondition(text.contains(line + "\n"))
        return text.replacingOccurrences(of: line + "\n", with: replacement + "\n")
    }

    /// `status: evergren` is reported at 31:9 in the good note.
    static let misspelledStatus = goodNote(replacing: "status: evergreen", with: "status: evergren")

    /// Lints `name` (with `bytes`) and the good note; checks the bounds, exit code 1 (errors) unless told, that both
    /// notes were checked and that the good one has no findings.
    func lintBeside(
        _ name: String, _ bytes: [UInt8], seconds: Double = small.seconds, megabytes: Double = small.megabytes,
        exitCode: Int32 = 1, label: String = #function, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> HostileRun {
        let folder = try HostileFolder()
        try folder.write(name, bytes)
        let run = try folder.lint(seconds: seconds, label: label)
        HostileRunner.expectBounded(run, seconds: seconds, megabytes: megabytes, exitCodes: [exitCode], sourceLocation: sourceLocation)
        #expect(try run.filesChecked() == 2, sourceLocation: sourceLocation)
        let goodNote = try run.diagnostics(of: Self.good)
        #expect(goodNote.isEmpty, "the good note: \(goodNote)", sourceLocation: sourceLocation)
        return run
    }

    // MARK: Bytes that are not text

    @Test func binaryFileIsANoteWithoutFrontMatter() throws {
        // A PNG header, then pseudo-random bytes with NULs and line breaks among them.
        var state: UInt32 = 2_463_534_242
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for _ in 0..<200_000 {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            bytes.append(UInt8(truncatingIfNeeded: state))
        }
        let run = try lintBeside("image.md", bytes)
        #expect(try run.findings(of: "image.md") == ["front-matter-missing@1:1"])
    }

    @Test func nulByteInFrontMatterAndInBody() throws {
        let run = try lintBeside("nul.md", Array("---\ntitle: a".utf8) + [0] + Array("b\n---\nbody\n".utf8))
        #expect(try run.findings(of: "nul.md") == ["yaml-syntax@2:9"])
        #expect(try run.diagnostics(of: "nul.md").first?["message"] as? String == "NUL byte in YAML (is this a binary file?)")
        // NUL bytes after the front matter are never looked at.
        _ = try lintBeside("nul-body.md", HostileFolder.goodNote + [0, 0, 0, 0xFF, 0], exitCode: 0)
    }

    @Test func invalidUTF8InAKeyAndInAValue() throws {
        let key = try lintBeside("key.md", Array("---\nti".utf8) + [0xFF] + Array("tle: a\n---\n".utf8))
        #expect(try key.findings(of: "key.md") == ["yaml-syntax@2:3"])
        #expect(try key.diagnostics(of: "key.md").first?["message"] as? String == "byte 0xFF is not valid UTF-8")
        // A truncated two-byte sequence at the end of a value, after a CJK character (columns count characters).
        let value = try lintBeside("value.md", Array("---\ntitle: 朝caf".utf8) + [0xC3] + Array("\n---\n".utf8))
        #expect(try value.findings(of: "value.md") == ["yaml-syntax@2:12"])
        #expect(try value.diagnostics(of: "value.md").first?["message"] as? String == "byte 0xC3 is not valid UTF-8")
    }

    @Test(arguments: [("UTF-16LE", String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])),
                      ("UTF-16BE", String.Encoding.utf16BigEndian, [UInt8]([0xFE, 0xFF]))])
    func utf16WithAByteOrderMarkIsNamed(encoding: (name: String, encoding: String.Encoding, mark: [UInt8])) throws {
        let bytes = encoding.mark + Array(try #require(HostileFolder.goodText.data(using: encoding.encoding)))
        let run = try lintBeside("utf16.md", bytes)
        #expect(try run.findings(of: "utf16.md") == ["yaml-syntax@1:1"])
        let message = try run.diagnostics(of: "utf16.md").first?["message"] as? String
        #expect(message == "the file is \(encoding.name) (it starts with that byte order mark); notes must be UTF-8")
    }

    // MARK: Line structure

    @Test func utf8ByteOrderMarkKeepsPositions() throws {
        _ = try lintBeside("bom.md", FrontMatterMark.bom + HostileFolder.goodNote, exitCode: 0)
        let run = try lintBeside("bom-status.md", FrontMatterMark.bom + Array(Self.misspelledStatus.utf8))
        #expect(try run.findings(of: "bom-status.md") == ["enum-value@31:9"])
    }

    @Test(arguments: [("crlf", "\r\n"), ("cr", "\r")])
    func otherLineBreaksKeepPositions(breaks: (name: String, lineBreak: String)) throws {
        let clean = HostileFolder.goodText.replacingOccurrences(of: "\n", with: breaks.lineBreak)
        _ = try lintBeside("\(breaks.name).md", Array(clean.utf8), exitCode: 0)
        let misspelled = Self.misspelledStatus.replacingOccurrences(of: "\n", with: breaks.lineBreak)
        let run = try lintBeside("\(breaks.name)-status.md", Array(misspelled.utf8))
        #expect(try run.findings(of: "\(breaks.name)-status.md") == ["enum-value@31:9"])
        let tabs = "---\ntitle: a\nmeta:\n\tkey: value\n---\n".replacingOccurrences(of: "\n", with: breaks.lineBreak)
        let tabRun = try lintBeside("\(breaks.name)-tab.md", Array(tabs.utf8))
        #expect(try tabRun.findings(of: "\(breaks.name)-tab.md") == ["yaml-syntax@4:1"])
    }

    @Test func tabIndentationIsASyntaxError() throws {
        let run = try lintBeside("tabs.md", Array("---\ntitle: a\nmeta:\n\tkey: value\n---\n".utf8))
        #expect(try run.findings(of: "tabs.md") == ["yaml-syntax@4:1"])
        #expect(try run.diagnostics(of: "tabs.md").first?["message"] as? String
            == "found character that cannot start any token (while scanning for the next token at line 4, column 1)")
    }

    // MARK: Size

    @Test func tenMegabyteFrontMatterStopsAtTheLimit() throws {
        // About 10.9 MB of keys, closed at the end: only a little over the 1 MiB limit is read.
        let value = ": " + String(repeating: "x", count: 94) + "\n"
        var text = "---\n"
        for index in 0..<110_000 { text += "k\(index)" + value }
        text += "---\nbody\n"
        #expect(text.utf8.count > 10_000_000)
        let run = try lintBeside("big-front-matter.md", Array(text.utf8), megabytes: 96)
        #expect(try run.findings(of: "big-front-matter.md") == ["yaml-syntax@1:1"])
        #expect(try run.diagnostics(of: "big-front-matter.md").first?["message"] as? String
            == "front matter is larger than 1048576 bytes or has no closing fence within that limit")
    }

    @Test func hundredMegabyteBodyIsNeverRead() throws {
        let folder = try HostileFolder()
        // The good note, then a sparse hole to 100 MB: nothing is written, and reading it would take
        // 100 MB of memory, far beyond the bound.
        let path = try folder.write("big-body.md", HostileFolder.goodNote)
        #expect(truncate(path, 100 * 1024 * 1024) == 0)
        let run = try folder.lint(seconds: 5)
        HostileRunner.expectBounded(run, seconds: 5, megabytes: 64, exitCodes: [0])
        #expect(try run.filesChecked() == 2)
        #expect(try run.diagnostics().isEmpty)
        // The same hole after an opening fence that is never closed: read up to the limit, then reported.
        let open = try folder.write("open.md", "---\ntitle: a\n")
        #expect(truncate(open, 100 * 1024 * 1024) == 0)
        let openRun = try folder.lint(seconds: 5)
        HostileRunner.expectBounded(openRun, seconds: 5, megabytes: 64, exitCodes: [1])
        #expect(try openRun.findings(of: "open.md") == ["yaml-syntax@1:1"])
    }

    @Test func megabyteSingleLines() throws {
        // A 1,000,000-character title fits in the front matter limit and is checked as a value.
        let title = Self.goodNote(replacing: "title: 朝鲜战争的起源：斯大林为何点头，毛泽东为何出兵？", with: "title: " + String(repeating: "a", count: 1_000_000))
        let run = try lintBeside("long-title.md", Array(title.utf8))
        #expect(try run.findings(of: "long-title.md") == ["schema@39:8"])
        // A 1 MiB line inside the front matter puts it over the limit.
        let over = "---\ntitle: " + String(repeating: "a", count: 1 << 20) + "\n---\n"
        let overRun = try lintBeside("over.md", Array(over.utf8))
        #expect(try overRun.findings(of: "over.md") == ["yaml-syntax@1:1"])
        // A 3 MB first line that cannot open front matter is body: the note has none.
        let body = try lintBeside("one-line.md", Array((String(repeating: "word ", count: 600_000) + "\n").utf8))
        #expect(try body.findings(of: "one-line.md") == ["front-matter-missing@1:1"])
    }

    @Test func hundredThousandKeys() throws {
        // 100,000 keys in 0.99 MB. Loading stops at the 10,001st key (line 10,002): one finding, not 100,000
        // unknown keys each with a nearest-name search (25 s with the debug build before the key limit).
        let text = "---\n" + (0..<100_000).map { "k\($0): v\n" }.joined() + "---\n"
        #expect(text.utf8.count < 1 << 20)
        let run = try lintBeside("keys.md", Array(text.utf8))
        #expect(try run.findings(of: "keys.md") == ["yaml-syntax@10002:1"])
        #expect(try run.diagnostics(of: "keys.md").first?["message"] as? String == "more than 10000 keys")
    }

    // MARK: Nesting and aliases

    @Test func tenThousandLevelsOfFlowSequences() throws {
        let text = "---\nx: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\n"
        let run = try lintBeside("deep.md", Array(text.utf8))
        // The mapping is level 1; the 128th bracket (column 4 + 127) is one level too many.
        #expect(try run.findings(of: "deep.md") == ["yaml-syntax@2:131"])
        #expect(try run.diagnostics(of: "deep.md").first?["message"] as? String == "nesting deeper than 128 levels")
        let dump = try folderWith("deep.md", text).run(["dump", "deep.md"], seconds: 10)
        HostileRunner.expectBounded(dump, seconds: 10, megabytes: 128, exitCodes: [0])
        #expect(dump.output.contains(#""kind":"too-deep""#))
    }

    /// Nine anchors, each a list of nine aliases of the one before: 9^9 (387 million) strings once expanded.
    static let billionLaughs: String = {
        var text = "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            let alias = "*\(names[index - 1])"
            text += "\(names[index]): &\(names[index]) [" + Array(repeating: alias, count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }()

    @Test func billionLaughsIsNeverExpanded() throws {
        let text = Self.billionLaughs + "tags: *i\n---\n"
        let run = try lintBeside("lol.md", Array(text.utf8))
        let findings = try run.findings(of: "lol.md")
        // The nine anchors are unknown keys; `tags` holds nine lists where strings belong.
        #expect(findings.filter { $0.hasPrefix("unknown-key@") }.count == 9)
        #expect(findings.filter { $0.hasPrefix("wrong-type@") }.count == 9)
        let dump = try folderWith("lol.md", text).run(["dump", "lol.md"], seconds: 10)
        HostileRunner.expectBounded(dump, seconds: 10, megabytes: 256, exitCodes: [0])
        #expect(dump.output.contains(#""kind":"alias-expansion-too-large""#))
    }

    @Test func aliasChainsDeeperThanAnyStack() throws {
        // Each anchor nests the one before 120 levels down: 3,900 of them, in 1 MB, stand for a tree 468,000 levels
        // deep. Releasing that tree once recursed per level and overflowed the stack (signal 11).
        var text = "---\nk0: &a0 x\n"
        for index in 1..<3_900 {
            text += "k\(index): &a\(index) " + String(repeating: "[", count: 120) + "*a\(index - 1)" + String(repeating: "]", count: 120) + "\n"
        }
        text += "tags: *a3899\n---\n"
        #expect(text.utf8.count < 1 << 20)
        let run = try lintBeside("chain.md", Array(text.utf8), seconds: 30, megabytes: 256)
        let findings = try run.findings(of: "chain.md")
        #expect(findings.filter { $0.hasPrefix("unknown-key@") }.count == 3_900)
        // `tags` holds a list where a string belongs, reported where the anchored list is written.
        #expect(findings.contains("wrong-type@3901:16"))
        let dump = try folderWith("chain.md", text).run(["dump", "chain.md"], seconds: 30)
        HostileRunner.expectBounded(dump, seconds: 30, megabytes: 256, exitCodes: [0])
        #expect(dump.output.contains(#""kind":"alias-expansion-too-large""#))
    }

    // MARK: Almost nothing

    @Test func emptyFile() throws {
        let run = try lintBeside("empty.md", [])
        #expect(try run.findings(of: "empty.md") == ["front-matter-missing@1:1"])
    }

    @Test(arguments: ["---", "---\n", "---\r\n", "---\ntitle: a\ndate: 2024-01-01\n"])
    func unterminatedFrontMatterAtEndOfFile(text: String) throws {
        let run = try lintBeside("open.md", Array(text.utf8))
        #expect(try run.findings(of: "open.md") == ["front-matter-unterminated@1:1"])
    }

    func folderWith(_ name: String, _ text: String) throws -> HostileFolder {
        let folder = try HostileFolder()
        try folder.write(name, text)
        return folder
    }
}

enum FrontMatterMark {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
}
