import NotelintLoader
import NotelintText

/// A date that must not come before another one does (`lastmod` before `date`).
/// A class: it is asked about every note, on every worker, and each copy of a struct this size retained all its
/// fields, which the workers share (their counts bouncing between the cores).
final class DateOrderRule: Rule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let pairs = OptionKey(
            "pairs", ["date <= lastmod", "date <= updated", "date <= modified", "publishDate <= expiryDate", "date <= expiryDate"],
            "Pairs of keys `earlier <= later`: the second date must not be before the first.")
    }

    static let description = RuleDescription(
        id: "date-order",
        summary: "A date comes before the date it must follow",
        rationale: """
            A note updated before it was written, or that expires before it is published, has a typo in one of \
            the two dates: feeds sort it wrongly and a generator may never show it. Dates are compared by day; \
            a value that is not a date is `date-format`'s business and is left alone here.
            """,
        defaultSeverity: .warning,
        options: [Option.pairs.declaration],
        triggeringExamples: [
            "---\ndate: 2024-05-01\nlastmod: ↓2024-04-30\n---\n",
            "---\npublishDate: 2024-05-01T10:00:00Z\nexpiryDate: ↓2023-05-01\n---\n",
            RuleExample("---\ncreated: 2024-05-01\nreviewed: ↓2024-01-01\n---\n", options: ["pairs": .strings(["created <= reviewed"])]),
        ],
        nonTriggeringExamples: [
            "---\ndate: 2024-05-01\nlastmod: 2024-05-01\n---\n",
            "---\ndate: 2024-05-01\nupdated: 2025-01-01\n---\n",
            "---\ndate: someday\nlastmod: 2024-01-01\n---\n",
        ]
    )

    let pairs: [(earlier: String, later: String)]
    /// The keys of the pairs, each once, found in one walk over a note's keys; and where each pair's keys are in it.
    let keys: [String]
    let places: [(earlier: Int, later: Int)]
    private let lookup: CollectionValues.Keys
    /// The keys (bits of `lookup`'s numbers) that come second in some pair.
    private let laterKeys: UInt64

    init(options: RuleOptions) {
        pairs = options[Option.pairs].compactMap { text in
            let parts = text.split(separator: "<=", omittingEmptySubsequences: false).map { CollectionValues.collapsingWhitespace(String($0)) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (parts[0], parts[1])
        }
        var keys: [String] = []
        func place(_ key: String) -> Int {
            if let known = keys.firstIndex(of: key) { return known }
            keys.append(key)
            return keys.count - 1
        }
        places = pairs.map { (place($0.earlier), place($0.later)) }
        self.keys = keys
        lookup = CollectionValues.Keys(keys)
        laterKeys = places.reduce(0) { $0 | ($1.later < 64 ? 1 << $1.later : ~0) }
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let root = context.root else { return [] }
        // Most notes have a `date` and none of the keys that must follow it: settled without gathering the pairs.
        guard lookup.present(in: root) & laterKeys != 0 else { return [] }
        let found = lookup.pairs(in: root)
        // A plain loop over the pairs: a zip mapped to findings looked its generic types up at run time.
        var findings: [Finding] = []
        for number in pairs.indices {
            let place = places[number]
            guard let second = found[place.later], let first = found[place.earlier],
                let firstText = first.value.dereferenced.scalar?.text, let secondText = second.value.dereferenced.scalar?.text,
                let firstDate = CalendarDate.parse(firstText, as: .frontMatter),
                let secondDate = CalendarDate.parse(secondText, as: .frontMatter), secondDate < firstDate
            else { continue }
            let pair = pairs[number]
            findings.append(Finding(
                range: second.value.range,
                message: "`\(pair.later)` (\(secondDate)) is before `\(pair.earlier)` (\(firstDate))",
                related: [RelatedLocation(range: first.value.range, message: "`\(pair.earlier)` is set here")],
                subject: "\(pair.earlier)<=\(pair.later)"))
        }
        return findings
    }
}
