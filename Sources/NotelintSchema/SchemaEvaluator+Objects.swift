import NotelintLoader

extension SchemaEvaluator {
    mutating func validateObject(
        _ schema: CompiledSchema, _ keywords: ObjectKeywords, _ instance: YAMLNode, _ pairs: [YAMLPair], report: Bool
    ) -> Bool {
        var valid = true
        if let minimum = keywords.minProperties, pairs.count < minimum {
            guard report else { return false }
            self.report(.minProperties(minimum), instance, schema)
            valid = false
        }
        if let maximum = keywords.maxProperties, pairs.count > maximum {
            guard report else { return false }
            self.report(.maxProperties(maximum), instance, schema)
            valid = false
        }
        for name in keywords.required where !Self.has(pairs, name) {
            guard report else { return false }
            self.report(.required(name, keywords), instance, schema)
            valid = false
        }
        for dependency in keywords.dependentRequired where Self.has(pairs, dependency.property) {
            for name in dependency.required where !Self.has(pairs, name) {
                guard report else { return false }
                self.report(.dependentRequired(property: dependency.property, missing: name, keywords), instance, schema)
                valid = false
            }
        }
        if keywords.checksMembers {
            for pair in pairs where !validateMember(schema, keywords, pair, report: report) {
                guard report else { return false }
                valid = false
            }
        }
        for dependency in keywords.dependentSchemas where Self.has(pairs, dependency.property) {
            if !evaluate(dependency.schema, instance, report: report) {
                guard report else { return false }
                valid = false
            }
        }
        return valid
    }

    /// Applies `properties`, `patternProperties`, `additionalProperties` and `propertyNames` to one member.
    private mutating func validateMember(
        _ schema: CompiledSchema, _ keywords: ObjectKeywords, _ pair: YAMLPair, report: Bool
    ) -> Bool {
        // JSON keys are strings; YAML's may be anything, and a complex key matches no property name.
        let name = pair.key.dereferenced.scalar?.text
        var valid = true
        var matched = false
        if let name {
            if let index = keywords.properties.schema(for: name) {
                matched = true
                if !evaluateMember(index, pair, keyword: "properties", schema: schema, report: report) {
                    guard report else { return false }
                    valid = false
                }
            }
            for patternProperty in keywords.patternProperties where patternProperty.pattern.matches(name) {
                matched = true
                if !evaluateMember(patternProperty.schema, pair, keyword: "patternProperties", schema: schema, report: report) {
                    guard report else { return false }
                    valid = false
                }
            }
        }
        if !matched, let additional = keywords.additionalProperties,
            !evaluateMember(additional, pair, keyword: "additionalProperties", schema: schema, report: report) {
            guard report else { return false }
            valid = false
        }
        if let namesSchema = keywords.propertyNamesSchema,
            !validatePropertyName(namesSchema, pair.key.dereferenced, name: name ?? "?", schema: schema, report: report) {
            guard report else { return false }
            valid = false
        }
        return valid
    }

    /// A member's value against a subschema; a `false` subschema refuses the key itself, and is reported there.
    private mutating func evaluateMember(
        _ index: Int, _ pair: YAMLPair, keyword: String, schema: CompiledSchema, report: Bool
    ) -> Bool {
        guard case .alwaysInvalid = schemas[index].kind else {
            return evaluateChild(index, pair.value, at: .key(pair.key), report: report)
        }
        guard spend() else { return true }
        if report { self.report(.refusedMember(keyword: keyword, pair), pair.value, schema) }
        return false
    }

    /// Checks a key against `propertyNames`; whatever fails is reported once, as `propertyNames`, at the key.
    private mutating func validatePropertyName(
        _ index: Int, _ keyNode: YAMLNode, name: String, schema: CompiledSchema, report: Bool
    ) -> Bool {
        guard report else {
            return evaluate(index, Self.nameNode(keyNode, name: name), report: false)
        }
        return reportPropertyName(index, keyNode, name: name, schema: schema)
    }

    /// The key as a string node: the name is a string even where YAML reads the key as a number or a boolean.
    static func nameNode(_ keyNode: YAMLNode, name: String) -> YAMLNode {
        if let scalar = keyNode.scalar, case .string = scalar.resolved { return keyNode }
        let scalar = YAMLScalar(text: name, style: keyNode.scalar?.style ?? .plain, resolved: .string(name), yaml11Type: nil)
        return YAMLNode(content: .scalar(scalar), range: keyNode.range)
    }

    static func has(_ pairs: [YAMLPair], _ name: String) -> Bool {
        for pair in pairs where pair.key.dereferenced.scalar?.text.isExactlyEqual(to: name) == true {
            return true
        }
        return false
    }
}
