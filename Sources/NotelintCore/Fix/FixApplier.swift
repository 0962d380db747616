/// Applies fixes to a file's bytes: the only place edits are made. Pure: bytes in, bytes out.
public enum FixApplier {
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// Fixes applied, per rule id.
        public var applied: [String: Int]
        /// Fixes left for a later pass because they overlapped one already taken.
        public var deferred: Int
    }

    /// Applies every fix at least as sure as `minimum`, in file order. A fix whose edits overlap an
    /// earlier one's is skipped (the next pass, after re-linting, gets it if it still applies).
    public static func apply(_ diagnostics: [Diagnostic], to bytes: [UInt8], minimum: Applicability) -> Outcome {
        let fixes = diagnostics
            .compactMap { diagnostic in diagnostic.fix.map { (diagnostic.ruleID, $0) } }
            .filter { $0.1.applicability >= minimum && $0.1.applicability != .displayOnly && !$0.1.edits.isEmpty }
            .sorted { ($0.1.edits[0].range.lowerBound, $0.0) < ($1.1.edits[0].range.lowerBound, $1.0) }
        var taken: [Range<Int>] = []
        var edits: [Edit] = []
        var applied: [String: Int] = [:]
        var deferred = 0
        var seenFixes: Set<Fix> = []
        for (rule, fix) in fixes {
            // Two findings may offer the very same fix (a tag both misspelled and duplicated): apply it once.
            guard seenFixes.insert(fix).inserted else { continue }
            let overlaps = fix.edits.contains { edit in taken.contains { Self.overlap($0, edit.range) } }
            let outOfBounds = fix.edits.contains { $0.range.upperBound > bytes.count || $0.range.lowerBound < 0 }
            if overlaps || outOfBounds {
                deferred += 1
                continue
            }
            taken.append(contentsOf: fix.edits.map(\.range))
            edits.append(contentsOf: fix.edits)
            applied[rule, default: 0] += 1
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var cursor = 0
        for edit in edits {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: Array(edit.replacement.utf8))
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return Outcome(bytes: output, applied: applied, deferred: deferred)
    }

    /// Insertions at the same point conflict too, so that their order never depends on sorting ties.
    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty || b.isEmpty { return a.lowerBound == b.lowerBound || (a.contains(b.lowerBound) && !a.isEmpty) || (b.contains(a.lowerBound) && !b.isEmpty) }
        return a.overlaps(b)
    }
}
