/// Each keyword group is a final class, so that the evaluator takes one reference to it rather than copying every
/// field of a struct on each use. `Draft` is the mutable form the compiler fills in.
final class StringKeywords: Sendable {
    struct Draft {
        var minLength: Int?
        var maxLength: Int?
        var pattern: SchemaPattern?
        var format: SchemaFormat?
    }

    let minLength: Int?
    let maxLength: Int?
    let pattern: SchemaPattern?
    let format: SchemaFormat?

    init(_ draft: Draft) {
        minLength = draft.minLength
        maxLength = draft.maxLength
        pattern = draft.pattern
        format = draft.format
    }
}

final class NumberKeywords: Sendable {
    struct Draft {
        var minimum: NumberBound?
        var maximum: NumberBound?
        var exclusiveMinimum: NumberBound?
        var exclusiveMaximum: NumberBound?
        var multipleOf: NumberBound?
    }

    let minimum: NumberBound?
    let maximum: NumberBound?
    let exclusiveMinimum: NumberBound?
    let exclusiveMaximum: NumberBound?
    let multipleOf: NumberBound?

    init(_ draft: Draft) {
        minimum = draft.minimum
        maximum = draft.maximum
        exclusiveMinimum = draft.exclusiveMinimum
        exclusiveMaximum = draft.exclusiveMaximum
        multipleOf = draft.multipleOf
    }
}

final class ArrayKeywords: Sendable {
    struct Draft {
        var prefixItems: [Int] = []
        var items: Int?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        var contains: Int?
        var minContains = 1
        var maxContains: Int?
    }

    let prefixItems: [Int]
    let items: Int?
    let minItems: Int?
    let maxItems: Int?
    let uniqueItems: Bool
    let contains: Int?
    let minContains: Int
    let maxContains: Int?

    init(_ draft: Draft) {
        prefixItems = draft.prefixItems
        items = draft.items
        minItems = draft.minItems
        maxItems = draft.maxItems
        uniqueItems = draft.uniqueItems
        contains = draft.contains
        minContains = draft.minContains
        maxContains = draft.maxContains
    }
}

struct PatternProperty: Sendable {
    var pattern: SchemaPattern
    var schema: Int
}

final class ObjectKeywords: Sendable {
    struct Draft {
        var propertyNames: [String] = []
        var properties: [ExactString: Int] = [:]
        var patternProperties: [PatternProperty] = []
        var additionalProperties: Int?
        var propertyNamesSchema: Int?
        var required: [String] = []
        var minProperties: Int?
        var maxProperties: Int?
        var dependentRequired: [(property: String, required: [String])] = []
        var dependentSchemas: [(property: String, schema: Int)] = []
    }

    /// Property names in schema order, for `knownProperties` and messages.
    let propertyNames: [String]
    let properties: PropertyTable
    let patternProperties: [PatternProperty]
    let additionalProperties: Int?
    let propertyNamesSchema: Int?
    let required: [String]
    let minProperties: Int?
    let maxProperties: Int?
    let dependentRequired: [(property: String, required: [String])]
    let dependentSchemas: [(property: String, schema: Int)]
    /// Whether members need to be visited one by one at all.
    let checksMembers: Bool

    init(_ draft: Draft) {
        propertyNames = draft.propertyNames
        properties = PropertyTable(
            names: draft.propertyNames, schemas: draft.propertyNames.map { draft.properties[ExactString($0)]! })
        patternProperties = draft.patternProperties
        additionalProperties = draft.additionalProperties
        propertyNamesSchema = draft.propertyNamesSchema
        required = draft.required
        minProperties = draft.minProperties
        maxProperties = draft.maxProperties
        dependentRequired = draft.dependentRequired
        dependentSchemas = draft.dependentSchemas
        checksMembers = !draft.properties.isEmpty || !draft.patternProperties.isEmpty
            || draft.additionalProperties != nil || draft.propertyNamesSchema != nil
    }
}

/// Keywords that apply other schemas to the same instance.
final class InPlaceApplicators: Sendable {
    struct Draft {
        var ref: Int?
        var allOf: [Int] = []
        var anyOf: [Int] = []
        var oneOf: [Int] = []
        var not: Int?
        var ifSchema: Int?
        var thenSchema: Int?
        var elseSchema: Int?
    }

    let ref: Int?
    let allOf: [Int]
    let anyOf: [Int]
    let oneOf: [Int]
    let not: Int?
    let ifSchema: Int?
    let thenSchema: Int?
    let elseSchema: Int?

    init(_ draft: Draft) {
        ref = draft.ref
        allOf = draft.allOf
        anyOf = draft.anyOf
        oneOf = draft.oneOf
        not = draft.not
        ifSchema = draft.ifSchema
        thenSchema = draft.thenSchema
        elseSchema = draft.elseSchema
    }

    /// Every schema applied to the instance itself, for loop detection.
    var all: [Int] {
        var indices: [Int] = []
        if let ref { indices.append(ref) }
        indices += allOf
        indices += anyOf
        indices += oneOf
        for index in [not, ifSchema, thenSchema, elseSchema] { if let index { indices.append(index) } }
        return indices
    }
}
