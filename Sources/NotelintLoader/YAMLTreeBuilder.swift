import CYAML

/// The YAML documents found in a byte range, with the problems met while building them.
public struct YAMLParseResult: Sendable {
    public var documents: [YAMLNode?]
    public var problems: [LoadProblem]
    /// True when libyaml stopped on an error or a limit stopped the build: `documents` may be partial.
    public var isIncomplete: Bool
}

/// Builds positioned YAML trees from libyaml's event stream.
///
/// libyaml's marks count Unicode scalars from the start of its input; positions here are byte offsets and
/// line/column in the whole file, so every mark goes through `position(of:)`.
public struct YAMLTreeBuilder {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    /// Parses `range` of `source.bytes` as a YAML stream.
    public func parse(_ source: SourceText, range: Range<Int>) -> YAMLParseResult {
        source.bytes.withUnsafeBufferPointer { buffer in
            var session = Session(source: source, buffer: buffer, range: range, limits: limits)
            return session.run()
        }
    }
}

private struct Frame {
    var isMapping: Bool
    var start: SourcePosition
    var tag: String?
    var anchor: String?
    var style: CollectionStyle
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    var keyRanges: [String: SourceRange] = [:]
}

private struct Session {
    let source: SourceText
    let buffer: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    let limits: LoadLimits
    var problems: [LoadProblem] = []
    var documents: [YAMLNode?] = []
    var frames: [Frame] = []
    var anchors: [String: YAMLNode] = [:]
    var aliasCount = 0
    var keyCount = 0
    var documentRoot: YAMLNode?
    /// Byte offset of each Unicode scalar of the input, built only for non-ASCII input.
    var scalarOffsets: [Int32] = []
    var isASCII = true
    var useLibYAMLLines = true
    let firstLine: Int

    init(source: SourceText, buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, limits: LoadLimits) {
        self.source = source
        self.buffer = buffer
        self.range = range
        self.limits = limits
        self.firstLine = source.line(ofByte: range.lowerBound)
    }

    mutating func run() -> YAMLParseResult {
        let check = UTF8Check(buffer, range: range)
        switch check.finding {
        case .invalid(let offset)?:
            let position = source.position(ofByte: offset)
            problems.append(LoadProblem(
                kind: .invalidUTF8,
                message: "byte 0x\(hex(buffer[offset])) is not valid UTF-8",
                range: SourceRange(start: position, end: source.position(ofByte: offset + 1))))
            return YAMLParseResult(documents: [], problems: problems, isIncomplete: true)
        case .nul(let offset)?:
            problems.append(LoadProblem(
                kind: .nulByte, message: "NUL byte in YAML (is this a binary file?)",
                range: source.range(ofBytes: offset..<(offset + 1))))
            return YAMLParseResult(documents: [], problems: problems, isIncomplete: true)
        case nil:
            break
        }
        isASCII = check.isASCII
        // libyaml also breaks lines at NEL, LS and PS; our line table does not, so derive lines from bytes then.
        useLibYAMLLines = !check.hasUnicodeLineBreaks && range.lowerBound == source.lineStarts[firstLine - 1]
        if !isASCII { buildScalarOffsets() }
        let incomplete = parseEvents()
        return YAMLParseResult(documents: documents, problems: problems, isIncomplete: incomplete)
    }

    mutating func buildScalarOffsets() {
        scalarOffsets.reserveCapacity(range.count + 1)
        for index in range where buffer[index] & 0xC0 != 0x80 {
            scalarOffsets.append(Int32(index))
        }
        scalarOffsets.append(Int32(range.upperBound))
    }

    func position(of mark: yaml_mark_t) -> SourcePosition {
        let index = Int(mark.index)
        let offset: Int
        if isASCII {
            offset = range.lowerBound + index
        } else {
            offset = Int(scalarOffsets[min(index, scalarOffsets.count - 1)])
        }
        if useLibYAMLLines {
            return SourcePosition(line: firstLine + Int(mark.line), column: Int(mark.column) + 1, offset: offset)
        }
        return source.position(ofByte: offset)
    }

