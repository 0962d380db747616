import NotelintLoader
import NotelintText

/// The part of a source line a report shows under a finding's location: at most `width` terminal columns
/// around where the finding starts, with `…` on each side that was cut.
///
/// A note can be one line of a megabyte (minified, generated, or a file that is no note at all); its excerpt must
/// not carry the whole line into a terminal, a build log or the result cache. The window is found on a bounded
/// slice of the line's bytes, so its cost does not grow with the line either.
public struct SourceExcerpt: Sendable, Equatable {
    /// Control characters shown as U+FFFD; `…` marks a cut.
    public var text: String
    /// Column `c` of the line is scalar `c - 1 - shift` of `text` (0 when nothing was cut before).
    public var shift: Int

    /// Terminal columns an excerpt may take, marks included.
    public static let width = 120
    /// Of those, at most this many show what comes before the finding's start.
    static let leadingWidth = 40
    /// Bytes looked at on each side of the start: enough for `width` columns of any script.
    static let byteReach = 4 * width

    /// The excerpt of line `line` of `source` around `start` (a position on that line; else the line's start).
    public static func of(_ source: SourceText, line: Int, start: SourcePosition) -> SourceExcerpt {
        let lineBytes = source.lineBytes(line)
        // A short line of printable ASCII (most lines of most notes) is shown whole, a column a byte.
        if lineBytes.count <= width, lineBytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return SourceExcerpt(text: String(decoding: lineBytes, as: UTF8.self), shift: 0)
        }
        return window(of: lineBytes, line: line, start: start)
    }

    /// The excerpt of any line, its bytes `lineBytes`, scalar by scalar.
    static func window(of lineBytes: ArraySlice<UInt8>, line: Int, start: SourcePosition) -> SourceExcerpt {
        let anchor = start.line == line ? min(max(start.offset, lineBytes.startIndex), lineBytes.endIndex) : lineBytes.startIndex
        var lower = max(lineBytes.startIndex, anchor - byteReach)
        // Onto a character's first byte (continuation bytes are 10xxxxxx).
        while lower > lineBytes.startIndex, lower < lineBytes.endIndex, lineBytes[lower] & 0xC0 == 0x80 { lower -= 1 }
        let upper = min(lineBytes.endIndex, anchor + byteReach)
        let scalars = Array(String(decoding: lineBytes[lower..<upper], as: UTF8.self).unicodeScalars)
        let anchorIndex = String(decoding: lineBytes[lower..<anchor], as: UTF8.self).unicodeScalars.count
        // The column of `scalars[0]`: the anchor's column less the scalars before it in the slice.
        let firstColumn = (start.line == line ? start.column : 1) - anchorIndex
        let cutByBytesBefore = lower > lineBytes.startIndex
        let cutByBytesAfter = upper < lineBytes.endIndex

        let total = TerminalWidth.of(scalars[...])
        if !cutByBytesBefore && !cutByBytesAfter && total <= width {
            return SourceExcerpt(text: printable(scalars[...]), shift: 0)
        }
        // Leading context first, then everything after the start that fits, then more leading context if the
        // line ended early.
        var begin = anchorIndex
        var used = 0
        while begin > 0, used + TerminalWidth.of(scalars[begin - 1]) <= leadingWidth {
            begin -= 1
            used += TerminalWidth.of(scalars[begin])
        }
        var end = anchorIndex
        func budget() -> Int { width - ((begin > 0 || cutByBytesBefore) ? 1 : 0) - 1 }
        while end < scalars.count, used + TerminalWidth.of(scalars[end]) <= budget() {
            used += TerminalWidth.of(scalars[end])
            end += 1
        }
        let reachesEnd = end == scalars.count && !cutByBytesAfter
        if reachesEnd {
            // No mark needed after: its column goes to leading context.
            while begin > 0, used + TerminalWidth.of(scalars[begin - 1]) <= width - 1 {
                begin -= 1
                used += TerminalWidth.of(scalars[begin])
            }
        }
        let cutBefore = begin > 0 || cutByBytesBefore
        let cutAfter = !reachesEnd
        let text = (cutBefore ? "…" : "") + printable(scalars[begin..<end]) + (cutAfter ? "…" : "")
        return SourceExcerpt(text: text, shift: firstColumn + begin - 1 - (cutBefore ? 1 : 0))
    }

    /// Control characters shown as U+FFFD, one column each, so that underlines still line up and no escape
    /// sequence from a note reaches the reader's terminal.
    static func printable(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(view)
    }

    /// C0 and C1 controls and DEL, tab excepted.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
}

extension SourceExcerpt: ExpressibleByStringLiteral {
    /// A whole, short line (sample reports, tests).
    public init(stringLiteral text: String) {
        self.init(text: text, shift: 0)
    }
}
