import NotelintLoader

/// Turns a schema document into the table of `CompiledSchema`s that validation walks.
///
/// Subschemas are compiled from a work list rather than by recursion: every node that holds a schema gets an index
/// when it is first met (as a keyword's value or as a `$ref` target), so references to schemas not compiled yet, and
/// cycles through `$ref`, need no second pass.
struct SchemaCompiler {
    let sourcePath: String?
    let reference: SchemaReference
    private(set) var schemas: [CompiledSchema?] = []
    private var indexByNode: [ObjectIdentifier: Int] = [:]
    private var pending: [(node: YAMLNode, index: Int, embeddedID: String?)] = []
    /// The `$id` of the nearest enclosing subschema that has one (the root's excepted), while compiling a schema.
    private var currentEmbeddedID: String?
    /// Bounds the expansion of aliases while copying `enum` and `const` values out of a YAML schema.
    var constantBudget = 1_000_000

    init(root: YAMLNode, sourcePath: String?) {
        self.sourcePath = sourcePath
        let id = root.dereferenced["$id"]?.dereferenced.scalar?.text
        let documentID = id.map { text in text.firstIndex(of: "#").map { String(text[..<$0]) } ?? text }
        reference = SchemaReference(documentRoot: root, documentID: documentID)
    }

    /// Compiles the root and everything reachable from it; the root is index 0.
    mutating func compile() throws(SchemaError) -> ContiguousArray<CompiledSchema> {
        _ = index(of: reference.documentRoot)
        while let (node, index, embeddedID) = pending.popLast() {
            currentEmbeddedID = embeddedID
            if node !== reference.documentRoot.dereferenced, let id = node["$id"]?.dereferenced.scalar?.text {
                currentEmbeddedID = id
            }
            schemas[index] = try compileSchema(node)
        }
        let compiled = ContiguousArray(schemas.map { $0! })
        try SchemaLoopCheck(schemas: compiled, sourcePath: sourcePath).run()
        return compiled
    }

    /// The index of the schema at `node`, queueing it for compilation when it is new. `node` is a subschema of
    /// the schema being compiled unless `embeddedID` says under which `$id` it sits.
    mutating func index(of node: YAMLNode, embeddedID: String?? = nil) -> Int {
        let target = node.dereferenced
        let identifier = ObjectIdentifier(target)
        if let index = indexByNode[identifier] { return index }
        let index = schemas.count
        schemas.append(nil)
        indexByNode[identifier] = index
        pending.append((target, index, embeddedID ?? currentEmbeddedID))
        return index
    }

    func error(_ message: String, at node: YAMLNode) -> SchemaError {
        SchemaError(message: message, range: node.range, sourcePath: sourcePath)
    }

    private mutating func compileSchema(_ node: YAMLNode) throws(SchemaError) -> CompiledSchema {
        switch node.content {
        case .scalar(let scalar):
            if case .bool(let value) = scalar.resolved { return CompiledSchema(boolean: value, node: node) }
            throw error("a schema must be a mapping or true/false, not \(describe(node))", at: node)
        case .mapping(let pairs, _):
            var keywords = KeywordSet(node: node)
            for pair in pairs {
                guard let name = pair.key.dereferenced.scalar?.text else {
                    throw error("schema keywords must be strings", at: pair.key)
                }
                try compileKeyword(name, pair.value.dereferenced, into: &keywords, schemaNode: node)
            }
            return keywords.build()
        default:
            throw error("a schema must be a mapping or true/false, not \(describe(node))", at: node)
        }
    }

    func describe(_ node: YAMLNode) -> String {
        switch InstanceValue(node) {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string(let text): "the string \"\(text)\""
        case .array: "a list"
        case .object: "a mapping"
        }
    }

    // MARK: $ref

    mutating func compileReference(_ value: YAMLNode) throws(SchemaError) -> Int {
        let text = try string(value, keyword: "$ref")
        // A nested `$id` starts a new base URI against which `#/…` would resolve; only the root's is understood,
        // so a `$ref` under another one would silently point elsewhere.
        if let id = currentEmbeddedID {
            throw error("`$ref` inside a subschema with its own `$id` (\(id)) is not supported", at: value)
        }
        do {
            let target = try reference.resolve(text)
            return index(of: target.node, embeddedID: .some(target.embeddedID))
        } catch {
            switch error {
            case .external(let base):
                throw self.error("`$ref` to another document (\(base)) is not supported; only references within this schema (#/…) are", at: value)
            case .anchor(let name):
                throw self.error("`$ref` to the anchor `\(name)` is not supported; use a JSON pointer such as #/$defs/\(name)", at: value)
            case .missing:
                throw self.error("`$ref` target \(text) does not exist in this schema", at: value)
            }
        }
    }