    /// Returns true when parsing stopped early.
    mutating func parseEvents() -> Bool {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            problems.append(LoadProblem(kind: .syntax, message: "out of memory", range: SourceRange(at: source.position(ofByte: range.lowerBound))))
            return true
        }
        defer { yaml_parser_delete(&parser) }
        let base = buffer.baseAddress.map { $0 + range.lowerBound }
        withUnsafePointer(to: UInt8(0)) { empty in
            yaml_parser_set_input_string(&parser, base ?? empty, range.count)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return true
            }
            let keepGoing = handle(event)
            let isEnd = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !keepGoing { return true }
            if isEnd { return false }
        }
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let problemPosition = position(of: parser.problem_mark)
        var message = problem
        var related: SourceRange?
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextPosition = position(of: parser.context_mark)
            message = "\(problem) (\(context) at line \(contextPosition.line), column \(contextPosition.column))"
            related = SourceRange(at: contextPosition)
        }
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry the offending byte offset in problem_offset, not in a mark.
            let offset = range.lowerBound + Int(parser.problem_offset)
            problems.append(LoadProblem(kind: .syntax, message: message, range: source.range(ofBytes: offset..<min(offset + 1, range.upperBound))))
            return
        }
        problems.append(LoadProblem(kind: .syntax, message: message, range: SourceRange(at: problemPosition), related: related))
    }

    func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// Returns false to stop parsing.
    mutating func handle(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentRoot = nil
            anchors.removeAll(keepingCapacity: true)
        case YAML_DOCUMENT_END_EVENT:
            documents.append(documentRoot)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = Session.string(data.tag)
            let scalar = ScalarResolver.resolve(text: text, style: style, tag: tag)
            let node = YAMLNode(
                content: .scalar(scalar),
                range: SourceRange(start: position(of: event.start_mark), end: position(of: event.end_mark)),
                tag: tag, anchor: Session.string(data.anchor))
            return add(node)
        case YAML_ALIAS_EVENT:
            aliasCount += 1
            let range = SourceRange(start: position(of: event.start_mark), end: position(of: event.end_mark))
            if aliasCount > limits.maxAliases {
                problems.append(LoadProblem(kind: .tooManyAliases, message: "more than \(limits.maxAliases) aliases", range: range))
                return false
            }
            let name = Session.string(event.data.alias.anchor) ?? ""
            let target = anchors[name]
            if target == nil {
                problems.append(LoadProblem(kind: .undefinedAlias, message: "alias *\(name) refers to no anchor defined before it", range: range))
            }
            return add(YAMLNode(content: .alias(name: name, target: target), range: range))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let start = position(of: event.start_mark)
            if frames.count >= limits.maxDepth {
                problems.append(LoadProblem(
                    kind: .tooDeep, message: "nesting deeper than \(limits.maxDepth) levels",
                    range: SourceRange(start: start, end: position(of: event.end_mark))))
                return false
            }
            let tag: String?
            let anchor: String?
            let flow: Bool
            if isMapping {
                let data = event.data.mapping_start
                tag = Session.string(data.tag)
                anchor = Session.string(data.anchor)
                flow = data.style == YAML_FLOW_MAPPING_STYLE
            } else {
                let data = event.data.sequence_start
                tag = Session.string(data.tag)
                anchor = Session.string(data.anchor)
                flow = data.style == YAML_FLOW_SEQUENCE_STYLE
            }
            frames.append(Frame(isMapping: isMapping, start: start, tag: tag, anchor: anchor, style: flow ? .flow : .block))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = frames.popLast() else { return false }
            var end = position(of: event.end_mark)
            if frame.style == .block {
                // A block collection's end event sits at the next token; the node ends with its last child.
                let lastChild = frame.isMapping ? frame.pairs.last?.value : frame.items.last
                if let lastChild { end = lastChild.range.end }
            }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs, frame.style) : .sequence(frame.items, frame.style)
            return add(YAMLNode(content: content, range: SourceRange(start: frame.start, end: end), tag: frame.tag, anchor: frame.anchor))
        default:
            break
        }
        return true
    }

    mutating func add(_ node: YAMLNode) -> Bool {
        if let anchor = node.anchor { anchors[anchor] = node }
        guard !frames.isEmpty else {
            documentRoot = node
            return true
        }
        let top = frames.count - 1
        if !frames[top].isMapping {
            frames[top].items.append(node)
            return true
        }
        guard let key = frames[top].pendingKey else {
            frames[top].pendingKey = node
            return true
        }
        frames[top].pendingKey = nil
        keyCount += 1
        if keyCount > limits.maxKeys {
            problems.append(LoadProblem(kind: .tooManyKeys, message: "more than \(limits.maxKeys) keys", range: key.range))
            return false
        }
        if let name = key.dereferenced.scalar?.text {
            if let first = frames[top].keyRanges[name] {
                problems.append(LoadProblem(
                    kind: .duplicateKey,
                    message: "duplicate key `\(name)` (first defined at line \(first.start.line))",
                    range: key.range, related: first))
            } else {
                frames[top].keyRanges[name] = key.range
            }
        }
        frames[top].pairs.append(YAMLPair(key: key, value: node))
        return true
    }
}
