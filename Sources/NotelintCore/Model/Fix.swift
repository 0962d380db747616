/// How sure a fix is to mean what the author meant.
public enum Applicability: String, Sendable, Hashable, Comparable {
    /// Shown, never applied.
    case displayOnly = "display-only"
    /// Probably right; applied only with `--unsafe-fixes`.
    case unsafe
    /// Certainly right; applied by `--fix`.
    case safe

    private var rank: Int {
        switch self {
        case .displayOnly: 0
        case .unsafe: 1
        case .safe: 2
        }
    }

    public static func < (lhs: Applicability, rhs: Applicability) -> Bool { lhs.rank < rhs.rank }
}

/// Replace the bytes `range` of the file with `replacement`.
public struct Edit: Sendable, Hashable {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A set of edits that together fix one finding.
public struct Fix: Sendable, Hashable {
    public var edits: [Edit]
    public var applicability: Applicability
    /// What the fix does, in a few words ("replace with `evergreen`").
    public var title: String

    public init(edits: [Edit], applicability: Applicability, title: String) {
        self.edits = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.applicability = applicability
        self.title = title
    }
}
