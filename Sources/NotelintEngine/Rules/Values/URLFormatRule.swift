import NotelintLoader

/// URLs that are not absolute, use a disallowed scheme, lack a host or hold spaces.
struct URLFormatRule: Rule {
    static let description = RuleDescription(
        id: "url-format",
        summary: "A URL is malformed or uses a disallowed scheme",
        rationale: """
            Source links are followed by readers and link checkers. `www.example.com` is a relative path, \
            a space breaks the link, `javascript:` and `data:` are unsafe in a page, and `http:` leaks readers \
            to downgrade attacks (reported as a warning).
            """,
        defaultSeverity: .error,
        options: [
            RuleOption("keys", .strings(["source"]), "Top-level keys holding URLs (besides schema `format: uri`)."),
            RuleOption("schemes", .strings(["https"]), "Allowed schemes."),
            RuleOption("warn-schemes", .strings(["http"]), "Schemes reported as a warning only."),
        ],
        triggeringExamples: [
            "---\nsource: ↓www.example.com/page\n---\n",
            "---\nsource: ↓javascript:alert(1)\n---\n",
            "---\nsource: ↓https://example.com/a page\n---\n",
            "---\nsource: ↓http://example.com\n---\n",
            "---\nsource: ↓https:///path\n---\n",
        ],
        nonTriggeringExamples: [
            "---\nsource: https://www.youtube.com/watch?v=7i84z8uZCqs\n---\n",
            "---\nsource: ''\n---\n",
        ]
    )

    let keys: [String]
    let schemes: Set<String>
    let warnSchemes: Set<String>

    init(options: RuleOptions) {
        keys = options.strings("keys")
        schemes = Set(options.strings("schemes").map { $0.lowercased() })
        warnSchemes = Set(options.strings("warn-schemes").map { $0.lowercased() })
    }

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for violation in context.violations(routedTo: Self.id) {
            guard let value = violation.instance?.dereferenced.scalar?.text else { continue }
            let range = violation.range(in: context)
            findings.append(problem(with: value, at: range, key: violation.pathText)
                ?? Finding(range: range, message: "`\(value)` is not a valid URI", subject: "\(violation.pathText)=\(value)"))
        }
        guard let root = context.root else { return findings }
        for key in keys {
            guard let node = root[key]?.dereferenced, let scalar = node.scalar, case .string(let text) = scalar.resolved,
                !text.isEmpty
            else { continue }
            if let finding = problem(with: text, at: node.range, key: key) { findings.append(finding) }
        }
        return findings
    }

    private func problem(with url: String, at range: SourceRange, key: String) -> Finding? {
        let subject = "\(key)=\(url)"
        func finding(_ message: String, cap: Severity? = nil) -> Finding {
            Finding(range: range, message: message, subject: subject, severityCap: cap)
        }
        if url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "\t" }) {
            return finding("`\(url)` contains spaces or control characters")
        }
        guard let colon = url.firstIndex(of: ":"), Self.isScheme(url[..<colon]) else {
            return finding("`\(url)` is not an absolute URL (no scheme such as https://)")
        }
        let scheme = url[..<colon].lowercased()
        if scheme == "javascript" || scheme == "data" || scheme == "vbscript" {
            return finding("`\(scheme):` URLs are unsafe in a note's metadata")
        }
        let afterScheme = url[url.index(after: colon)...]
        guard afterScheme.hasPrefix("//") else { return finding("`\(url)` has no host") }
        let authority = afterScheme.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        if host.isEmpty { return finding("`\(url)` has no host") }
        if schemes.contains(scheme) { return nil }
        let allowed = schemes.sorted().joined(separator: ", ")
        if warnSchemes.contains(scheme) {
            return finding("`\(scheme):` URL where \(allowed) is expected", cap: .warning)
        }
        return finding("scheme `\(scheme):` is not allowed (allowed: \(allowed))")
    }

    /// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }
}
