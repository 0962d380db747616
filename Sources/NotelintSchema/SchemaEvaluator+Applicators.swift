import NotelintLoader

extension SchemaEvaluator {
    mutating func applyInPlace(
        _ schema: CompiledSchema, _ applicators: InPlaceApplicators, _ instance: YAMLNode, report: Bool
    ) -> Bool {
        var valid = true
        if let ref = applicators.ref, !evaluate(ref, instance, report: report) {
            guard report else { return false }
            valid = false
        }
        for index in applicators.allOf where !evaluate(index, instance, report: report) {
            guard report else { return false }
            valid = false
        }
        if !applicators.anyOf.isEmpty, !matchesAnyAlternative(applicators.anyOf, instance) {
            guard report else { return false }
            reportNoAlternative("anyOf", applicators.anyOf, schema, instance)
            valid = false
        }
        if !applicators.oneOf.isEmpty, !validateOneOf(schema, applicators.oneOf, instance, report: report) {
            guard report else { return false }
            valid = false
        }
        if let not = applicators.not, evaluate(not, instance, report: false) {
            guard report else { return false }
            self.report(.not(not), instance, schema)
            valid = false
        }
        if let condition = applicators.ifSchema {
            let branch = evaluate(condition, instance, report: false) ? applicators.thenSchema : applicators.elseSchema
            if let branch, !evaluate(branch, instance, report: report) {
                guard report else { return false }
                valid = false
            }
        }
        return valid
    }

    private mutating func matchesAnyAlternative(_ alternatives: [Int], _ instance: YAMLNode) -> Bool {
        for index in alternatives where evaluate(index, instance, report: false) { return true }
        return false
    }

    private mutating func validateOneOf(_ schema: CompiledSchema, _ alternatives: [Int], _ instance: YAMLNode, report: Bool) -> Bool {
        var first: Int?
        for position in alternatives.indices where evaluate(alternatives[position], instance, report: false) {
            guard let first else {
                first = position
                continue
            }
            if report { self.report(.ambiguousOneOf(first: first, second: position), instance, schema) }
            return false
        }
        if first == nil {
            if report { reportNoAlternative("oneOf", alternatives, schema, instance) }
            return false
        }
        return true
    }
}