    // MARK: Value readers

    func string(_ value: YAMLNode, keyword: String) throws(SchemaError) -> String {
        guard case .string(let text) = InstanceValue(value) else {
            throw error("`\(keyword)` must be a string, not \(describe(value))", at: value)
        }
        return text
    }

    func number(_ value: YAMLNode, keyword: String) throws(SchemaError) -> NumberBound {
        guard case .number(let number) = InstanceValue(value), let text = value.dereferenced.scalar?.text else {
            throw error("`\(keyword)` must be a number, not \(describe(value))", at: value)
        }
        return NumberBound(value: number, text: text)
    }

    func count(_ value: YAMLNode, keyword: String) throws(SchemaError) -> Int {
        guard case .number(let number) = InstanceValue(value), number.isInteger, number.doubleValue >= 0 else {
            throw error("`\(keyword)` must be a non-negative integer, not \(describe(value))", at: value)
        }
        switch number {
        case .int(let value): return value
        case .double(let value): return value < 9.0e18 ? Int(value) : Int.max
        }
    }

    func bool(_ value: YAMLNode, keyword: String) throws(SchemaError) -> Bool {
        guard case .bool(let flag) = InstanceValue(value) else {
            throw error("`\(keyword)` must be true or false, not \(describe(value))", at: value)
        }
        return flag
    }

    func stringList(_ value: YAMLNode, keyword: String) throws(SchemaError) -> [String] {
        guard case .array(let items) = InstanceValue(value) else {
            throw error("`\(keyword)` must be a list of strings, not \(describe(value))", at: value)
        }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = InstanceValue(item) else {
                throw error("`\(keyword)` must list strings only, not \(describe(item))", at: item)
            }
            strings.append(text)
        }
        return strings
    }

    mutating func schemaList(_ value: YAMLNode, keyword: String) throws(SchemaError) -> [Int] {
        guard case .array(let items) = InstanceValue(value), !items.isEmpty else {
            throw error("`\(keyword)` must be a non-empty list of schemas", at: value)
        }
        return items.map { index(of: $0) }
    }

    /// A mapping's entries with string keys.
    func entries(_ value: YAMLNode, keyword: String) throws(SchemaError) -> [(name: String, key: YAMLNode, value: YAMLNode)] {
        guard case .object(let pairs) = InstanceValue(value) else {
            throw error("`\(keyword)` must be a mapping, not \(describe(value))", at: value)
        }
        var entries: [(name: String, key: YAMLNode, value: YAMLNode)] = []
        for pair in pairs {
            guard let name = pair.key.dereferenced.scalar?.text else {
                throw error("keys of `\(keyword)` must be strings", at: pair.key)
            }
            entries.append((name, pair.key, pair.value.dereferenced))
        }
        return entries
    }

    func pattern(_ value: YAMLNode, source: String) throws(SchemaError) -> SchemaPattern {
        do {
            return try SchemaPattern(source)
        } catch {
            throw self.error("invalid regular expression \(source): \(error)", at: value)
        }
    }

    /// Copies `enum`/`const` data out of the tree, with JSON's data model. Aliases can make a value far larger and
    /// deeper than its text, so both are bounded.
    mutating func constant(_ node: YAMLNode, depth: Int = 0) throws(SchemaError) -> SchemaConstant {
        constantBudget -= 1
        if constantBudget < 0 || depth > 256 {
            throw error("`enum`/`const` values are too large once aliases are expanded", at: node)
        }
        switch InstanceValue(node) {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let value): return .number(value)
        case .string(let value): return .string(value)
        case .array(let items):
            var values: [SchemaConstant] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try constant(item, depth: depth + 1)) }
            return .array(values)
        case .object(let pairs):
            var members: [(key: String, value: SchemaConstant)] = []
            members.reserveCapacity(pairs.count)
            for pair in pairs {
                members.append((pair.key.dereferenced.scalar?.text ?? "", try constant(pair.value, depth: depth + 1)))
            }
            return .object(members)
        }
    }
}
