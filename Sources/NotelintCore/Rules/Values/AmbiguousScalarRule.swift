import NotelintLoader

/// Plain scalars that YAML 1.1 and YAML 1.2 read differently, where the schema wants a string or a boolean.
struct AmbiguousScalarRule: Rule {
    static let description = RuleDescription(
        id: "ambiguous-scalar",
        summary: "A value means different things to YAML 1.1 and 1.2 parsers",
        rationale: """
            Jekyll and PyYAML read YAML 1.1, where `no` is false, `on` is true, `0755` is octal and `1:30` is 90; \
            most newer tools read YAML 1.2, where they are strings or decimals. The same note then means \
            different things to different tools (the "Norway problem"). Quote strings; write booleans as true/false.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            "---\ntitle: ↓no\n---\n",
            "---\ndraft: ↓yes\n---\n",
            "---\ntags: [↓on, war]\n---\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: 'no'\ndraft: true\n---\n",
            "---\nunknown: yes\n---\n",
            "---\ndate: 2024-11-24\n---\n",
        ],
        corrections: [
            RuleCorrection("---\ntitle: no\ntags: [on, war]\n---\n", "---\ntitle: 'no'\ntags: ['on', war]\n---\n"),
            RuleCorrection("---\ndraft: yes\n---\n", "---\ndraft: true\n---\n", applicability: .unsafe),
        ]
    )

    init(options: RuleOptions) {}

    func check(_ context: RuleContext) -> [Finding] {
        guard let pairs = context.root?.pairs else { return [] }
        var findings: [Finding] = []
        for pair in pairs {
            guard let key = pair.name else { continue }
            let value = pair.value.dereferenced
            // The schema is asked only about values YAML 1.1 would read differently, which are rare.
            if case .sequence(let items, let style) = value.content {
                guard items.contains(where: Self.isAmbiguous) else { continue }
                let expected = context.declaredItemTypes(ofKey: key)
                for item in items { findings += finding(item, expected: expected, path: key, inFlow: style == .flow) }
            } else if Self.isAmbiguous(value) {
                findings += finding(value, expected: context.declaredTypes(ofKey: key), path: key, inFlow: false)
            }
        }
        return findings
    }

    private static let booleanWords: [String: Bool] = [
        "y": true, "yes": true, "on": true, "n": false, "no": false, "off": false,
    ]

    /// Plain, and read otherwise by YAML 1.1. Timestamps are left out: a date written plain is meant as a date
    /// by every reader.
    private static func isAmbiguous(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain, let legacy = scalar.yaml11Type else { return false }
        return legacy != .timestamp
    }

    private func finding(_ node: YAMLNode, expected: Set<String>, path: String, inFlow: Bool) -> [Finding] {
        guard Self.isAmbiguous(node), let scalar = node.scalar, let legacy = scalar.yaml11Type,
            expected.contains("string") || expected.contains("boolean")
        else { return [] }
        let reading = "YAML 1.1 reads `\(scalar.text)` as \(legacy.rawValue == "int" ? "an integer" : "a " + legacy.rawValue)"
        let message: String
        var fix: Fix?
        // The node's range starts at its anchor or tag: rewriting it would drop them (and leave aliases dangling).
        let rewritable = node.anchor == nil && node.tag == nil
        if expected.contains("string") {
            message = "\(reading); quote it to keep it a string: '\(scalar.text)'"
            if rewritable {
                fix = Fix(edits: [Edit(range: node.range.byteRange, replacement: "'\(scalar.text)'")], applicability: .safe,
                          title: "quote it")
            }
        } else {
            message = "\(reading) but YAML 1.2 as \(scalar.resolved.type.rawValue); write true or false"
            if rewritable, let meaning = Self.booleanWords[scalar.text.lowercased()] {
                // Probably what the author meant, but YAML 1.2 readers saw a string until now: unsafe.
                fix = Fix(edits: [Edit(range: node.range.byteRange, replacement: "\(meaning)")], applicability: .unsafe,
                          title: "write \(meaning)")
            }
        }
        _ = inFlow
        return [Finding(range: node.range, message: message, fix: fix, subject: "\(path)=\(scalar.text)")]
    }
}
