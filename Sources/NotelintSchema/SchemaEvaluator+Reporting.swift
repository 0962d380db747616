import NotelintLoader

/// Turning failures into violations with messages. Everything here runs only for invalid instances, and stays out
/// of line so that the recursive checks keep small stack frames.
extension SchemaEvaluator {
    /// How messages name the instance: "the front matter", "`tags[2]`", "`status` (Growth stage)".
    var subject: String {
        if let keyNameSubject { return "key `\(keyNameSubject)`" }
        guard !path.isEmpty else { return "the front matter" }
        let name = "`\(pathText)`"
        if let labelSchema, let label = schemas[labelSchema].label { return "\(name) (\(label))" }
        return name
    }

    var instancePath: [InstancePathComponent] { path.map(\.component) }

    var pathText: String { InstancePathComponent.text(of: instancePath) }

    @inline(never)
    mutating func report(_ failure: SchemaFailure, _ instance: YAMLNode, _ schema: CompiledSchema) {
        switch failure {
        case .falseSchema:
            record("false", instance, schema: schema, message: "\(subject) is not allowed here")
        case .type(let types):
            let names = types.names
            record("type", instance, schema: schema,
                message: "\(subject) must be \(SchemaPhrases.typeList(names)), not \(SchemaPhrases.describe(InstanceValue(instance)))",
                expectedTypes: names)
        case .enumeration:
            let values = schema.enumTexts
            let message = switch values.count {
            case 0: "\(subject) cannot have any value (the schema's `enum` is empty)"
            case 1: "\(subject) must be \(values[0])"
            default: "\(subject) must be one of \(SchemaPhrases.list(values))"
            }
            record("enum", instance, schema: schema, message: message, allowedValues: values)
        case .constant:
            record("const", instance, schema: schema, message: "\(subject) must be \(schema.constText)",
                allowedValues: [schema.constText])
        case .minLength(let minimum):
            record("minLength", instance, schema: schema,
                message: "\(subject) must be at least \(SchemaPhrases.count(minimum, "character")) long")
        case .maxLength(let maximum):
            record("maxLength", instance, schema: schema,
                message: "\(subject) must be at most \(SchemaPhrases.count(maximum, "character")) long")
        case .pattern(let source):
            record("pattern", instance, schema: schema, message: "\(subject) must match the pattern \(source)")
        case .format(let format):
            record("format", instance, schema: schema, message: "\(subject) must be \(SchemaFormats.expectation(format))",
                format: format.rawValue)
        case .number(let kind, let bound):
            let (keyword, phrase) = switch kind {
            case .minimum: ("minimum", "at least")
            case .exclusiveMinimum: ("exclusiveMinimum", "greater than")
            case .maximum: ("maximum", "at most")
            case .exclusiveMaximum: ("exclusiveMaximum", "less than")
            case .multipleOf: ("multipleOf", "a multiple of")
            }
            record(keyword, instance, schema: schema, message: "\(subject) must be \(phrase) \(bound.text)")
        case .minItems(let minimum):
            record("minItems", instance, schema: schema, message: "\(subject) must have at least \(SchemaPhrases.count(minimum, "item"))")
        case .maxItems(let maximum):
            record("maxItems", instance, schema: schema, message: "\(subject) must have at most \(SchemaPhrases.count(maximum, "item"))")
        case .refusedItem(let keyword, let position):
            let allowed = keyword == "items" ? schema.array?.prefixItems.count ?? 0 : position
            record(keyword, instance, schema: schema, message: "\(subject) must have at most \(SchemaPhrases.count(allowed, "item"))",
                extraPath: .index(position))
        case .duplicateItem(let items, let position, let earlier):
            let repeated = InstanceValue(items[position])
            let shown = switch repeated {
            case .array, .object: "an item"
            default: SchemaPhrases.describe(repeated)
            }
            record("uniqueItems", instance, schema: schema, message: "\(subject) lists \(shown) more than once",
                extraPath: .index(position), duplicateOf: items[earlier])
        case .contains(let count, let bound):
            reportContains(count, bound, instance, schema)
        case .minProperties(let minimum):
            record("minProperties", instance, schema: schema, message: "\(subject) must have at least \(SchemaPhrases.count(minimum, "key"))")
        case .maxProperties(let maximum):
            record("maxProperties", instance, schema: schema, message: "\(subject) must have at most \(SchemaPhrases.count(maximum, "key"))")
        case .required(let name, let keywords):
            record("required", instance, schema: schema,
                message: "\(subject) is missing required key \(describeProperty(name, in: keywords))", missingProperty: name)
        case .dependentRequired(let property, let name, let keywords):
            record("dependentRequired", instance, schema: schema,
                message: "\(subject) has `\(property)` and so must also have \(describeProperty(name, in: keywords))",
                missingProperty: name)
        case .refusedMember(let keyword, let pair):
            let name = pair.key.dereferenced.scalar?.text ?? "?"
            let place = path.isEmpty ? "" : " in `\(pathText)`"
            let message = keyword == "additionalProperties" ? "unknown key `\(name)`\(place)" : "key `\(name)` is not allowed\(place)"
            record(keyword, instance, schema: schema, message: message, key: pair.key, extraPath: .key(pair.key))
        case .not(let index):
            let forbidden = schemas[index]
            let message = if forbidden.constValue != nil {
                "\(subject) must not be \(forbidden.constText)"
            } else if let values = forbidden.enumValues, !values.isEmpty {
                "\(subject) must not be \(values.count == 1 ? forbidden.enumTexts[0] : "any of " + SchemaPhrases.list(forbidden.enumTexts))"
            } else {
                "\(subject) matches the schema of `not`, which it must not"
            }
            record("not", instance, schema: schema, message: message)
        case .ambiguousOneOf(let first, let second):
            record("oneOf", instance, schema: schema,
                message: "\(subject) matches alternatives \(first + 1) and \(second + 1) of `oneOf` but must match exactly one")
        }
    }

