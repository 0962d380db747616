/// A JSON number: integers stay exact while they fit in `Int`, everything else is a `Double`.
enum SchemaNumber: Sendable {
    case int(Int)
    case double(Double)

    var doubleValue: Double {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        }
    }

    /// JSON Schema counts 1.0 as an integer.
    var isInteger: Bool {
        switch self {
        case .int: true
        case .double(let value): value.isFinite && value.rounded(.towardZero) == value
        }
    }

    /// Exact comparison where both are integers; `nil` when either is NaN.
    func compare(_ other: SchemaNumber) -> Int? {
        if case .int(let left) = self, case .int(let right) = other {
            return left < right ? -1 : (left == right ? 0 : 1)
        }
        let left = doubleValue
        let right = other.doubleValue
        if left.isNaN || right.isNaN { return nil }
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    /// JSON equality: 1 equals 1.0, but 2^53 + 1 does not equal the double 2^53.
    func isEqual(to other: SchemaNumber) -> Bool {
        switch (self, other) {
        case (.int(let left), .int(let right)): return left == right
        case (.double(let left), .double(let right)): return left == right
        case (.int(let integer), .double(let double)), (.double(let double), .int(let integer)):
            guard double.isFinite, double.rounded(.towardZero) == double,
                double >= -9_223_372_036_854_775_808.0, double < 9_223_372_036_854_775_808.0
            else { return false }
            return Int(double) == integer
        }
    }
}

extension SchemaNumber {
    var displayText: String {
        switch self {
        case .int(let value): "\(value)"
        case .double(let value): value.isFinite && value.rounded(.towardZero) == value && value.magnitude < 1e15
            ? "\(Int(value))" : "\(value)"
        }
    }
}
