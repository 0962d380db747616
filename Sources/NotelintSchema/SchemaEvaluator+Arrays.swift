import NotelintLoader

extension SchemaEvaluator {
    mutating func validateArray(
        _ schema: CompiledSchema, _ keywords: ArrayKeywords, _ instance: YAMLNode, _ items: [YAMLNode], report: Bool
    ) -> Bool {
        var valid = true
        if let minimum = keywords.minItems, items.count < minimum {
            guard report else { return false }
            self.report(.minItems(minimum), instance, schema)
            valid = false
        }
        if let maximum = keywords.maxItems, items.count > maximum {
            guard report else { return false }
            self.report(.maxItems(maximum), instance, schema)
            valid = false
        }
        for (position, index) in zip(items.indices, keywords.prefixItems)
        where !evaluateItem(index, items, position, keyword: "prefixItems", schema: schema, report: report) {
            guard report else { return false }
            valid = false
        }
        if let index = keywords.items, items.count > keywords.prefixItems.count {
            for position in keywords.prefixItems.count..<items.count
            where !evaluateItem(index, items, position, keyword: "items", schema: schema, report: report) {
                guard report else { return false }
                valid = false
                // One refused extra item says it all.
                if case .alwaysInvalid = schemas[index].kind { break }
            }
        }
        if keywords.uniqueItems, !validateUniqueness(schema, items, report: report) {
            guard report else { return false }
            valid = false
        }
        if let index = keywords.contains, !validateContains(schema, keywords, index, instance, items, report: report) {
            guard report else { return false }
            valid = false
        }
        return valid
    }

    /// An item against a subschema; a `false` subschema refuses the item's presence, reported as too many items.
    private mutating func evaluateItem(
        _ index: Int, _ items: [YAMLNode], _ position: Int, keyword: String, schema: CompiledSchema, report: Bool
    ) -> Bool {
        guard case .alwaysInvalid = schemas[index].kind else {
            return evaluateChild(index, items[position], at: .index(position), report: report)
        }
        guard spend() else { return true }
        if report { self.report(.refusedItem(keyword: keyword, position: position), items[position], schema) }
        return false
    }

    private mutating func validateContains(
        _ schema: CompiledSchema, _ keywords: ArrayKeywords, _ index: Int, _ instance: YAMLNode, _ items: [YAMLNode],
        report: Bool
    ) -> Bool {
        var matches = 0
        for position in items.indices where evaluateChild(index, items[position], at: .index(position), report: false) {
            matches += 1
            // Without an upper bound, enough matches settle it.
            if keywords.maxContains == nil, matches >= keywords.minContains { break }
        }
        var valid = true
        if matches < keywords.minContains {
            guard report else { return false }
            self.report(.contains(.tooFew, count: keywords.minContains), instance, schema)
            valid = false
        }
        if let maximum = keywords.maxContains, matches > maximum {
            guard report else { return false }
            self.report(.contains(.tooMany, count: maximum), instance, schema)
            valid = false
        }
        return valid
    }

    /// Short lists are compared pairwise, which needs no allocation. In long ones scalars are found again through
    /// a hash table, and collections, rare in front matter lists, are compared pairwise with each other (a scalar
    /// never equals a collection).
    private mutating func validateUniqueness(_ schema: CompiledSchema, _ items: [YAMLNode], report: Bool) -> Bool {
        var valid = true
        if items.count <= 16 {
            for position in items.indices.dropFirst() {
                for earlier in 0..<position where equals(items[earlier], items[position]) {
                    guard report else { return false }
                    self.report(.duplicateItem(items: items, position: position, earlier: earlier), items[position], schema)
                    valid = false
                    break
                }
            }
            return valid
        }
        var firstScalar: [ScalarIdentity: Int] = [:]
        var collections: [Int] = []
        for position in items.indices {
            guard spend() else { return true }
            let item = items[position]
            var earlier: Int?
            if let identity = ScalarIdentity(InstanceValue(item)) {
                if let first = firstScalar[identity] { earlier = first } else { firstScalar[identity] = position }
            } else {
                for other in collections where equals(items[other], item) {
                    earlier = other
                    break
                }
                if earlier == nil { collections.append(position) }
            }
            guard let earlier else { continue }
            guard report else { return false }
            self.report(.duplicateItem(items: items, position: position, earlier: earlier), item, schema)
            valid = false
        }
        return valid
    }
}

/// A scalar under JSON equality, for hashing: 1 and 1.0 are the same, strings compare by Unicode scalars.
enum ScalarIdentity: Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(ExactString)

    init?(_ value: InstanceValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(.int(let integer)): self = .integer(integer)
        case .number(.double(let double)):
            if double.isFinite, double.rounded(.towardZero) == double,
                double >= -9_223_372_036_854_775_808.0, double < 9_223_372_036_854_775_808.0 {
                self = .integer(Int(double))
            } else {
                self = .double(double)
            }
        case .string(let text): self = .string(ExactString(text))
        case .array, .object: return nil
        }
    }
}