    mutating func record(
        _ keyword: String, _ instance: YAMLNode, schema: CompiledSchema?, message: String,
        key: YAMLNode? = nil, extraPath: PathStep? = nil, allowedValues: [String] = [],
        missingProperty: String? = nil, expectedTypes: [String] = [], format: String? = nil,
        duplicateOf: YAMLNode? = nil
    ) {
        var instancePath = instancePath
        if let extraPath { instancePath.append(extraPath.component) }
        let keywordNode = keyword == "false" ? schema?.node : schema?.keywordNode(keyword)
        violations.append(SchemaViolation(
            keyword: keyword, instance: instance === absentDocument ? nil : instance, instancePath: instancePath,
            key: key, message: message, allowedValues: allowedValues, missingProperty: missingProperty,
            expectedTypes: expectedTypes, format: format, duplicateOf: duplicateOf, schemaNode: keywordNode))
    }

    private mutating func reportContains(_ count: SchemaFailure.ContainsCount, _ bound: Int, _ instance: YAMLNode, _ schema: CompiledSchema) {
        let wanted = schema.array?.contains.map { schemas[$0] }
        let matching = wanted?.constValue != nil ? wanted!.constText : "matching the schema of `contains`"
        switch count {
        case .tooFew:
            let keyword = schema.keywordNode("minContains") == nil ? "contains" : "minContains"
            let needed = bound == 1 ? "an item" : "at least \(SchemaPhrases.count(bound, "item"))"
            let message = wanted?.constValue != nil && bound == 1
                ? "\(subject) must contain \(matching)" : "\(subject) must contain \(needed) \(matching)"
            record(keyword, instance, schema: schema, message: message)
        case .tooMany:
            record("maxContains", instance, schema: schema,
                message: "\(subject) must contain at most \(SchemaPhrases.count(bound, "item")) \(matching)")
        }
    }

    /// The name of a property with its title from `properties`, when it has one.
    private func describeProperty(_ name: String, in keywords: ObjectKeywords) -> String {
        guard let index = keywords.properties.schema(for: name), let label = schemas[index].label else { return "`\(name)`" }
        return "`\(name)` (\(label))"
    }

