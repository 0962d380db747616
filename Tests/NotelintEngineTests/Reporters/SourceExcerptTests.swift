import Testing

@testable import NotelintEngine
@testable import NotelintCore
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText
import NotelintLoader

/// Excerpts under findings: whole when short, cut to `SourceExcerpt.width` columns around the finding when long,
/// with the underline still under the finding's characters (CJK characters take two columns).
@Suite struct SourceExcerptTests {
    func excerpt(_ line: String, column: Int) -> SourceExcerpt {
        let source = SourceText(bytes: Array(line.utf8))
        let offset = Array(line.unicodeScalars.prefix(column - 1)).reduce(0) { $0 + String($1).utf8.count }
        return SourceExcerpt.of(source, line: 1, start: SourcePosition(line: 1, column: column, offset: offset))
    }

    func width(_ text: String) -> Int { TerminalWidth.of(Array(text.unicodeScalars)[...]) }

    /// The excerpt's character under line column `column`.
    func character(_ excerpt: SourceExcerpt, atColumn column: Int) -> Unicode.Scalar {
        Array(excerpt.text.unicodeScalars)[column - 1 - excerpt.shift]
    }

    @Test func aShortLineIsShownWhole() {
        let shown = excerpt("status: evergreen", column: 9)
        #expect(shown == SourceExcerpt(text: "status: evergreen", shift: 0))
    }

    @Test func aLongLineIsCutAroundTheFinding() {
        let line = String(repeating: "a", count: 500) + "TARGET" + String(repeating: "b", count: 500)
        let shown = excerpt(line, column: 501)
        #expect(width(shown.text) <= SourceExcerpt.width)
        #expect(shown.text.hasPrefix("…") && shown.text.hasSuffix("…"))
        #expect(character(shown, atColumn: 501) == "T")
        #expect(shown.text.contains("TARGET"))
    }

    @Test func theStartOfALongLineIsCutOnTheRightOnly() {
        let shown = excerpt("title: " + String(repeating: "x", count: 400), column: 8)
        #expect(!shown.text.hasPrefix("…") && shown.text.hasSuffix("…"))
        #expect(shown.shift == 0)
        #expect(width(shown.text) == SourceExcerpt.width)
    }

    @Test func theEndOfALongLineIsCutOnTheLeftOnly() {
        let line = String(repeating: "x", count: 400) + " end"
        let shown = excerpt(line, column: 402)
        #expect(shown.text.hasPrefix("…") && !shown.text.hasSuffix("…"))
        #expect(shown.text.hasSuffix(" end"))
        #expect(character(shown, atColumn: 402) == "e")
        #expect(width(shown.text) <= SourceExcerpt.width)
    }

    @Test func wideCharactersCountTwoColumns() {
        let line = String(repeating: "漢", count: 300) + "X" + String(repeating: "字", count: 300)
        let shown = excerpt(line, column: 301)
        #expect(width(shown.text) <= SourceExcerpt.width)
        #expect(width(shown.text) >= SourceExcerpt.width - 2)
        #expect(character(shown, atColumn: 301) == "X")
    }

    /// The blocks taken as wide before any lookup hold no combining mark, which would take no column.
    @Test func blocksTakenAsWideHoldNoMark() {
        for value in UInt32(0x3000)...0xFFFF where TerminalWidth.isWideWithoutMarks(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            #expect(category != .nonspacingMark && category != .enclosingMark, "U+\(String(value, radix: 16))")
        }
        #expect(!TerminalWidth.isWideWithoutMarks(0x3099))
        #expect(TerminalWidth.of(Unicode.Scalar(0x3099)!) == 0)
    }

    @Test func aMegabyteLineCostsOnlyItsWindow() {
        let line = String(repeating: "y", count: 1 << 20) + "Z"
        let shown = excerpt(line, column: (1 << 20) + 1)
        #expect(shown.text.unicodeScalars.count <= SourceExcerpt.width)
        #expect(character(shown, atColumn: (1 << 20) + 1) == "Z")
    }

    @Test func controlCharactersAreShownAsReplacementCharacters() {
        let shown = excerpt("title: a\u{1B}[31mred", column: 8)
        #expect(!shown.text.unicodeScalars.contains("\u{1B}"))
        #expect(shown.text.contains("\u{FFFD}"))
    }

    @Test func theHumanReportUnderlinesTheFindingInACutLine() {
        let line = String(repeating: "a", count: 300) + "bad" + String(repeating: "c", count: 300)
        let source = SourceText(bytes: Array(line.utf8))
        let range = SourceRange(start: source.position(ofByte: 300), end: source.position(ofByte: 303))
        let diagnostic = Diagnostic(
            path: "n.md", ruleID: "enum-value", severity: .error, range: range, message: "m",
            sourceLine: SourceExcerpt.of(source, line: 1, start: range.start))
        let rendered = HumanReporter(options: ReporterOptions()).render(diagnostic).split(separator: "\n")
        let excerptLine = Array(rendered[1].unicodeScalars)
        let underline = Array(rendered[2].unicodeScalars)
        let firstCaret = underline.firstIndex(of: "^")!
        #expect(underline.filter { $0 == "^" }.count == 3)
        #expect(String(String.UnicodeScalarView(excerptLine[firstCaret..<firstCaret + 3])) == "bad")
    }

    /// Short lines of printable ASCII are shown whole without a walk over their scalars: the same excerpt as that
    /// walk gives, at every length up to the limit and past it, and never for a line with a control byte, DEL or
    /// a byte past ASCII.
    @Test func shortASCIILinesAreTheExcerptsTheScalarWalkGives() {
        let fillers: [UInt8] = [0x20, 0x41, 0x7E, 0x7F, 0x09, 0x1B, 0xC3]
        for length in [0, 1, 7, 8, SourceExcerpt.width - 1, SourceExcerpt.width, SourceExcerpt.width + 1, 200] {
            for filler in fillers {
                for place in Set([0, length / 2, max(0, length - 1)]) where length > 0 || place == 0 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 {
                        bytes[place] = filler
                        // A lead byte is followed by its continuation, so that the line stays UTF-8.
                        if filler == 0xC3 { if place + 1 < length { bytes[place + 1] = 0xA9 } else { bytes[place] = 0x61 } }
                    }
                    let source = SourceText(bytes: bytes)
                    for column in Set([1, max(1, length / 2)]) {
                        let offset = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.prefix(column - 1))
                            .reduce(0) { $0 + String($1).utf8.count }
                        let start = SourcePosition(line: 1, column: column, offset: offset)
                        #expect(
                            SourceExcerpt.of(source, line: 1, start: start) == SourceExcerpt.window(of: source.lineBytes(1), line: 1, start: start),
                            "length \(length), byte \(filler) at \(place), column \(column)")
                    }
                }
            }
        }
    }
}
