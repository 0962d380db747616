import NotelintLoader
import NotelintText

/// Builds `JSONReader`'s positioned `YAMLNode` trees from the JSON grammar. Offsets come in increasing order, so
/// the line is found by stepping on through the source's line starts and the column is counted on from the last
/// position rather than from the start of the line: minified JSON stays linear.
struct PositionedJSONBuilder: JSONBuilder {
    let source: SourceText
    var line: Int
    var lastOffset: Int
    var lastColumn: Int

    init(source: SourceText, from offset: Int) {
        self.source = source
        let start = source.position(ofByte: offset)
        line = start.line
        lastOffset = start.offset
        lastColumn = start.column
    }

    mutating func position(_ offset: Int) -> SourcePosition {
        let starts = source.lineStarts
        if offset < lastOffset {
            // Not asked for by the grammar; counted afresh.
            let position = source.position(ofByte: offset)
            (line, lastOffset, lastColumn) = (position.line, position.offset, position.column)
            return position
        }
        if line < starts.count, starts[line] <= offset {
            while line < starts.count, starts[line] <= offset { line += 1 }
            lastOffset = starts[line - 1]
            lastColumn = 1
        }
        let bytes = source.bytes
        while lastOffset < offset {
            // Continuation bytes (10xxxxxx) do not start a Unicode scalar.
            if bytes[lastOffset] & 0xC0 != 0x80 { lastColumn += 1 }
            lastOffset += 1
        }
        return SourcePosition(line: line, column: lastColumn, offset: offset)
    }

    mutating func range(_ span: Range<Int>) -> SourceRange {
        let start = position(span.lowerBound)
        return SourceRange(start: start, end: position(span.upperBound))
    }

    mutating func scalar(_ text: String, _ style: ScalarStyle, _ resolved: ResolvedValue, span: Range<Int>) -> YAMLNode {
        YAMLNode(
            content: .scalar(YAMLScalar(text: text, style: style, resolved: resolved, yaml11Type: nil)),
            range: range(span))
    }

    mutating func string(_ text: String, span: Range<Int>) -> YAMLNode {
        scalar(text, .doubleQuoted, .string(text), span: span)
    }

    mutating func key(_ text: String, span: Range<Int>) -> YAMLNode {
        string(text, span: span)
    }

    /// Integers when written without fraction or exponent and within `Int`, floats otherwise.
    mutating func number(_ text: ArraySlice<UInt8>, isIntegral: Bool) -> YAMLNode {
        let spelled = String(decoding: text, as: UTF8.self)
        let resolved: ResolvedValue
        if isIntegral, let value = Int(spelled) {
            resolved = .int(value)
        } else {
            resolved = .float(Double(spelled) ?? .nan)
        }
        return scalar(spelled, .plain, resolved, span: text.indices)
    }

    mutating func literal(_ literal: JSONLiteral, span: Range<Int>) -> YAMLNode {
        let resolved: ResolvedValue =
            switch literal {
            case .true: .bool(true)
            case .false: .bool(false)
            case .null: .null
            }
        return scalar(literal.spelling, .plain, resolved, span: span)
    }

    mutating func beginObject(at offset: Int) -> (SourcePosition, [YAMLPair]) { (position(offset), []) }

    mutating func add(_ key: YAMLNode, _ value: YAMLNode, to members: inout (SourcePosition, [YAMLPair])) {
        members.1.append(YAMLPair(key: key, value: value))
    }

    mutating func endObject(_ members: (SourcePosition, [YAMLPair]), end: Int) -> YAMLNode {
        YAMLNode(content: .mapping(members.1, .flow), range: SourceRange(start: members.0, end: position(end)))
    }

    mutating func beginArray(at offset: Int) -> (SourcePosition, [YAMLNode]) { (position(offset), []) }

    mutating func add(_ item: YAMLNode, to items: inout (SourcePosition, [YAMLNode])) {
        items.1.append(item)
    }

    mutating func endArray(_ items: (SourcePosition, [YAMLNode]), end: Int) -> YAMLNode {
        YAMLNode(content: .sequence(items.1, .flow), range: SourceRange(start: items.0, end: position(end)))
    }
}
