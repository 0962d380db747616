import Dispatch
import NotelintLoader
import Testing
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText

/// Thousands of generated notes with planted defects, fixed in memory with `--fix` and with `--unsafe-fixes`.
/// For every note and both levels: the body and the line breaks are kept byte for byte, the BOM stays, fixing
/// again changes nothing, the front matter still parses to the same data except where a defect was planted,
/// and there it holds the value the author meant; after `--fix`, no finding with a safe fix is left.
///
/// Notes come from a fixed list of seeds, so a failure names the seed that rebuilds its note:
/// `FixProperty.NoteGenerator(seed: seed).make()`.
struct FixPropertyTests {
    static let noteCount = 2_000
    static let firstSeed: UInt64 = 0x5EED_0000

    @Test func fixesKeepEverythingButTheDefects() throws {
        // Two workers: the notes are independent, and the fixer is meant to run on many threads.
        let results = FixProperty.ResultStore(count: Self.noteCount)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: Self.noteCount, by: 2) {
                var generator = FixProperty.NoteGenerator(seed: Self.firstSeed + UInt64(index))
                let note = generator.make()
                results.set(index, note: note, outcome: Self.check(note, throughPublicEntry: index % 80 == 0))
            }
        }
        var tally = FixProperty.Tally()
        var failures: [String] = []
        for (note, outcome) in results.all {
            tally.add(note, applied: outcome.applied)
            if !outcome.problems.isEmpty {
                failures.append("seed \(note.seed):\n  " + outcome.problems.joined(separator: "\n  ") + "\n--- note ---\n" + note.text)
            }
        }
        print(tally.summary)
        let failed = failures.count
        #expect(failed == 0, "\(failed) notes failed; the first ones:\n\(failures.prefix(5).joined(separator: "\n\n"))")
        #expect(tally.notes >= 2_000)
        // Every kind of defect was planted often enough to mean something.
        for defect in FixProperty.Defect.allCases {
            let minimum = defect == .misspelledTag ? 12 : 75
            #expect(tally.byDefect[defect, default: 0] >= minimum, "\(defect) planted only \(tally.byDefect[defect, default: 0]) times")
        }
        for trap in FixProperty.NoteGenerator.Trap.allCases {
            #expect(tally.traps[trap, default: 0] >= 20, "\(trap) set only \(tally.traps[trap, default: 0]) times")
        }
        // Evidence notes must be clean, or they would be fixed too.
        let evidence = try Linter().lint(LintRequest(
            paths: FixProperty.evidenceNotes.keys.sorted(), today: FixProperty.today, fixes: .unsafe, writeFixes: false,
            contents: FixProperty.evidenceNotes))
        #expect(evidence.diagnostics.isEmpty, "\(evidence.diagnostics.map(\.message))")
    }

    /// Generating is deterministic: the same seed gives the same bytes.
    @Test func aSeedRebuildsItsNote() {
        var first = FixProperty.NoteGenerator(seed: 42)
        var second = FixProperty.NoteGenerator(seed: 42)
        var other = FixProperty.NoteGenerator(seed: 43)
        let note = first.make()
        #expect(note.bytes == second.make().bytes)
        #expect(note.bytes != other.make().bytes)
    }

    /// Notes without defects are clean: every finding the property test sees comes from a planted defect.
    @Test func notesWithoutDefectsHaveNothingToFix() throws {
        var checked = 0
        for index in 0..<3_000 where checked < 200 {
            var generator = FixProperty.NoteGenerator(seed: Self.firstSeed + UInt64(index))
            let note = generator.make()
            guard note.defects.isEmpty, note.traps.isEmpty else { continue }
            checked += 1
            let run = FixProperty.fixDirectly(note.bytes, minimum: .unsafe)
            #expect(run.fixed == note.bytes, "seed \(note.seed)\n\(note.text)")
            let fixable = run.diagnostics.filter { $0.fix != nil }.map { "\($0.ruleID): \($0.message)" }
            #expect(fixable.isEmpty, "seed \(note.seed): \(fixable)\n\(note.text)")
        }
        #expect(checked >= 50)
    }

    /// Every property, for both fix levels. Returns what went wrong and the fixes `--unsafe-fixes` applied.
    /// With `throughPublicEntry`, the note is also fixed through `Linter.lint`, which must give the same bytes,
    /// and its fixed text fixed once more that way.
    static func check(_ note: FixProperty.GeneratedNote, throughPublicEntry: Bool) -> FixProperty.Outcome {
        var problems: [String] = []
        var applied: [String: Int] = [:]
        guard let originalPairs = FixProperty.topLevel(note.bytes), let originalBody = FixProperty.body(note.bytes) else {
            return FixProperty.Outcome(problems: ["the generated note itself does not parse"], applied: [:])
        }
        let original = Dictionary(originalPairs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let plans = Dictionary(note.keys.map { ($0.writtenName, $0) }, uniquingKeysWith: { first, _ in first })
        let commentLines = Self.commentLines(note.bytes)

        for level in [Applicability.safe, .unsafe] {
            let tag = level == .safe ? "--fix" : "--unsafe-fixes"
            func fail(_ message: String) { problems.append("\(tag): \(message)") }
            let run = FixProperty.fixDirectly(note.bytes, minimum: level, dictionary: note.defects.contains(.misspelledTag))
            if level == .unsafe { applied = run.applied }
            let fixed = run.fixed
            if throughPublicEntry {
                do {
                    let viaLinter = try FixProperty.fix(note.bytes, minimum: level)
                    if viaLinter.fixed != fixed { fail("Linter.lint fixed it otherwise:\n\(String(decoding: viaLinter.fixed, as: UTF8.self))") }
                    if try FixProperty.fix(fixed, minimum: level).fixed != fixed { fail("Linter.lint changed the fixed text again") }
                } catch {
                    fail("Linter.lint threw \(error)")
                }
            }

            // The body, the BOM and the line breaks.
            if FixProperty.body(fixed) != originalBody { fail("the body changed") }
            if fixed.starts(with: FrontMatterSplitter.byteOrderMark) != note.hasBOM { fail("the BOM was not kept") }
            let breaks = FixProperty.lineBreaks(fixed)
            let foreign = note.lineBreak == "\r\n" ? breaks.lf + breaks.cr : note.lineBreak == "\r" ? breaks.lf + breaks.crlf : breaks.crlf + breaks.cr
            if foreign > 0 {
                fail("line breaks changed: \(breaks.lf) LF, \(breaks.crlf) CRLF, \(breaks.cr) CR in a note written with \(note.lineBreak.debugDescription)")
            }
            if Self.commentLines(fixed) != commentLines { fail("comment lines changed") }

            // Fixed text parses, and fixing it again changes nothing.
            guard let fixedPairs = FixProperty.topLevel(fixed) else {
                fail("the fixed front matter does not parse:\n\(String(decoding: fixed, as: UTF8.self))")
                continue
            }
            if run.diagnostics.contains(where: { $0.ruleID == "yaml-syntax" }) { fail("a yaml-syntax finding after fixing") }
            // The findings returned are the fixed text's: what a second run would start from.
            let again = FixApplier.apply(run.diagnostics, to: fixed, minimum: level)
            if again.bytes != fixed {
                fail("fixing twice changed more (\(again.applied)):\n\(String(decoding: again.bytes, as: UTF8.self))")
            }
            let leftOver = run.diagnostics.filter { ($0.fix?.applicability ?? .displayOnly) >= level }
            if !leftOver.isEmpty {
                fail("findings with a fix remain: " + leftOver.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.message)" }.joined(separator: "; "))
            }

            // The data, key by key.
            let expectedNames = originalPairs.map { pair -> String in
                guard let plan = plans[pair.name] else { return pair.name }
                return level == .unsafe ? plan.name : plan.writtenName
            }
            let fixedNames = fixedPairs.map(\.name)
            if fixedNames != expectedNames { fail("keys \(fixedNames), expected \(expectedNames)") }
            let fixedValues = Dictionary(fixedPairs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            for plan in note.keys {
                guard let before = original[plan.writtenName] else {
                    fail("the generated note has no `\(plan.writtenName)`")
                    continue
                }
                let name = level == .unsafe ? plan.name : plan.writtenName
                guard let after = fixedValues[name] else { continue }
                let mustReachClean = level == .unsafe ? !plan.defects.isEmpty : !plan.defects.isEmpty && plan.isSafe
                let mustStay = plan.defects.isEmpty || (level == .safe && plan.isUnsafeOnly) || plan.clean == nil
                if mustStay {
                    if FixProperty.json(after) != FixProperty.json(before) {
                        fail("`\(name)` changed: \(FixProperty.json(before)) → \(FixProperty.json(after))")
                    }
                } else if mustReachClean, let clean = plan.clean {
                    let actual = FixProperty.value(after)
                    if !Self.matches(actual, clean, asSet: plan.comparedAsSet) {
                        fail("`\(name)` is \(actual), expected \(clean) (defects: \(plan.defects.map(\.rawValue)))")
                    }
                }
            }
        }
        return FixProperty.Outcome(problems: problems, applied: applied)
    }

    /// Lists compared as sets must also be free of repeats.
    static func matches(_ actual: FixProperty.Value, _ expected: FixProperty.Value, asSet: Bool) -> Bool {
        guard asSet, case .list(let items) = actual, case .list(let wanted) = expected else { return actual == expected }
        return Set(items).count == items.count && Set(items) == Set(wanted)
    }

    /// The comment lines of the front matter, trailing blanks ignored (removing them is a fix).
    static func commentLines(_ bytes: [UInt8]) -> [String] {
        guard case .fenced(_, let content, _) = FrontMatterSplitter.split(bytes) else { return [] }
        return String(decoding: bytes[content], as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmed(of: [" ", "\t", "\r"]) }
            .filter { $0.hasPrefix("#") }
    }
}

private extension StringProtocol {
    func trimmed(of set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
