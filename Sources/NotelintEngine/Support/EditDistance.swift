/// Levenshtein distance in Unicode scalars, for "did you mean" suggestions over short lists
/// (schema keys, enum values, option names). Tag spelling has its own indexed search.
public enum NearestName {
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo
    /// (at most a third of the name's length, and at least one edit allowed).
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
            let distance = lowered == folded ? 0 : self.distance(folded, lowered)
            if distance <= allowed, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }
}
