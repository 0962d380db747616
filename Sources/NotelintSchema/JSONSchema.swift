import NotelintLoader

/// A JSON Schema (draft 2020-12) compiled for validating YAML trees under JSON's data model.
///
/// Built once, then shared: it is immutable, and `validate` may run on many threads at once.
public struct JSONSchema: Sendable {
    /// Work units (schema applications and value comparisons) one validation may spend before it gives up with a
    /// `limit` violation. Front matter that reaches it is either huge or an alias bomb.
    public static let defaultWorkBudget = 1_000_000

    let schemas: ContiguousArray<CompiledSchema>
    public let sourcePath: String?
    /// Top-level property names, in schema order, including those brought in by `$ref`, `allOf`, `anyOf`, `oneOf`
    /// and `if`/`then`/`else` at the root.
    public let knownProperties: [String]
    /// The same properties with what their subschemas say about them.
    public let propertyHints: [SchemaPropertyHint]

    /// Compiles a schema document (a YAML tree; JSON is YAML too). Throws for invalid schemas, at the offending node.
    public init(root: YAMLNode, sourcePath: String? = nil) throws(SchemaError) {
        var compiler = SchemaCompiler(root: root, sourcePath: sourcePath)
        schemas = try compiler.compile()
        self.sourcePath = sourcePath
        propertyHints = SchemaPropertyHints(schemas: schemas).collect()
        knownProperties = propertyHints.map(\.name)
    }

    /// The JSON types the root schema's own `properties.KEY` declares, one `$ref` followed; `enum` or `const`
    /// without `type` counts as a string. Empty when it says nothing: what rules ask when a value's type is in doubt.
    public func declaredTypes(ofProperty key: String) -> Set<String> {
        property(key).map(typeNames) ?? []
    }

    /// The `format` the root schema's own `properties.KEY` (or, for a list, its `items`) names, one `$ref` followed,
    /// asserted or not: formats the schema does not check (`note-ref`) still tell rules what a value is.
    public func declaredFormat(ofProperty key: String) -> String? {
        guard let property = property(key) else { return nil }
        if let format = schemas[property].node["format"]?.scalar?.text { return format }
        guard let items = schemas[property].array?.items else { return nil }
        return schemas[followingReference(items)].node["format"]?.scalar?.text
    }

    /// The same for the items of a list property (`properties.KEY.items`).
    public func declaredItemTypes(ofProperty key: String) -> Set<String> {
        guard let property = property(key), let items = schemas[property].array?.items else { return [] }
        return typeNames(of: followingReference(items))
    }

    private func property(_ key: String) -> Int? {
        schemas.first?.object?.properties.schema(for: key).map(followingReference)
    }

    private func followingReference(_ index: Int) -> Int {
        schemas[index].applicators?.ref ?? index
    }

    private func typeNames(of index: Int) -> Set<String> {
        let schema = schemas[index]
        if let types = schema.types { return Set(types.names) }
        return schema.enumValues != nil || schema.constValue != nil ? ["string"] : []
    }

    /// Validates an instance; nil stands for an absent or empty document, which JSON sees as null.
    public func validate(_ instance: YAMLNode?) -> [SchemaViolation] {
        validate(instance, workBudget: Self.defaultWorkBudget)
    }

    public func validate(_ instance: YAMLNode?, workBudget: Int) -> [SchemaViolation] {
        let root = instance ?? Self.absentDocument
        var evaluator = SchemaEvaluator(schemas: schemas, absentDocument: Self.absentDocument, workBudget: workBudget)
        _ = evaluator.evaluate(0, root, report: true)
        if let reason = evaluator.stopReason {
            let cause = switch reason {
            case .workBudget: "too large once its aliases are expanded"
            case .depth: "nested too deeply for this schema"
            }
            evaluator.violations.append(SchemaViolation(
                keyword: "limit", instance: instance, instancePath: [],
                message: "validation against the schema stopped early: the front matter is \(cause)"))
        }
        return evaluator.violations
    }

    /// Whether the instance is valid, stopping at the first violation.
    public func isValid(_ instance: YAMLNode?) -> Bool {
        var evaluator = SchemaEvaluator(schemas: schemas, absentDocument: Self.absentDocument, workBudget: Self.defaultWorkBudget)
        let valid = evaluator.evaluate(0, instance ?? Self.absentDocument, report: false)
        return valid && evaluator.stopReason == nil
    }

    /// JSON's null, standing for a document that is not there.
    static let absentDocument = YAMLNode(
        content: .scalar(YAMLScalar(text: "", style: .plain, resolved: .null, yaml11Type: nil)),
        range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0)))
}
