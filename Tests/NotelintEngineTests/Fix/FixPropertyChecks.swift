import Foundation
import NotelintLoader
@testable import NotelintCore
@testable import NotelintEngine
@testable import NotelintReporters
@testable import NotelintSchema
@testable import NotelintText

extension FixProperty {
    /// "Today" for every fix run, so that date findings do not depend on the day the tests run.
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    /// A path in a folder that does not exist: no `.lint.yml` is found above it, so the embedded default applies,
    /// and only the notes given lend their tags as evidence.
    static let notePath = "/notelint-fix-property/note.md"

    struct FixRun {
        var fixed: [UInt8]
        /// Findings of the fixed text.
        var diagnostics: [Diagnostic]
        var applied: [String: Int]
    }

    /// The embedded default, compiled once for every note (the public entry point compiles it on each call).
    static let configuration = embeddedDefault(dictionary: true)

    /// The embedded default without the Hunspell dictionary in tag-spelling. Each word the dictionary rejects
    /// costs it tens of milliseconds of suggestions, on every pass; cut-off tags are then judged by the other
    /// notes' evidence alone, as they are first anyway. Notes with a `misspelledTag` use `configuration`.
    static let configurationWithoutDictionary = embeddedDefault(dictionary: false)

    private static func embeddedDefault(dictionary: Bool) -> EffectiveConfiguration {
        do {
            let bytes = Array((EmbeddedRules.files[EmbeddedRules.configurationPath] ?? "").utf8)
            var parsed = try Configuration.parse(bytes, path: "(embedded default)", directory: ".", rules: RuleRegistry.all)
            var setting = parsed.rules["tag-spelling"] ?? Configuration.RuleSetting()
            setting.options["dictionary"] = .bool(dictionary)
            parsed.rules["tag-spelling"] = setting
            return try EffectiveConfiguration(parsed, registry: RuleRegistry.all, files: RuleFileStore(.embedded))
        } catch {
            fatalError("the embedded default does not load: \(error)")
        }
    }

    static let linter = Linter()

    /// The tag evidence for a note, as `Linter.lint` gathers it: the tags other notes of the collection use (see
    /// `NoteGenerator.evidence`) and the note's own. The fixer counts on the note's own uses being in it: once a fix
    /// changes a tag, it counts the new spelling instead of the old, as the next run will.
    static func corpus(for bytes: [UInt8]) -> TagCorpus {
        var uses = NoteGenerator.evidence
        for tag in TagCorpus.tags(of: linter.loader.load(bytes: bytes, path: notePath)) { uses[tag, default: 0] += 1 }
        return TagCorpus(uses: uses)
    }

    /// Notes that carry the evidence when fixing through `Linter.lint`: clean notes in the same folder, each
    /// evidence tag used by two of them.
    static let evidenceNotes: [String: [UInt8]] = {
        let tags = NoteGenerator.evidence.keys.sorted()
        let halves = [Array(tags.prefix(tags.count / 2)), Array(tags.dropFirst(tags.count / 2))]
        var notes: [String: [UInt8]] = [:]
        for (index, half) in (halves + halves).enumerated() {
            let text = """
                ---
                title: Evidence \(index)
                date: 2024-01-0\(index + 1)
                draft: false
                status: budding
                tags: [\(half.joined(separator: ", "))]
                summary: Other notes of the collection use these tags.
                layout: post.njk
                ---

                """
            notes["/notelint-fix-property/evidence-\(index).md"] = Array(text.utf8)
        }
        return notes
    }()

    /// Fixes `bytes` with the fixer itself (fix, re-lint, repeat). The findings returned are those of the
    /// fixed text.
    static func fixDirectly(_ bytes: [UInt8], minimum: Applicability, dictionary: Bool = false) -> FixRun {
        let fixer = linter.fixer(
            minimum: minimum, configuration: dictionary ? configuration : configurationWithoutDictionary,
            relativePath: "note.md", today: today)
        let (diagnostics, fix) = fixer.fix(bytes, path: notePath, corpus: corpus(for: bytes))
        return FixRun(fixed: fix.fixed, diagnostics: diagnostics, applied: fix.applied)
    }

