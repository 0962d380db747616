/// A known tag within a small edit distance of a queried one.
public struct TagNearMiss: Sendable, Hashable {
    public let known: KnownTag
    /// Optimal-string-alignment distance between the case-folded tags, in Unicode scalars.
    public let distance: Int
}
