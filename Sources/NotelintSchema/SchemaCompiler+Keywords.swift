import NotelintLoader

/// The keywords of one schema as they are read, before they become an immutable `CompiledSchema`.
struct KeywordSet {
    let node: YAMLNode
    var title: String?
    var description: String?
    var types: SchemaTypeSet?
    var enumValues: [SchemaConstant]?
    var enumTexts: [String] = []
    var constValue: SchemaConstant?
    var constText = ""
    var string = StringKeywords.Draft()
    var hasString = false
    var number = NumberKeywords.Draft()
    var hasNumber = false
    var array = ArrayKeywords.Draft()
    var hasArray = false
    var object = ObjectKeywords.Draft()
    var hasObject = false
    var applicators = InPlaceApplicators.Draft()
    var hasApplicators = false

    init(node: YAMLNode) {
        self.node = node
    }

    func build() -> CompiledSchema {
        CompiledSchema(
            node: node, title: title, description: description, types: types,
            enumValues: enumValues, enumTexts: enumTexts, constValue: constValue, constText: constText,
            string: hasString ? StringKeywords(string) : nil, number: hasNumber ? NumberKeywords(number) : nil,
            array: hasArray ? ArrayKeywords(array) : nil, object: hasObject ? ObjectKeywords(object) : nil,
            applicators: hasApplicators ? InPlaceApplicators(applicators) : nil)
    }
}

extension SchemaCompiler {
    /// Keywords that would change validation but are not implemented: refusing the schema beats validating less
    /// than its author meant.
    static let unsupportedKeywords: Set<String> = [
        "$dynamicRef", "$recursiveRef", "unevaluatedProperties", "unevaluatedItems",
    ]

    mutating func compileKeyword(
        _ name: String, _ value: YAMLNode, into keywords: inout KeywordSet, schemaNode: YAMLNode
    ) throws(SchemaError) {
        switch name {
        case "title": keywords.title = try string(value, keyword: name)
        case "description": keywords.description = try string(value, keyword: name)
        case "type": keywords.types = try types(value)
        case "enum":
            guard case .array(let items) = InstanceValue(value) else {
                throw error("`enum` must be a list, not \(describe(value))", at: value)
            }
            var values: [SchemaConstant] = []
            for item in items { values.append(try constant(item)) }
            keywords.enumValues = values
            keywords.enumTexts = values.map(\.displayText)
        case "const":
            let constant = try constant(value)
            keywords.constValue = constant
            keywords.constText = constant.displayText
        case "minLength", "maxLength", "pattern", "format":
            try compileStringKeyword(name, value, into: &keywords)
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
            try compileNumberKeyword(name, value, into: &keywords)
        case "prefixItems", "items", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains":
            try compileArrayKeyword(name, value, into: &keywords)
        case "properties", "patternProperties", "additionalProperties", "propertyNames", "required",
            "minProperties", "maxProperties", "dependentRequired", "dependentSchemas":
            try compileObjectKeyword(name, value, into: &keywords)
        case "$ref", "allOf", "anyOf", "oneOf", "not", "if", "then", "else":
            try compileApplicator(name, value, into: &keywords)
        case "$defs":
            // Compiled even when unused, so that a broken definition is reported where it is written.
            for entry in try entries(value, keyword: name) { _ = index(of: entry.value) }
        default:
            if Self.unsupportedKeywords.contains(name) {
                throw error("`\(name)` is not supported", at: schemaNode.pair(forKey: name)?.key ?? value)
            }
            // Unknown keywords are annotations, as the specification asks.
        }
    }

    private func types(_ value: YAMLNode) throws(SchemaError) -> SchemaTypeSet {
        let names: [(String, YAMLNode)]
        switch InstanceValue(value) {
        case .string(let name): names = [(name, value)]
        case .array(let items):
            var list: [(String, YAMLNode)] = []
            for item in items {
                guard case .string(let name) = InstanceValue(item) else {
                    throw error("`type` must list type names, not \(describe(item))", at: item)
                }
                list.append((name, item))
            }
            names = list
        default:
            throw error("`type` must be a type name or a list of them, not \(describe(value))", at: value)
        }
        var types: SchemaTypeSet = []
        for (name, node) in names {
            guard let type = SchemaTypeSet.named(name) else {
                let known = SchemaTypeSet.named.map(\.name).joined(separator: ", ")
                throw error("unknown type `\(name)` (known types: \(known))", at: node)
            }
            types.insert(type)
        }
        return types
    }

