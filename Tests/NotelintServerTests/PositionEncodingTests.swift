import Testing
@testable import NotelintServer

/// Byte offsets and client positions, on lines with CJK characters (3 bytes, 1 UTF-16 unit) and an emoji
/// outside the BMP (4 bytes, 2 units).
@Suite struct PositionEncodingTests {
    let lines = LineIndex(Array("a朝🎉b\r\n鲜\rlast".utf8))

    @Test func offsetsBecomePositionsInBothEncodings() {
        // `b` is at byte 1 + 3 + 4 = 8.
        #expect(lines.position(ofByte: 8, .utf8) == TextPosition(line: 0, character: 8))
        #expect(lines.position(ofByte: 8, .utf16) == TextPosition(line: 0, character: 4))
        // CRLF and a lone CR both end lines.
        #expect(lines.position(ofByte: 11, .utf16) == TextPosition(line: 1, character: 0))
        #expect(lines.position(ofByte: 15, .utf16) == TextPosition(line: 2, character: 0))
        #expect(lines.position(ofByte: 19, .utf16) == TextPosition(line: 2, character: 4))
    }

    @Test func positionsBecomeOffsetsAndRoundTrip() {
        for offset in [0, 1, 4, 8, 9, 11, 14, 15, 19] {
            for encoding in [PositionEncoding.utf8, .utf16] {
                #expect(lines.offset(of: lines.position(ofByte: offset, encoding), encoding) == offset, "\(offset) \(encoding)")
            }
        }
    }

    @Test func positionsInsideACharacterOrPastTheLineAreClamped() {
        // Between the two UTF-16 units of 🎉: the emoji's start.
        #expect(lines.offset(of: TextPosition(line: 0, character: 3), .utf16) == 4)
        // Inside the UTF-8 bytes of 朝.
        #expect(lines.offset(of: TextPosition(line: 0, character: 2), .utf8) == 1)
        // Past the end of a line: before its line break.
        #expect(lines.offset(of: TextPosition(line: 0, character: 99), .utf16) == 9)
        // Past the last line: the end.
        #expect(lines.offset(of: TextPosition(line: 9, character: 0), .utf16) == 19)
    }

    @Test func documentURIsDecodeAndEncode() {
        #expect(DocumentURI.path(of: "file:///tmp/a%20b/%E6%9C%9D.md") == "/tmp/a b/朝.md")
        #expect(DocumentURI.path(of: "file://localhost/x.md") == "/x.md")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file:///bad%zz") == nil)
        #expect(DocumentURI.uri(of: "/tmp/a b/朝.md") == "file:///tmp/a%20b/%E6%9C%9D.md")
    }
}
