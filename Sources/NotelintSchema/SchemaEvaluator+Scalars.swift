import NotelintLoader

extension SchemaEvaluator {
    @inline(never)
    mutating func validateString(
        _ schema: CompiledSchema, _ keywords: StringKeywords, _ instance: YAMLNode, _ text: String, report: Bool
    ) -> Bool {
        var valid = true
        if keywords.minLength != nil || keywords.maxLength != nil {
            // Lengths are in Unicode scalars (JSON Schema's "characters"); UTF-8 length bounds them from above,
            // which settles most strings without counting.
            let byteCount = text.utf8.count
            if let minimum = keywords.minLength, byteCount < minimum || text.unicodeScalars.count < minimum {
                guard report else { return false }
                self.report(.minLength(minimum), instance, schema)
                valid = false
            }
            if let maximum = keywords.maxLength, byteCount > maximum, text.unicodeScalars.count > maximum {
                guard report else { return false }
                self.report(.maxLength(maximum), instance, schema)
                valid = false
            }
        }
        if let pattern = keywords.pattern, !pattern.matches(text) {
            guard report else { return false }
            self.report(.pattern(pattern.source), instance, schema)
            valid = false
        }
        if let format = keywords.format, !SchemaFormats.isValid(text, as: format) {
            guard report else { return false }
            self.report(.format(format), instance, schema)
            valid = false
        }
        return valid
    }

    @inline(never)
    mutating func validateNumber(
        _ schema: CompiledSchema, _ keywords: NumberKeywords, _ instance: YAMLNode, _ number: SchemaNumber, report: Bool
    ) -> Bool {
        var valid = true
        // NaN compares with nothing, and so satisfies no bound.
        if let bound = keywords.minimum, !((number.compare(bound.value) ?? -1) >= 0) {
            guard report else { return false }
            self.report(.number(.minimum, bound), instance, schema)
            valid = false
        }
        if let bound = keywords.exclusiveMinimum, !((number.compare(bound.value) ?? -1) > 0) {
            guard report else { return false }
            self.report(.number(.exclusiveMinimum, bound), instance, schema)
            valid = false
        }
        if let bound = keywords.maximum, !((number.compare(bound.value) ?? 1) <= 0) {
            guard report else { return false }
            self.report(.number(.maximum, bound), instance, schema)
            valid = false
        }
        if let bound = keywords.exclusiveMaximum, !((number.compare(bound.value) ?? 1) < 0) {
            guard report else { return false }
            self.report(.number(.exclusiveMaximum, bound), instance, schema)
            valid = false
        }
        if let bound = keywords.multipleOf, !Self.isMultiple(number, of: bound.value) {
            guard report else { return false }
            self.report(.number(.multipleOf, bound), instance, schema)
            valid = false
        }
        return valid
    }

    static func isMultiple(_ number: SchemaNumber, of divisor: SchemaNumber) -> Bool {
        if case .int(let value) = number, case .int(let step) = divisor {
            let (remainder, overflow) = value.remainderReportingOverflow(dividingBy: step)
            return overflow || remainder == 0
        }
        let quotient = number.doubleValue / divisor.doubleValue
        guard quotient.isFinite else {
            // Too large to divide, but the remainder is exact: 1e308 is a multiple of 0.5.
            let remainder = number.doubleValue.truncatingRemainder(dividingBy: divisor.doubleValue)
            return remainder.isFinite && remainder == 0
        }
        // Decimal divisors such as 0.01 are inexact in binary; allow the rounding error of the division.
        let tolerance = max(1e-9, quotient.magnitude.ulp * 8)
        return (quotient - quotient.rounded()).magnitude <= tolerance
    }
}