    private func compileStringKeyword(_ name: String, _ value: YAMLNode, into keywords: inout KeywordSet) throws(SchemaError) {
        keywords.hasString = true
        switch name {
        case "minLength": keywords.string.minLength = try count(value, keyword: name)
        case "maxLength": keywords.string.maxLength = try count(value, keyword: name)
        case "pattern": keywords.string.pattern = try pattern(value, source: try string(value, keyword: name))
        default:
            let format = try string(value, keyword: name)
            keywords.string.format = SchemaFormat(rawValue: format)
        }
    }

    private func compileNumberKeyword(_ name: String, _ value: YAMLNode, into keywords: inout KeywordSet) throws(SchemaError) {
        keywords.hasNumber = true
        let bound = try number(value, keyword: name)
        switch name {
        case "minimum": keywords.number.minimum = bound
        case "maximum": keywords.number.maximum = bound
        case "exclusiveMinimum": keywords.number.exclusiveMinimum = bound
        case "exclusiveMaximum": keywords.number.exclusiveMaximum = bound
        default:
            guard let sign = bound.value.compare(.int(0)), sign > 0 else {
                throw error("`multipleOf` must be greater than 0", at: value)
            }
            keywords.number.multipleOf = bound
        }
    }

    private mutating func compileArrayKeyword(_ name: String, _ value: YAMLNode, into keywords: inout KeywordSet) throws(SchemaError) {
        keywords.hasArray = true
        switch name {
        case "prefixItems": keywords.array.prefixItems = try schemaList(value, keyword: name)
        case "items":
            if case .array = InstanceValue(value) {
                throw error("`items` must be a schema; a list of schemas is written `prefixItems` since draft 2020-12", at: value)
            }
            keywords.array.items = index(of: value)
        case "minItems": keywords.array.minItems = try count(value, keyword: name)
        case "maxItems": keywords.array.maxItems = try count(value, keyword: name)
        case "uniqueItems": keywords.array.uniqueItems = try bool(value, keyword: name)
        case "contains": keywords.array.contains = index(of: value)
        case "minContains": keywords.array.minContains = try count(value, keyword: name)
        default: keywords.array.maxContains = try count(value, keyword: name)
        }
    }

    private mutating func compileObjectKeyword(_ name: String, _ value: YAMLNode, into keywords: inout KeywordSet) throws(SchemaError) {
        keywords.hasObject = true
        switch name {
        case "properties":
            for entry in try entries(value, keyword: name) {
                let key = ExactString(entry.name)
                if keywords.object.properties[key] == nil { keywords.object.propertyNames.append(entry.name) }
                keywords.object.properties[key] = index(of: entry.value)
            }
        case "patternProperties":
            for entry in try entries(value, keyword: name) {
                let compiled = try pattern(entry.key, source: entry.name)
                keywords.object.patternProperties.append(PatternProperty(pattern: compiled, schema: index(of: entry.value)))
            }
        case "additionalProperties": keywords.object.additionalProperties = index(of: value)
        case "propertyNames": keywords.object.propertyNamesSchema = index(of: value)
        case "required": keywords.object.required = try stringList(value, keyword: name)
        case "minProperties": keywords.object.minProperties = try count(value, keyword: name)
        case "maxProperties": keywords.object.maxProperties = try count(value, keyword: name)
        case "dependentRequired":
            for entry in try entries(value, keyword: name) {
                keywords.object.dependentRequired.append((entry.name, try stringList(entry.value, keyword: name)))
            }
        default:
            for entry in try entries(value, keyword: name) {
                keywords.object.dependentSchemas.append((entry.name, index(of: entry.value)))
            }
        }
    }

    private mutating func compileApplicator(_ name: String, _ value: YAMLNode, into keywords: inout KeywordSet) throws(SchemaError) {
        keywords.hasApplicators = true
        switch name {
        case "$ref": keywords.applicators.ref = try compileReference(value)
        case "allOf": keywords.applicators.allOf = try schemaList(value, keyword: name)
        case "anyOf": keywords.applicators.anyOf = try schemaList(value, keyword: name)
        case "oneOf": keywords.applicators.oneOf = try schemaList(value, keyword: name)
        case "not": keywords.applicators.not = index(of: value)
        case "if": keywords.applicators.ifSchema = index(of: value)
        case "then": keywords.applicators.thenSchema = index(of: value)
        default: keywords.applicators.elseSchema = index(of: value)
        }
    }
}
