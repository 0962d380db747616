import NotelintLoader

/// The outcome of fixing one note.
public struct FileFix: Sendable {
    public var path: String
    public var original: [UInt8]
    public var fixed: [UInt8]
    /// Fixes applied, per rule id, over all passes.
    public var applied: [String: Int]
    /// Set when the fixed text could not be written (the file changed meanwhile, the disk is full…).
    public var writeError: String?

    public var changed: Bool { original != fixed }
}

/// Fix, re-lint, repeat: each pass applies the fixes that do not overlap, then lints the result again,
/// until nothing more applies or the pass limit is reached.
package struct NoteFixer {
    package let linter: Linter
    package let minimum: Applicability
    static let maxPasses = 8

    package init(linter: Linter, minimum: Applicability) {
        self.linter = linter
        self.minimum = minimum
    }

    /// Returns the fixed note's diagnostics and what changed. Notes whose front matter does not parse are left alone.
    package func fix(
        _ bytes: [UInt8], path: String, configuration: EffectiveConfiguration, relativePath: String,
        today: CalendarDate, corpus: TagCorpus?
    ) -> (diagnostics: [Diagnostic], fix: FileFix) {
        var current = bytes
        var applied: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        var seen: Set<[UInt8]> = [bytes]
        for _ in 0..<Self.maxPasses {
            let note = linter.loader.load(bytes: current, path: path)
            diagnostics = linter.check(note, configuration: configuration, relativePath: relativePath, today: today, corpus: corpus)
            guard note.outcome == .present, note.root != nil, !note.problems.contains(where: { $0.kind == .syntax }) else { break }
            let outcome = FixApplier.apply(diagnostics, to: current, minimum: minimum)
            guard outcome.bytes != current else { break }
            // A fix must leave parseable YAML behind, and no problem the text did not have (an alias left without
            // its anchor, two keys renamed to one); if not, stop before writing anything broken.
            let check = linter.loader.load(bytes: outcome.bytes, path: path)
            guard check.root != nil, !check.problems.contains(where: { $0.kind == .syntax }),
                !Self.addsProblems(before: note.problems, after: check.problems)
            else { break }
            // Fixes that undo each other would loop: stop at the first repeated text.
            guard seen.insert(outcome.bytes).inserted else { break }
            current = outcome.bytes
            applied.merge(outcome.applied, uniquingKeysWith: +)
        }
        if current != bytes {
            let note = linter.loader.load(bytes: current, path: path)
            diagnostics = linter.check(note, configuration: configuration, relativePath: relativePath, today: today, corpus: corpus)
        }
        return (diagnostics, FileFix(path: path, original: bytes, fixed: current, applied: applied, writeError: nil))
    }

    /// True when `after` has more problems of some kind than `before`.
    static func addsProblems(before: [LoadProblem], after: [LoadProblem]) -> Bool {
        var remaining: [LoadProblem.Kind: Int] = [:]
        for problem in before { remaining[problem.kind, default: 0] += 1 }
        for problem in after {
            remaining[problem.kind, default: 0] -= 1
            if remaining[problem.kind]! < 0 { return true }
        }
        return false
    }
}
