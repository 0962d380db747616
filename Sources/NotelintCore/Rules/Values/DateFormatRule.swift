import NotelintLoader
import NotelintText

/// Dates that are not ISO 8601, impossible, in the future or outside a configured range.
struct DateFormatRule: Rule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey("keys", ["date"], "Top-level keys holding dates (besides schema `format: date`).")
        static let allowFuture = OptionKey("allow-future", false, "Accept dates later than today.")
        static let earliest = OptionKey("earliest", "", "Earliest accepted date, YYYY-MM-DD (empty: none).")
        static let latest = OptionKey("latest", "", "Latest accepted date, YYYY-MM-DD (empty: none).")
    }

    static let description = RuleDescription(
        id: "date-format",
        summary: "A date is malformed, impossible or out of range",
        rationale: """
            Site generators sort and group notes by date. `2024/11/24` or `24-11-2024` is read as a string or \
            not at all, `2024-02-30` is rejected at build time, and a date in the future hides a note until then.
            """,
        defaultSeverity: .error,
        options: [
            Option.keys.declaration,
            Option.allowFuture.declaration,
            Option.earliest.declaration,
            Option.latest.declaration,
        ],
        triggeringExamples: [
            "---\ndate: ↓2024/11/24\n---\n",
            "---\ndate: ↓'2024-02-30'\n---\n",
            "---\ndate: ↓2999-01-01\n---\n",
            RuleExample("---\ndate: ↓1999-12-31\n---\n", options: ["earliest": .string("2000-01-01")]),
        ],
        nonTriggeringExamples: [
            "---\ndate: '2024-11-24'\n---\n",
            "---\ndate: 2024-02-29\n---\n",
            RuleExample("---\nupdated: 2024-11-24T10:30:00Z\n---\n", options: ["keys": .strings(["updated"])]),
        ],
        corrections: [
            RuleCorrection("---\ndate: 2024/11/24\n---\n", "---\ndate: 2024-11-24\n---\n"),
            RuleCorrection("---\ndate: '2024.1.5'\n---\n", "---\ndate: '2024-01-05'\n---\n"),
        ],
        owns: Ownership(schemaViolations: .formats(["date", "date-time"]))
    )

    let keys: [String]
    let allowFuture: Bool
    let earliest: CalendarDate?
    let latest: CalendarDate?

    init(options: RuleOptions) {
        keys = options[Option.keys]
        allowFuture = options[Option.allowFuture]
        earliest = CalendarDate(iso: Substring(options[Option.earliest]))
        latest = CalendarDate(iso: Substring(options[Option.latest]))
    }

    func check(_ context: RuleContext) -> [Finding] {
        var findings = context.violations(routedTo: Self.id).compactMap { violation -> Finding? in
            guard let value = violation.instance?.dereferenced.scalar?.text else { return nil }
            let range = violation.range(in: context)
            let format = violation.format ?? "date"
            return finding(value, at: range, key: violation.pathText, today: context.today, node: violation.instance)
                ?? Finding(range: range, message: "`\(value)` is not a valid \(format) (the schema asks for `format: \(format)`)",
                           subject: "\(violation.pathText)=\(value)")
        }
        guard let root = context.root else { return findings }
        for key in keys {
            guard let node = root[key]?.dereferenced, let scalar = node.scalar, scalar.resolved.type != .null else { continue }
            if let finding = finding(scalar.text, at: node.range, key: key, today: context.today, node: node) { findings.append(finding) }
        }
        return findings
    }

    private func finding(_ text: String, at range: SourceRange, key: String, today: CalendarDate, node: YAMLNode?) -> Finding? {
        let subject = "\(key)=\(text)"
        guard let date = CalendarDate.parse(text, as: .frontMatter) else {
            var message = "`\(text)` is not an ISO 8601 date (YYYY-MM-DD)"
            var fix: Fix?
            var suggestions: [String] = []
            if let rewritten = Self.unambiguousDate(text) {
                message += "; write `\(rewritten)`"
                suggestions = [rewritten.description]
                fix = node.flatMap { YAMLEdits.replaceScalar($0, with: rewritten.description, inFlow: false) }
                    .map { Fix(edits: [$0], applicability: .safe, title: "write `\(rewritten)`") }
            }
            return Finding(range: range, message: message, suggestions: suggestions, fix: fix, subject: subject)
        }
        if !allowFuture, date > today {
            return Finding(range: range, message: "`\(text)` is in the future (today is \(today))", subject: subject)
        }
        if let earliest, date < earliest {
            return Finding(range: range, message: "`\(text)` is before the earliest accepted date \(earliest)", subject: subject)
        }
        if let latest, date > latest {
            return Finding(range: range, message: "`\(text)` is after the latest accepted date \(latest)", subject: subject)
        }
        return nil
    }

    /// `2024/11/24`, `2024-1-5`, `2024.11.24`: year first, so day and month cannot be confused.
    /// `11/24/2024` or `24.11.2024` are never guessed.
    static func unambiguousDate(_ text: String) -> CalendarDate? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
