/// Edit distance between two strings counted in Unicode scalars, with adjacent transpositions costing one edit.
///
/// This is the *optimal string alignment* variant (restricted Damerau–Levenshtein): a transposed pair is never
/// edited again, so `"ca"` → `"abc"` is 3, not 2. Tag typos are single slips, where both variants agree, and the
/// restricted form needs only three rows of memory.
///
/// Returns nil as soon as the distance is known to exceed `limit`: callers ask "within 1 or 2?", and a band of
/// `2 × limit + 1` cells per row answers that without filling the whole table.
public func damerauLevenshtein(_ lhs: String, _ rhs: String, limit: Int = .max) -> Int? {
    boundedDamerauLevenshtein(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars), limit: limit)
}

/// The scalar form of `damerauLevenshtein(_:_:limit:)`, for callers that keep scalars around.
func boundedDamerauLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    guard limit >= 0 else { return nil }
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
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
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
