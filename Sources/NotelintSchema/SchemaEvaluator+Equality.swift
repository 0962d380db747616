import NotelintLoader

/// JSON equality for `enum`, `const` and `uniqueItems`: numbers by value (1 equals 1.0), strings by Unicode
/// scalars, objects regardless of key order. Every step is paid for from the work budget, since aliases can make
/// two small-looking nodes exponentially large.
extension SchemaEvaluator {
    @inline(never)
    mutating func matchesAny(_ instance: YAMLNode, _ values: [SchemaConstant]) -> Bool {
        for value in values where equals(instance, value) { return true }
        return false
    }

    @inline(never)
    mutating func equals(_ instance: YAMLNode, _ constant: SchemaConstant) -> Bool {
        guard spend(), hasStackLeft() else { return true }
        switch (InstanceValue(instance), constant) {
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.number(let left), .number(let right)): return left.isEqual(to: right)
        case (.string(let left), .string(let right)): return left.isExactlyEqual(to: right)
        case (.array(let items), .array(let values)):
            guard items.count == values.count else { return false }
            for (item, value) in zip(items, values) where !equals(item, value) { return false }
            return true
        case (.object(let pairs), .object(let members)):
            guard pairs.count == members.count else { return false }
            for member in members {
                guard let pair = Self.pair(named: member.key, in: pairs), equals(pair.value, member.value) else { return false }
            }
            return true
        default:
            return false
        }
    }

    @inline(never)
    mutating func equals(_ left: YAMLNode, _ right: YAMLNode) -> Bool {
        guard spend(), hasStackLeft() else { return false }
        if left.dereferenced === right.dereferenced { return true }
        switch (InstanceValue(left), InstanceValue(right)) {
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.number(let left), .number(let right)): return left.isEqual(to: right)
        case (.string(let left), .string(let right)): return left.isExactlyEqual(to: right)
        case (.array(let leftItems), .array(let rightItems)):
            guard leftItems.count == rightItems.count else { return false }
            for (leftItem, rightItem) in zip(leftItems, rightItems) where !equals(leftItem, rightItem) { return false }
            return true
        case (.object(let leftPairs), .object(let rightPairs)):
            guard leftPairs.count == rightPairs.count else { return false }
            for pair in leftPairs {
                guard let name = pair.key.dereferenced.scalar?.text, let other = Self.pair(named: name, in: rightPairs),
                    equals(pair.value, other.value)
                else { return false }
            }
            return true
        default:
            return false
        }
    }

    static func pair(named name: String, in pairs: [YAMLPair]) -> YAMLPair? {
        for pair in pairs where pair.key.dereferenced.scalar?.text.isExactlyEqual(to: name) == true { return pair }
        return nil
    }
}
