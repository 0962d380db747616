import NotelintLoader
import NotelintText

/// The outcome of fixing one note.
public struct FileFix: Sendable {
    public var path: String
    public var original: [UInt8]
    public var fixed: [UInt8]
    /// Fixes applied, per rule id, over all passes.
    public var applied: [String: Int]
    /// Set when the fixed text could not be written (the file changed meanwhile, the disk is full…).
    public var writeError: String?

    public var changed: Bool { original != fixed || textsReleased }
    /// `original` and `fixed` were emptied once the fixed note was written: a run fixing thousands of notes
    /// does not keep them all in memory.
    public internal(set) var textsReleased = false
}

/// Fix, re-lint, repeat: each pass applies the fixes that do not overlap, then lints the result again,
/// until nothing more applies or the pass limit is reached.
package struct NoteFixer {
    /// Checks one loaded note against tag evidence: the run's checker, with the note's configuration, path and
    /// date bound, handed in as a value so that the fixer knows nothing of how a run is organised.
    package typealias Check = (_ note: Note, _ corpus: TagCorpus?) -> [Diagnostic]

    package let minimum: Applicability
    /// Loads each pass's text: the note's configuration decides its limits.
    let loader: NoteLoader
    /// The key whose tags count as evidence (`tag-spelling`'s `key`).
    let corpusKey: String
    let check: Check
    static let maxPasses = 8

    package init(minimum: Applicability, loader: NoteLoader, corpusKey: String, check: @escaping Check) {
        self.minimum = minimum
        self.loader = loader
        self.corpusKey = corpusKey
        self.check = check
    }

    /// Returns the fixed note's diagnostics and what changed. Notes whose front matter does not parse are left alone.
    /// `corpus` is the run's tag evidence, counting this note's tags as `bytes` has them (as `Linter.lint` counts).
    package func fix(_ bytes: [UInt8], path: String, corpus: TagCorpus?) -> (diagnostics: [Diagnostic], fix: FileFix) {
        var current = bytes
        var applied: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        var seen: Set<[UInt8]> = [bytes]
        var evidence = Evidence(corpus: corpus, key: corpusKey)
        for _ in 0..<Self.maxPasses {
            let note = loader.load(bytes: current, path: path)
            diagnostics = check(note, evidence.corpus(for: note))
            guard note.outcome == .present, note.root != nil, !note.problems.contains(where: { $0.kind == .syntax }) else { break }
            let outcome = FixApplier.apply(diagnostics, to: current, minimum: minimum)
            guard outcome.bytes != current else { break }
            // A fix must leave parseable YAML behind, and no problem the text did not have (an alias left without
            // its anchor, two keys renamed to one); if not, stop before writing anything broken.
            let check = loader.load(bytes: outcome.bytes, path: path)
            guard check.root != nil, !check.problems.contains(where: { $0.kind == .syntax }),
                !Self.addsProblems(before: note.problems, after: check.problems)
            else { break }
            // Fixes that undo each other would loop: stop at the first repeated text.
            guard seen.insert(outcome.bytes).inserted else { break }
            current = outcome.bytes
            applied.merge(outcome.applied, uniquingKeysWith: +)
        }
        if current != bytes {
            let note = loader.load(bytes: current, path: path)
            diagnostics = check(note, evidence.corpus(for: note))
        }
        return (diagnostics, FileFix(path: path, original: bytes, fixed: current, applied: applied, writeError: nil))
    }

    /// The tag evidence for each pass. The run's corpus counts the note's tags as they were; once a pass changed
    /// them, the note's own uses are those of its current text, as the next run will count them. Otherwise the old
    /// spelling would vouch for the new one (`Laml` fixed to `laml` is "a case variant of a known tag" only while
    /// `Laml` is counted), and fixing the fixed note would change it again.
    struct Evidence {
        let original: TagCorpus?
        let key: String
        /// The note's tags in the first pass: those the run's corpus counted.
        private var originalTags: [String]?
        private var adjusted: (tags: [String], corpus: TagCorpus)?

        init(corpus: TagCorpus?, key: String) {
            original = corpus
            self.key = key
        }

        mutating func corpus(for note: Note) -> TagCorpus? {
            guard let original else { return nil }
            let tags = TagCorpus.tags(of: note, key: key)
            guard let originalTags else {
                originalTags = tags
                return original
            }
            if tags == originalTags { return original }
            if let adjusted, adjusted.tags == tags { return adjusted.corpus }
            let corpus = original.adjusted(removing: originalTags, adding: tags)
            adjusted = (tags, corpus)
            return corpus
        }
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
