import NotelintCore
import NotelintEngine
import NotelintLoader
import NotelintText

/// What one fuzz target exercises. The same checks run under libFuzzer (`scripts/fuzz.sh`) and in the replay test,
/// which runs every saved corpus input and crasher in an ordinary build.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Front-matter splitter and YAML loader, and the `notelint dump` record of what was loaded.
    case loader
    /// Every rule of the embedded default configuration.
    case linter
    /// `--unsafe-fixes` in memory, then the fixed text fixed again.
    case fixer
    /// The language server's message reader and dispatch.
    case server
}

/// The invariants each target checks on arbitrary bytes. Each check returns the violations found (empty when the
/// input passed); a crash, a hang or an overflow is a finding by itself.
public enum FuzzChecks {
    public static func check(_ target: FuzzTarget, _ bytes: [UInt8]) -> [String] {
        switch target {
        case .loader: checkLoader(bytes)
        case .linter: checkLinter(bytes)
        case .fixer: checkFixer(bytes)
        case .server: checkServer(bytes)
        }
    }

    /// The note's path: in a folder that does not exist, so no `.lint.yml` applies.
    static let path = "/notelint-fuzz/note.md"
    static let relativePath = "note.md"
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!
    static let linter = Linter()

    /// The embedded default configuration, compiled once.
    static let configuration: EffectiveConfiguration = {
        do {
            return try ConfigurationResolver(registry: RuleRegistry.all).embeddedDefault()
        } catch {
            fatalError("the embedded default configuration does not load: \(error)")
        }
    }()

    /// The tag evidence `Linter.lint` gathers when it lints this one note alone.
    static func corpus(of note: Note) -> TagCorpus {
        var counter = TagCounter()
        counter.add(TagCorpus.tags(of: note, key: configuration.corpusKey))
        return counter.corpus()
    }

    // MARK: Loader

    public static func checkLoader(_ bytes: [UInt8]) -> [String] {
        var violations: [String] = []
        let note = NoteLoader().load(bytes: bytes, path: path)
        if note.source.bytes != bytes { violations.append("the loaded source differs from the input") }
        if !note.isWholeFile { violations.append("a note loaded from bytes is not marked whole") }
        let positions = PositionOracle(bytes)
        violations += blockViolations(note, bytes: bytes)

        // The tree: every node inside the front matter, its positions those of its offsets. Aliases are not
        // followed (their targets are nodes of the same tree, visited where they stand).
        var checkedPositions = 0
        if let root = note.root {
            let content = note.block?.content ?? 0..<bytes.count
            var pending: [(YAMLNode, Int)] = [(root, 1)]
            var visited = 0
            while let (node, depth) = pending.popLast() {
                visited += 1
                let range = node.range
                if range.start.offset > range.end.offset {
                    violations.append("node range \(range.start.offset)..<\(range.end.offset) is reversed")
                }
                if range.start.offset < content.lowerBound || range.end.offset > content.upperBound {
                    violations.append(
                        "node range \(range.start.offset)..<\(range.end.offset) lies outside the front matter \(content)")
                }
                if checkedPositions < 2_000 {
                    checkedPositions += 2
                    violations += positions.violations(range, what: "node")
                }
                if depth > LoadLimits.default.maxDepth + 1 {
                    violations.append("a node is \(depth) levels deep, beyond the loader's limit")
                    break
                }
                switch node.content {
                case .scalar, .alias: break
                case .sequence(let items, _): pending += items.map { ($0, depth + 1) }
                case .mapping(let pairs, _):
                    for pair in pairs { pending += [(pair.key, depth + 1), (pair.value, depth + 1)] }
                }
                if violations.count > 20 { break }
            }
            if visited == 0 { violations.append("no node visited") }
        }
        if note.root != nil, note.outcome != .present { violations.append("a tree for outcome \(note.outcome.name)") }

        for problem in note.problems {
            for range in [problem.range] + (problem.related.map { [$0] } ?? []) {
                if range.start.offset > range.end.offset || range.end.offset > bytes.count || range.start.offset < 0 {
                    violations.append(
                        "\(problem.kind.rawValue) range \(range.start.offset)..<\(range.end.offset) is outside 0..<\(bytes.count)")
                }
                violations += positions.violations(range, what: problem.kind.rawValue)
            }
        }

        // What `notelint dump` prints for it, with positions, must be well-formed JSON.
        var writer = JSONWriter()
        NoteDumpRecord.write(note, options: YAMLJSONOptions(typed: true, positions: true, nodeBudget: 20_000), to: &writer)
        if let error = JSONCheck.validate(writer.bytes) {
            violations.append("notelint dump wrote invalid JSON: \(error)")
        }
        return violations
    }

