/// How a YAML tree is turned into JSON.
public struct YAMLJSONOptions: Sendable, Hashable {
    /// Scalars as YAML 1.2 core values (null, bool, int, float, string); when false, every scalar is the
    /// string it was written as, the way PyYAML's `BaseLoader` reads front matter.
    public var typed: Bool
    /// Wrap every node in an object that carries its source range (see `YAMLJSONRenderer`).
    public var positions: Bool
    /// Most nodes written, aliases counted as often as they are expanded.
    public var nodeBudget: Int

    public init(typed: Bool = true, positions: Bool = false, nodeBudget: Int = 1_000_000) {
        self.typed = typed
        self.positions = positions
        self.nodeBudget = nodeBudget
    }
}

/// Expanding aliases would have written more nodes than the budget allows.
public struct JSONNodeBudgetExceeded: Error, Sendable, Hashable {
    public var budget: Int
    /// The alias (as it appears in the document, not inside another expansion) being expanded when the budget
    /// ran out, or the node reached last when no alias was involved.
    public var range: SourceRange
}

/// Renders a YAML tree as JSON.
///
/// Without positions, mappings become objects with keys in source order (repeated keys are written as they
/// repeat), sequences arrays, aliases their target's value. A key that is not a scalar becomes a string holding
/// its own JSON text. With positions, each node becomes
/// `{"line":…,"column":…,"offset":…,"endLine":…,"endColumn":…,"endOffset":…,"value":…}` where a mapping's value
/// is an array of `{"key": node, "value": node}` and an alias node adds `"alias": name` before its target's value.
///
/// The walk keeps its own stack: aliases can nest expansions far deeper than the tree itself.
public struct YAMLJSONRenderer {
    public let options: YAMLJSONOptions

    public init(options: YAMLJSONOptions = YAMLJSONOptions()) {
        self.options = options
    }

    /// The JSON text of `node`.
    public func render(_ node: YAMLNode) -> Result<String, JSONNodeBudgetExceeded> {
        var writer = JSONWriter()
        if let failure = write(node, to: &writer) { return .failure(failure) }
        return .success(String(decoding: writer.bytes, as: UTF8.self))
    }

    /// Writes `node` as the next value of `writer`. On failure nothing of it is left in `writer`.
    public func write(_ node: YAMLNode, to writer: inout JSONWriter) -> JSONNodeBudgetExceeded? {
        let start = writer.checkpoint
        var walk = Walk(options: options, writers: [writer])
        if let failure = walk.run(node) {
            writer.rollBack(to: start)
            return failure
        }
        writer = walk.writers[0]
        return nil
    }
}

private struct Walk {
    enum Task {
        case node(YAMLNode)
        /// The value of a node whose positions, if any, were already written.
        case value(YAMLNode)
        case mappingKey(YAMLNode)
        /// `{"key":` of a positioned pair.
        case beginPair
        /// `"value":` of a positioned pair.
        case pairValueName
        case endObject
        case endArray
        /// Ends a key rendered into its own writer: its JSON text becomes the enclosing object's member name.
        case finishCapturedKey
        case leaveAlias
    }

    let options: YAMLJSONOptions
    /// The innermost writer is last; keys that are collections are written into a writer of their own.
    var writers: [JSONWriter]
    var tasks: [Task] = []
    var aliasesBeingExpanded: [SourceRange] = []
    var nodesWritten = 0

    init(options: YAMLJSONOptions, writers: [JSONWriter]) {
        self.options = options
        self.writers = writers
    }

    var top: JSONWriter {
        get { writers[writers.count - 1] }
        _modify { yield &writers[writers.count - 1] }
    }

    mutating func run(_ root: YAMLNode) -> JSONNodeBudgetExceeded? {
        tasks.append(.node(root))
        while let task = tasks.popLast() {
            switch task {
            case .node(let node):
                if let failure = admit(node) { return failure }
                if options.positions {
                    openPositioned(node)
                } else {
                    tasks.append(.value(node))
                }
            case .value(let node):
                if let failure = writeValue(node) { return failure }
            case .mappingKey(let key):
                writeKey(key)
            case .beginPair:
                top.beginObject()
                top.key("key")
            case .pairValueName:
                top.key("value")
            case .endObject:
                top.endObject()
            case .endArray:
                top.endArray()
            case .finishCapturedKey:
                let captured = writers.removeLast()
                top.key(String(decoding: captured.bytes, as: UTF8.self))
            case .leaveAlias:
                aliasesBeingExpanded.removeLast()
            }
        }
        return nil
    }

    mutating func admit(_ node: YAMLNode) -> JSONNodeBudgetExceeded? {
        nodesWritten += 1
        guard nodesWritten > options.nodeBudget else { return nil }
        return JSONNodeBudgetExceeded(budget: options.nodeBudget, range: aliasesBeingExpanded.first ?? node.range)
    }

    mutating func openPositioned(_ node: YAMLNode) {
        top.beginObject()
        top.rangeMembers(node.range)
        if case .alias(let name, _) = node.content {
            top.key("alias")
            top.string(name)
        }
        top.key("value")
        tasks.append(.endObject)
        tasks.append(.value(node))
    }

    mutating func writeValue(_ node: YAMLNode) -> JSONNodeBudgetExceeded? {
        switch node.content {
        case .scalar(let scalar):
            writeScalar(scalar)
        case .alias(_, let target):
            guard let target else {
                // The loader already reported the undefined anchor.
                top.null()
                return nil
            }
            if let failure = admit(target) { return failure }
            aliasesBeingExpanded.append(node.range)
            tasks.append(.leaveAlias)
            // The alias stands in for its target's value; with positions, the range written is the alias's own.
            tasks.append(.value(target))
        case .sequence(let items, _):
            top.beginArray()
            tasks.append(.endArray)
            for item in items.reversed() { tasks.append(.node(item)) }
        case .mapping(let pairs, _):
            if options.positions {
                top.beginArray()
                tasks.append(.endArray)
                for pair in pairs.reversed() {
                    tasks.append(.endObject)
                    tasks.append(.node(pair.value))
                    tasks.append(.pairValueName)
                    tasks.append(.node(pair.key))
                    tasks.append(.beginPair)
                }
            } else {
                top.beginObject()
                tasks.append(.endObject)
                for pair in pairs.reversed() {
                    tasks.append(.node(pair.value))
                    tasks.append(.mappingKey(pair.key))
                }
            }
        }
        return nil
    }

    /// A member name for `key` (without positions, where pairs are object members).
    mutating func writeKey(_ key: YAMLNode) {
        if let scalar = key.dereferenced.scalar {
            top.key(scalar.text)
            return
        }
        // A collection as key: render it into a writer of its own, then use that text as the name.
        writers.append(JSONWriter())
        tasks.append(.finishCapturedKey)
        tasks.append(.node(key))
    }

    mutating func writeScalar(_ scalar: YAMLScalar) {
        guard options.typed else {
            top.string(scalar.text)
            return
        }
        switch scalar.resolved {
        case .null: top.null()
        case .bool(let value): top.bool(value)
        case .int(let value): top.int(value)
        case .float(let value): top.double(value)
        case .string(let value): top.string(value)
        }
    }
}