    /// Checks a key against `propertyNames` and reports whatever fails once, as `propertyNames`, at the key.
    @inline(never)
    mutating func reportPropertyName(_ index: Int, _ keyNode: YAMLNode, name: String, schema: CompiledSchema) -> Bool {
        let nameNode = Self.nameNode(keyNode, name: name)
        if case .alwaysInvalid = schemas[index].kind {
            guard spend() else { return true }
            record("propertyNames", keyNode, schema: schema, message: "key `\(name)` is not allowed", key: keyNode,
                extraPath: .key(keyNode))
            return false
        }
        let before = violations.count
        let savedSubject = keyNameSubject
        keyNameSubject = name
        let valid = evaluate(index, nameNode, report: true)
        keyNameSubject = savedSubject
        guard !valid else { return true }
        let details = violations[before...].map(\.message)
        violations.removeSubrange(before...)
        let message = details.isEmpty ? "key `\(name)` is not allowed" : details.joined(separator: "; ")
        record("propertyNames", keyNode, schema: schema, message: message, key: keyNode, extraPath: .key(keyNode))
        return false
    }

    /// No alternative of `anyOf`/`oneOf` matches. When exactly one of them accepts the instance's type, its own
    /// violations explain best what is wrong; when they are all constants, they are the allowed values; otherwise
    /// the message says which types would do. This recurses into the alternative, so it keeps its own frame small.
    @inline(never)
    mutating func reportNoAlternative(_ keyword: String, _ alternatives: [Int], _ schema: CompiledSchema, _ instance: YAMLNode) {
        if let only = soleAlternativeAcceptingType(alternatives, InstanceValue(instance)) {
            let before = violations.count
            _ = evaluate(only, instance, report: true)
            if violations.count > before { return }
        }
        summarizeNoAlternative(keyword, alternatives, schema, instance)
    }

    @inline(never)
    private func soleAlternativeAcceptingType(_ alternatives: [Int], _ value: InstanceValue) -> Int? {
        var accepting: Int?
        for index in alternatives where declaredTypes(index).map(value.hasType) ?? true {
            guard accepting == nil else { return nil }
            accepting = index
        }
        return accepting
    }

    @inline(never)
    private mutating func summarizeNoAlternative(_ keyword: String, _ alternatives: [Int], _ schema: CompiledSchema, _ instance: YAMLNode) {
        if let allowed = allowedConstants(alternatives) {
            let message = allowed.count == 1
                ? "\(subject) must be \(allowed[0])" : "\(subject) must be one of \(SchemaPhrases.list(allowed))"
            record(keyword, instance, schema: schema, message: message, allowedValues: allowed)
            return
        }
        let value = InstanceValue(instance)
        let declared = alternatives.map(declaredTypes)
        if declared.allSatisfy({ $0.map { !value.hasType(in: $0) } ?? false }) {
            let names = declared.reduce(into: SchemaTypeSet()) { $0.formUnion($1 ?? []) }.names
            record(keyword, instance, schema: schema,
                message: "\(subject) must be \(SchemaPhrases.typeList(names)), not \(SchemaPhrases.describe(value))",
                expectedTypes: names)
            return
        }
        let requirement = keyword == "oneOf" ? "exactly one" : "at least one"
        record(keyword, instance, schema: schema,
            message: "\(subject) matches none of the alternatives of `\(keyword)` but must match \(requirement)")
    }

    /// The types a schema demands, looking through `$ref`; nil when it accepts every type.
    private func declaredTypes(_ index: Int) -> SchemaTypeSet? {
        var current = index
        // Reference chains are loop-free (checked at compile time), yet bounded here all the same.
        for _ in 0..<32 {
            let schema = schemas[current]
            switch schema.kind {
            case .alwaysValid: return nil
            case .alwaysInvalid: return []
            case .keywords: break
            }
            if let types = schema.types { return types }
            guard let ref = schema.applicators?.ref else { return nil }
            current = ref
        }
        return nil
    }

    /// When every alternative is a `const` or `enum`, the values they allow.
    private func allowedConstants(_ alternatives: [Int]) -> [String]? {
        var values: [String] = []
        for index in alternatives {
            let schema = schemas[index]
            if schema.constValue != nil {
                values.append(schema.constText)
            } else if schema.enumValues != nil {
                values += schema.enumTexts
            } else {
                return nil
            }
        }
        return values
    }
}
