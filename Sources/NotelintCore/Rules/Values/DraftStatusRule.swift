import NotelintLoader

/// `draft` says one thing, `status` another.
struct DraftStatusRule: Rule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let publishedStatuses = OptionKey("published-statuses", ["evergreen"], "Statuses that require `draft: false`.")
        static let draftStatuses = OptionKey("draft-statuses", ["draft"], "Statuses that require `draft: true`.")
        static let draftKey = OptionKey("draft-key", "draft", "The key holding the draft flag.")
        static let draftValue = OptionKey(
            "draft-value", true, "The draft flag's value that keeps a note unpublished: `false` for Jekyll's `published`.")
        static let statusKey = OptionKey("status-key", "status", "The key holding the status.")
    }

    static let description = RuleDescription(
        id: "draft-status",
        summary: "`draft` contradicts `status`",
        rationale: """
            `status: evergreen` means finished and published, `draft: true` keeps the note off the site: \
            one of them is stale. Which statuses require which draft value is configurable.
            """,
        defaultSeverity: .error,
        options: [
            Option.publishedStatuses.declaration,
            Option.draftStatuses.declaration,
            Option.draftKey.declaration,
            Option.draftValue.declaration,
            Option.statusKey.declaration,
        ],
        triggeringExamples: [
            "---\ndraft: true\nstatus: ↓evergreen\n---\n",
            "---\nstatus: ↓draft\ndraft: false\n---\n",
            RuleExample("---\ndraft: true\nstatus: ↓done\n---\n", options: ["published-statuses": .strings(["done"])]),
            RuleExample(
                "---\npublished: false\nstatus: ↓evergreen\n---\n",
                options: ["draft-key": .string("published"), "draft-value": .bool(false)]),
        ],
        nonTriggeringExamples: [
            "---\ndraft: false\nstatus: evergreen\n---\n",
            "---\ndraft: true\nstatus: seedling\n---\n",
            "---\nstatus: evergreen\n---\n",
            RuleExample(
                "---\npublished: true\nstatus: evergreen\n---\n",
                options: ["draft-key": .string("published"), "draft-value": .bool(false)]),
        ]
    )

    let published: Set<String>
    let drafts: Set<String>
    let draftKey: String
    let draftValue: Bool
    let statusKey: String

    init(options: RuleOptions) {
        published = Set(options[Option.publishedStatuses])
        drafts = Set(options[Option.draftStatuses])
        draftKey = options[Option.draftKey]
        draftValue = options[Option.draftValue]
        statusKey = options[Option.statusKey]
    }

    func check(_ context: RuleContext) -> [Finding] {
        guard let root = context.root,
            let draftPair = root.pair(forKey: draftKey), let statusPair = root.pair(forKey: statusKey),
            case .bool(let flag)? = draftPair.value.dereferenced.scalar?.resolved,
            let status = statusPair.value.dereferenced.scalar?.text
        else { return [] }
        let expected: Bool
        if published.contains(status) {
            expected = false
        } else if drafts.contains(status) {
            expected = true
        } else {
            return []
        }
        guard (flag == draftValue) != expected else { return [] }
        let meaning = expected ? "is not finished" : "is finished and published"
        return [Finding(
            range: statusPair.value.range,
            message: "`\(statusKey): \(status)` \(meaning), but `\(draftKey): \(flag)` says otherwise",
            related: [RelatedLocation(range: draftPair.value.range, message: "`\(draftKey)` is set here")],
            subject: "\(statusKey)=\(status),\(draftKey)=\(flag)")]
    }
}
