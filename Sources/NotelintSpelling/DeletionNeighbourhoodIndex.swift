/// Symmetric-delete index: two strings within edit distance `d` (insertions, deletions, substitutions,
/// adjacent transpositions) share a string reachable from each by at most `d` deletions. Every stored string's
/// deletion variants are hashed once; a query hashes its own variants and looks them up, so only the few
/// strings sharing a variant are compared with the real distance, instead of every stored string.
///
/// Variants are kept as hashes, not strings: 10,000 tags have about a million variants, which fit in 8 MB
/// as 64-bit keys grouped by their top bits (a hash table laid out flat, built in linear time).
/// A hash collision only adds a candidate that verification rejects.
struct DeletionNeighbourhoodIndex: Sendable {
    /// Each key is a variant's hash in the high bits and the string's id in the low `idBits`,
    /// grouped by bucket: the keys of bucket `b` are `keys[bucketStarts[b]..<bucketStarts[b + 1]]`.
    private let keys: [UInt64]
    private let bucketStarts: [UInt32]
    private let idBits: UInt64
    private let bucketShift: UInt64
    let maximumDeletions: Int

    init(strings: [[Unicode.Scalar]], maximumDeletions: Int) {
        let idBits = UInt64(max(1, UInt64.bitWidth - UInt64(strings.count).leadingZeroBitCount))
        var unordered: [UInt64] = []
        unordered.reserveCapacity(strings.count * 100)
        for (id, string) in strings.enumerated() {
            VariantHasher(string).forEachVariant(deletions: maximumDeletions) { hash in
                unordered.append((hash >> idBits) << idBits | UInt64(id))
            }
        }
        // About two keys a bucket; never so many bucket bits that they reach into the id bits.
        let bucketBits = min(
            UInt64(max(1, UInt64.bitWidth - UInt64(unordered.count / 2).leadingZeroBitCount)), 64 - idBits, 28)
        let bucketShift = 64 - bucketBits
        var starts = [UInt32](repeating: 0, count: (1 << Int(bucketBits)) + 1)
        for key in unordered { starts[Int(key >> bucketShift) + 1] += 1 }
        for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
        var next = starts
        var keys = [UInt64](repeating: 0, count: unordered.count)
        for key in unordered {
            let bucket = Int(key >> bucketShift)
            keys[Int(next[bucket])] = key
            next[bucket] += 1
        }
        // Repeated letters give one string the same variant many times (`hhhh…` with any two letters deleted is
        // one string): keep each key once, or a query's own repeats would scan that bucket quadratically often.
        var kept = 0
        for bucket in 0..<starts.count - 1 {
            let range = Int(starts[bucket])..<Int(starts[bucket + 1])
            starts[bucket] = UInt32(kept)
            if range.count > 1 { keys[range].sort() }
            for position in range where kept == Int(starts[bucket]) || keys[kept - 1] != keys[position] {
                keys[kept] = keys[position]
                kept += 1
            }
        }
        starts[starts.count - 1] = UInt32(kept)
        keys.removeLast(keys.count - kept)
        self.keys = keys
        self.bucketStarts = starts
        self.idBits = idBits
        self.bucketShift = bucketShift
        self.maximumDeletions = maximumDeletions
    }

    /// Ids of stored strings that may be within `distance` of `query`, unverified and in no particular order.
    func candidates(near query: [Unicode.Scalar], distance: Int) -> Set<Int> {
        var found: Set<Int> = []
        var looked: Set<UInt64> = []
        let idMask = (UInt64(1) << idBits) - 1
        VariantHasher(query).forEachVariant(deletions: min(distance, maximumDeletions)) { hash in
            // A repeated variant finds what it found before.
            guard looked.insert(hash).inserted else { return }
            let wanted = (hash >> idBits) << idBits
            let bucket = Int(hash >> bucketShift)
            for position in Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1])
            where keys[position] & ~idMask == wanted {
                found.insert(Int(keys[position] & idMask))
            }
        }
        return found
    }
}

/// Hashes a string with some positions deleted in time proportional to the number of deletions, not to the
/// string's length: a polynomial hash whose prefix values let any run of kept scalars be hashed in one step.
private struct VariantHasher {
    private static let base: UInt64 = 0x100_0000_01b3
    private let prefixHashes: [UInt64]
    private let powers: [UInt64]
    private let count: Int

    init(_ string: [Unicode.Scalar]) {
        count = string.count
        var prefixHashes = [UInt64](repeating: 0, count: count + 1)
        var powers = [UInt64](repeating: 1, count: count + 1)
        for (position, scalar) in string.enumerated() {
            // +1 so that a U+0000 still changes the hash.
            prefixHashes[position + 1] = prefixHashes[position] &* Self.base &+ UInt64(scalar.value) &+ 1
            powers[position + 1] = powers[position] &* Self.base
        }
        self.prefixHashes = prefixHashes
        self.powers = powers
    }

    /// Calls `body` with the hash of every variant made by deleting up to `deletions` scalars
    /// (the string itself included). Repeated letters give repeated hashes; callers tolerate them.
    func forEachVariant(deletions: Int, _ body: (UInt64) -> Void) {
        let deletions = min(deletions, count)
        body(finished(appending(run: 0..<count, to: 0), deleted: 0))
        guard deletions > 0 else { return }
        for first in 0..<count {
            let before = appending(run: 0..<first, to: 0)
            body(finished(appending(run: first + 1..<count, to: before), deleted: 1))
            guard deletions > 1 else { continue }
            var kept = before
            for second in first + 1..<count {
                // `kept` hashes the scalars strictly between the two deletions, extended one at a time.
                body(finished(appending(run: second + 1..<count, to: kept), deleted: 2))
                if deletions > 2 {
                    forEachDeeperVariant(after: second, prefix: kept, deleted: 2, remaining: deletions - 2, body)
                }
                kept = appending(run: second..<second + 1, to: kept)
            }
        }
    }

    /// Variants with more than two deletions: rare (only for a configured distance above 2), so recursive.
    private func forEachDeeperVariant(
        after deletedPosition: Int, prefix: UInt64, deleted: Int, remaining: Int, _ body: (UInt64) -> Void
    ) {
        var kept = prefix
        for next in deletedPosition + 1..<count {
            body(finished(appending(run: next + 1..<count, to: kept), deleted: deleted + 1))
            if remaining > 1 {
                forEachDeeperVariant(after: next, prefix: kept, deleted: deleted + 1, remaining: remaining - 1, body)
            }
            kept = appending(run: next..<next + 1, to: kept)
        }
    }

    private func finished(_ hash: UInt64, deleted: Int) -> UInt64 {
        Self.mix(hash ^ UInt64(count - deleted) &* 0x9e37_79b9_7f4a_7c15)
    }

    private func appending(run: Range<Int>, to hash: UInt64) -> UInt64 {
        let power = powers[run.count]
        return hash &* power &+ (prefixHashes[run.upperBound] &- prefixHashes[run.lowerBound] &* power)
    }

    /// A final avalanche, so that the high bits (the ones kept in a key and used as bucket) depend on every
    /// input bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