    /// Fixes `bytes` in memory through the public entry point, as `notelint lint --fix [--unsafe-fixes] --diff` does,
    /// beside the evidence notes.
    static func fix(_ bytes: [UInt8], minimum: Applicability) throws -> FixRun {
        let contents = evidenceNotes.merging([notePath: bytes]) { _, note in note }
        let report = try Linter().lint(LintRequest(
            paths: [notePath] + evidenceNotes.keys.sorted(), today: today, jobs: 1, fixes: minimum, writeFixes: false,
            contents: contents))
        let file = report.fixedFiles.first { $0.path == notePath }
        return FixRun(
            fixed: file?.fixed ?? bytes, diagnostics: report.diagnostics.filter { $0.path == notePath }, applied: file?.applied ?? [:])
    }

    /// The bytes after the closing fence's line content (its line break and the whole body), or nil without
    /// front matter.
    static func body(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard case .fenced(_, _, let closing) = FrontMatterSplitter.split(bytes) else { return nil }
        return bytes[closing.upperBound...]
    }

    /// How many line breaks of each kind: LF alone, CRLF, CR alone.
    static func lineBreaks(_ bytes: [UInt8]) -> (lf: Int, crlf: Int, cr: Int) {
        var lf = 0
        var crlf = 0
        var cr = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    crlf += 1
                    index += 1
                } else {
                    cr += 1
                }
            } else if bytes[index] == 0x0A {
                lf += 1
            }
            index += 1
        }
        return (lf, crlf, cr)
    }

    /// The top-level pairs of a note's front matter, in order; nil when it does not parse.
    static func topLevel(_ bytes: [UInt8]) -> [(name: String, value: YAMLNode)]? {
        let note = NoteLoader().load(bytes: bytes, path: notePath)
        guard note.outcome == .present, let pairs = note.root?.pairs,
            !note.problems.contains(where: { $0.kind == .syntax })
        else { return nil }
        return pairs.map { ($0.name ?? "?", $0.value) }
    }

    /// A node's data as typed JSON (YAML 1.2 core schema): what "the same data" means.
    static func json(_ node: YAMLNode) -> String {
        (try? YAMLJSONRenderer().render(node).get()) ?? "<too large>"
    }

    static func value(_ node: YAMLNode) -> Value {
        let node = node.dereferenced
        if let scalar = node.scalar {
            switch scalar.resolved {
            case .string(let text): return .string(text)
            case .bool(let flag): return .bool(flag)
            default: return .other(json(node))
            }
        }
        if let items = node.items {
            var texts: [String] = []
            for item in items {
                guard case .string(let text)? = item.dereferenced.scalar?.resolved else { return .other(json(node)) }
                texts.append(text)
            }
            return .list(texts)
        }
        return .other(json(node))
    }

    /// Counts of what a run exercised, printed at the end.
    struct Tally {
        var notes = 0
        var defects = 0
        var byDefect: [Defect: Int] = [:]
        var fixesByRule: [String: Int] = [:]
        var crlfNotes = 0
        var crNotes = 0
        var bomNotes = 0
        var traps: [NoteGenerator.Trap: Int] = [:]

        mutating func add(_ note: GeneratedNote, applied: [String: Int]) {
            notes += 1
            defects += note.defects.count
            for defect in note.defects { byDefect[defect, default: 0] += 1 }
            fixesByRule.merge(applied, uniquingKeysWith: +)
            if note.lineBreak == "\r\n" { crlfNotes += 1 }
            if note.lineBreak == "\r" { crNotes += 1 }
            if note.hasBOM { bomNotes += 1 }
            for trap in note.traps { traps[trap, default: 0] += 1 }
        }

        var summary: String {
            let defectText = byDefect.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            let ruleText = fixesByRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let trapText = traps.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            return """
                fix properties: \(notes) notes (\(crlfNotes) CRLF, \(crNotes) CR, \(bomNotes) with a BOM), \(defects) defects planted
                  defects: \(defectText.joined(separator: ", "))
                  traps (must come out unchanged): \(trapText.joined(separator: ", "))
                  fixes applied (--unsafe-fixes): \(ruleText.joined(separator: ", "))
                """
        }
    }
}

extension FixProperty {
    struct Outcome: Sendable {
        var problems: [String]
        var applied: [String: Int]
    }

    /// Results of notes checked on several threads, by index.
    final class ResultStore: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [(GeneratedNote, Outcome)?]

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, note: GeneratedNote, outcome: Outcome) {
            lock.lock()
            results[index] = (note, outcome)
            lock.unlock()
        }

        var all: [(GeneratedNote, Outcome)] {
            lock.lock()
            defer { lock.unlock() }
            return results.compactMap { $0 }
        }
    }
}
