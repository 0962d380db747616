import NotelintLoader
import NotelintText

/// Where and why a JSON text is not valid JSON.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition

    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}

/// A strict JSON (RFC 8259) reader that builds the same positioned `YAMLNode` trees as the YAML loader, so that
/// `.json` schemas and test data need no second data model.
///
/// Strings become double-quoted scalars, numbers integers when they are written without fraction or exponent and
/// fit in `Int`, floats otherwise; a `\u` escape of a lone surrogate reads as U+FFFD. It exists beside libyaml
/// because libyaml reads YAML 1.1, which is not quite a superset of JSON (surrogate-pair escapes, for one).
public struct JSONReader: Sendable {
    /// Nesting beyond this is refused, as the YAML loader refuses it.
    public var maxDepth: Int

    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }

    public func read(_ source: SourceText) throws(JSONSyntaxError) -> YAMLNode {
        try read(source, range: 0..<source.bytes.count)
    }

    /// Reads the one JSON value in `range` of the source, with positions relative to the whole source.
    public func read(_ source: SourceText, range: Range<Int>) throws(JSONSyntaxError) -> YAMLNode {
        let bytes = source.bytes
        var start = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        // A byte order mark may precede the text (RFC 8259 §8.1).
        if end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
        var builder = PositionedJSONBuilder(source: source, from: start)
        let grammar = JSONGrammar(maxDepth: maxDepth, replacesLoneSurrogates: true)
        do {
            return try grammar.read(bytes, range: start..<max(start, end), into: &builder)
        } catch {
            throw JSONSyntaxError(message: error.message, position: builder.position(error.offset))
        }
    }
}