    /// The fences and the content between them lie in order inside the input, and the outcome agrees with them.
    static func blockViolations(_ note: Note, bytes: [UInt8]) -> [String] {
        var violations: [String] = []
        switch note.outcome {
        case .present, .empty:
            if note.block == nil { violations.append("outcome \(note.outcome.name) without a block") }
        case .error:
            break
        default:
            if note.block != nil { violations.append("outcome \(note.outcome.name) with a block") }
        }
        if let block = note.block {
            let bounds = [
                block.openingFence.lowerBound, block.openingFence.upperBound, block.content.lowerBound,
                block.content.upperBound, block.closingFence.lowerBound, block.closingFence.upperBound,
            ]
            if bounds != bounds.sorted() || bounds[0] < 0 || bounds[5] > bytes.count {
                violations.append("front matter block out of order or outside the input: \(bounds) in \(bytes.count) bytes")
            }
        }
        if case .unterminated(let line) = note.outcome, line < 1 || line > note.source.lineStarts.count {
            violations.append("unterminated front matter opening on line \(line) of \(note.source.lineStarts.count)")
        }
        return violations
    }

    // MARK: Linter

    public static func checkLinter(_ bytes: [UInt8]) -> [String] {
        let note = linter.loader.load(bytes: bytes, path: path)
        let corpus = corpus(of: note)
        let diagnostics = linter.check(note, configuration: configuration, relativePath: relativePath, today: today, corpus: corpus)
        return diagnosticViolations(diagnostics, in: bytes, what: "")
    }

    /// Every range a diagnostic names (its own, its related ones, its fix's edits) lies inside the input, its
    /// positions agree with its offsets, and its message is one line without control characters.
    static func diagnosticViolations(_ diagnostics: [Diagnostic], in bytes: [UInt8], what: String) -> [String] {
        var violations: [String] = []
        let positions = PositionOracle(bytes)
        for diagnostic in diagnostics.prefix(500) {
            let name = "\(what)\(diagnostic.ruleID) at \(diagnostic.range.start.offset)"
            for range in [diagnostic.range] + diagnostic.related.map(\.range) {
                if range.start.offset < 0 || range.start.offset > range.end.offset || range.end.offset > bytes.count {
                    violations.append("\(name): range \(range.start.offset)..<\(range.end.offset) outside 0..<\(bytes.count)")
                }
                violations += positions.violations(range, what: name)
            }
            if diagnostic.message.unicodeScalars.contains(where: isControl) {
                violations.append("\(name): message holds a control character: \(diagnostic.message.debugDescription)")
            }
            if let line = diagnostic.sourceLine, line.unicodeScalars.contains(where: isControl) {
                violations.append("\(name): source line holds a control character: \(line.debugDescription)")
            }
            if let fix = diagnostic.fix {
                var previousEnd = 0
                for edit in fix.edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                    if edit.range.lowerBound < 0 || edit.range.upperBound > bytes.count {
                        violations.append("\(name): fix edit \(edit.range) outside 0..<\(bytes.count)")
                    }
                    if edit.range.lowerBound < previousEnd {
                        violations.append("\(name): fix edits overlap at \(edit.range)")
                    }
                    previousEnd = max(previousEnd, edit.range.upperBound)
                }
            }
            if violations.count > 20 { break }
        }
        return violations
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    // MARK: Fixer

    public static func checkFixer(_ bytes: [UInt8]) -> [String] {
        var violations: [String] = []
        let first = fix(bytes)
        let fixed = first.fix.fixed
        violations += diagnosticViolations(first.diagnostics, in: fixed, what: "after fixing: ")
        guard fixed != bytes else { return violations }

        // Only the front matter changes: what comes before the opening fence (a BOM) and from the end of the
        // closing fence's line on stays byte for byte.
        guard case .fenced(let opening, _, let closing) = FrontMatterSplitter.split(bytes) else {
            return violations + ["a note without complete front matter was changed"]
        }
        guard case .fenced(let fixedOpening, _, let fixedClosing) = FrontMatterSplitter.split(fixed) else {
            return violations + ["the fixed note no longer has complete front matter"]
        }
        if fixed[..<fixedOpening.lowerBound] != bytes[..<opening.lowerBound] {
            violations.append("the bytes before the opening fence changed")
        }
        if fixed[fixedClosing.upperBound...] != bytes[closing.upperBound...] {
            violations.append("the body after the front matter changed")
        }
        let loaded = linter.loader.load(bytes: fixed, path: path)
        if loaded.root == nil || loaded.problems.contains(where: { $0.kind == .syntax }) {
            violations.append("the fixed front matter does not load")
        }

        // Fixing the fixed text changes nothing.
        let second = fix(fixed)
        if second.fix.fixed != fixed {
            violations.append(
                "fixing the fixed text changed it again (\(second.fix.applied.sorted { $0.key < $1.key })): "
                    + "\(excerpt(bytes)) → \(excerpt(fixed)) → \(excerpt(second.fix.fixed))")
        }
        return violations
    }

    /// The start of a text, escaped, for a violation's message.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(600), as: UTF8.self)
        return text.debugDescription + (bytes.count > 600 ? "…" : "")
    }

    static func fix(_ bytes: [UInt8]) -> (diagnostics: [Diagnostic], fix: FileFix) {
        let note = linter.loader.load(bytes: bytes, path: path)
        let corpus = corpus(of: note)
        return linter.fixer(minimum: .unsafe, configuration: configuration, relativePath: relativePath, today: today)
            .fix(bytes, path: path, corpus: corpus)
    }
}
