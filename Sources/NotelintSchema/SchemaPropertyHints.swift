import NotelintLoader

/// What a schema says about one top-level property, for suggestions ("did you mean `status`?", "did you mean
/// `evergreen`?") and documentation.
public struct SchemaPropertyHint: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var description: String?
    /// From the property's `enum` or `const`, as text.
    public var allowedValues: [String]
    /// From the property's `type`.
    public var types: [String]
    public var isRequired: Bool
    /// The property's `format`, or its items' (`note-ref`: the value names another note).
    public var format: String? = nil
}

/// Gathers the properties of the root schema and of the schemas applied to the root in place.
struct SchemaPropertyHints {
    let schemas: ContiguousArray<CompiledSchema>

    func collect() -> [SchemaPropertyHint] {
        var hints: [SchemaPropertyHint] = []
        var positionByName: [ExactString: Int] = [:]
        var required: Set<ExactString> = []
        for schema in inPlaceSchemas(from: 0) {
            guard let object = schemas[schema].object else { continue }
            required.formUnion(object.required.map(ExactString.init))
            for name in object.propertyNames {
                guard let index = object.properties.schema(for: name) else { continue }
                let hint = describe(name, schema: index)
                if let position = positionByName[ExactString(name)] {
                    hints[position] = merged(hints[position], hint)
                } else {
                    positionByName[ExactString(name)] = hints.count
                    hints.append(hint)
                }
            }
        }
        for position in hints.indices where required.contains(ExactString(hints[position].name)) {
            hints[position].isRequired = true
        }
        return hints
    }

    /// `start` and the schemas applied to the same instance through `$ref`, `allOf`, `anyOf`, `oneOf`, `then` and
    /// `else` (not `not`, whose properties are forbidden ones), each once.
    private func inPlaceSchemas(from start: Int) -> [Int] {
        var order: [Int] = []
        var seen: Set<Int> = []
        var queue = [start]
        while let index = queue.first {
            queue.removeFirst()
            guard seen.insert(index).inserted else { continue }
            order.append(index)
            guard let applicators = schemas[index].applicators else { continue }
            var next: [Int] = []
            if let ref = applicators.ref { next.append(ref) }
            next += applicators.allOf + applicators.anyOf + applicators.oneOf
            if let then = applicators.thenSchema { next.append(then) }
            if let otherwise = applicators.elseSchema { next.append(otherwise) }
            queue += next
        }
        return order
    }

    private func describe(_ name: String, schema: Int) -> SchemaPropertyHint {
        var hint = SchemaPropertyHint(name: name, title: nil, description: nil, allowedValues: [], types: [], isRequired: false)
        for index in inPlaceSchemas(from: schema) {
            let schema = schemas[index]
            hint.title = hint.title ?? schema.title
            hint.description = hint.description ?? schema.description
            if hint.allowedValues.isEmpty {
                if schema.constValue != nil {
                    hint.allowedValues = [schema.constText]
                } else if schema.enumValues != nil {
                    hint.allowedValues = schema.enumTexts
                }
            }
            if hint.types.isEmpty, let types = schema.types { hint.types = types.names }
            if hint.format == nil {
                hint.format = schema.node["format"]?.scalar?.text
                    ?? schema.array?.items.flatMap { schemas[$0].node["format"]?.scalar?.text }
            }
        }
        return hint
    }

    private func merged(_ first: SchemaPropertyHint, _ second: SchemaPropertyHint) -> SchemaPropertyHint {
        var hint = first
        hint.title = hint.title ?? second.title
        hint.description = hint.description ?? second.description
        if hint.allowedValues.isEmpty { hint.allowedValues = second.allowedValues }
        if hint.types.isEmpty { hint.types = second.types }
        if hint.format == nil { hint.format = second.format }
        return hint
    }
}
