/// Edit distance between two sequences of Unicode scalars, for "did you mean" (plain Levenshtein) and tag
/// spelling (adjacent transpositions as one edit).
public enum EditDistance {
    public enum Metric: Sendable {
        /// Insertions, deletions and substitutions: a swapped pair costs two. Name suggestions were tuned with
        /// it, and which candidate wins a tie depends on it.
        case levenshtein
        /// Levenshtein plus adjacent transpositions at one edit each, in the *optimal string alignment* form
        /// (restricted Damerau–Levenshtein): a transposed pair is never edited again, so `"ca"` → `"abc"` is 3,
        /// not 2. Tag typos are single slips, where both Damerau variants agree, and the restricted form needs
        /// only three rows of memory.
        case optimalStringAlignment
    }

    /// The distance between `lhs` and `rhs` in Unicode scalars, or nil when it is more than `limit`.
    public static func between(_ lhs: String, _ rhs: String, metric: Metric, limit: Int = .max) -> Int? {
        between(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars), metric: metric, limit: limit)
    }

    /// The scalar form, for callers that keep scalars around.
    ///
    /// Returns nil as soon as the distance is known to exceed `limit`: callers ask "within 1 or 2?", and a band of
    /// `2 × limit + 1` cells per row answers that without filling the whole table.
    public static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], metric: Metric, limit: Int) -> Int? {
        guard limit >= 0 else { return nil }
        let transpositions = metric == .optimalStringAlignment
        let n = a.count
        let m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m }
        if m == 0 { return n }
        let bound = min(limit, max(n, m))
        // Any value above `bound` means "too far"; keeping it small avoids overflow and marks cells outside the band.
        let tooFar = bound + 1
        var previousPrevious = [Int](repeating: tooFar, count: m + 1)
        var previous = [Int](repeating: tooFar, count: m + 1)
        var current = [Int](repeating: tooFar, count: m + 1)
        for j in 0...min(m, bound) { previous[j] = j }
        for i in 1...n {
            let low = max(1, i - bound)
            let high = min(m, i + bound)
            current[0] = i <= bound ? i : tooFar
            // Cells left of the band still hold values from three rows ago; the first band cell reads its neighbour.
            if low > 1 { current[low - 1] = tooFar }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    var best = min(substitution, previous[j] + 1, current[j - 1] + 1)
                    if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        best = min(best, previousPrevious[j - 2] + 1)
                    }
                    current[j] = min(best, tooFar)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            // The next row reads one cell right of this band.
            if high < m { current[high + 1] = tooFar }
            if rowMinimum > bound { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        let distance = previous[m]
        return distance <= bound ? distance : nil
    }
}

/// "Did you mean" over short lists (schema keys, enum values, option names). Tag spelling has its own indexed
/// search.
public enum NearestName {
    /// The candidate closest to `name`, if it is close enough to be a plausible typo
    /// (at most a third of the name's length, and at least one edit allowed; two swapped letters are one edit).
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let folded = name.lowercased()
        let length = folded.unicodeScalars.count
        let allowed = max(1, name.unicodeScalars.count / 3)
        var best: (String, Int)?
        for candidate in candidates where candidate != name {
            // Lengths further apart than the allowed edits cannot be close enough: skip the quadratic part.
            let candidateLength = candidate.unicodeScalars.count
            guard abs(candidateLength - length) <= allowed else { continue }
            let lowered = candidate.lowercased()
            guard let distance = lowered == folded ? 0 : EditDistance.between(folded, lowered, metric: .optimalStringAlignment, limit: allowed)
            else { continue }
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }
}
