import NotelintLoader

/// What failed, with what its message needs. Checks hand this to `SchemaEvaluator.report`, which builds the
/// violation out of line.
enum SchemaFailure {
    enum Bound {
        case minimum, exclusiveMinimum, maximum, exclusiveMaximum, multipleOf
    }

    enum ContainsCount {
        case tooFew, tooMany
    }

    /// A `false` schema met on its own.
    case falseSchema
    case type(SchemaTypeSet)
    case enumeration
    case constant
    case minLength(Int)
    case maxLength(Int)
    case pattern(String)
    case format(SchemaFormat)
    case number(Bound, NumberBound)
    case minItems(Int)
    case maxItems(Int)
    /// An item that a `false` subschema of `prefixItems` or `items` refuses.
    case refusedItem(keyword: String, position: Int)
    case duplicateItem(items: [YAMLNode], position: Int, earlier: Int)
    case contains(ContainsCount, count: Int)
    case minProperties(Int)
    case maxProperties(Int)
    case required(String, ObjectKeywords)
    case dependentRequired(property: String, missing: String, ObjectKeywords)
    /// A member that a `false` subschema of `properties`, `patternProperties` or `additionalProperties` refuses.
    case refusedMember(keyword: String, YAMLPair)
    case not(Int)
    case ambiguousOneOf(first: Int, second: Int)
}
