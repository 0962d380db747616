import NotelintLoader
import NotelintText

/// URLs that are not absolute, use a disallowed scheme, lack a host or hold spaces.
struct URLFormatRule: Rule {
    /// The rule's options, each declared once and read by the same constant.
    enum Option {
        static let keys = OptionKey("keys", ["source"], "Top-level keys holding URLs (besides schema `format: uri`).")
        static let schemes = OptionKey("schemes", ["https"], "Allowed schemes.")
        static let warnSchemes = OptionKey("warn-schemes", ["http"], "Schemes reported as a warning only.")
    }

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
            Option.keys.declaration,
            Option.schemes.declaration,
            Option.warnSchemes.declaration,
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
        ],
        corrections: [
            RuleCorrection("---\nsource: ' https://example.com/a '\n---\n", "---\nsource: 'https://example.com/a'\n---\n"),
            RuleCorrection("---\nsource: https://example.com/a?utm_source=x&id=3&fbclid=y\n---\n", "---\nsource: https://example.com/a?id=3\n---\n"),
            RuleCorrection("---\nsource: http://example.com/a\n---\n", "---\nsource: https://example.com/a\n---\n", applicability: .unsafe),
        ],
        owns: Ownership(schemaViolations: .formats(["uri", "uri-reference", "iri", "iri-reference"]))
    )

    let keys: [String]
    let schemes: Set<String>
    let warnSchemes: Set<String>

    init(options: RuleOptions) {
        keys = options[Option.keys]
        schemes = Set(options[Option.schemes].map { $0.lowercased() })
        warnSchemes = Set(options[Option.warnSchemes].map { $0.lowercased() })
    }

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for violation in context.violations(routedTo: Self.id) {
            guard let value = violation.instance?.dereferenced.scalar?.text else { continue }
            let range = violation.range(in: context)
            findings.append(problem(with: value, at: range, key: violation.pathText, node: violation.instance)
                ?? Finding(range: range, message: "`\(value)` is not a valid URI", subject: "\(violation.pathText)=\(value)"))
        }
        guard let root = context.root else { return findings }
        for key in keys {
            guard let node = root[key]?.dereferenced, let scalar = node.scalar, case .string(let text) = scalar.resolved,
                !text.isEmpty
            else { continue }
            if let finding = problem(with: text, at: node.range, key: key, node: node) { findings.append(finding) }
        }
        return findings
    }

    private func problem(with url: String, at range: SourceRange, key: String, node: YAMLNode?) -> Finding? {
        func replacement(_ value: String, _ applicability: Applicability, _ title: String) -> Fix? {
            node.flatMap { YAMLEdits.replaceScalar($0.dereferenced, with: value, inFlow: false) }
                .map { Fix(edits: [$0], applicability: applicability, title: title) }
        }
        func finding(_ message: String, cap: Severity? = nil, fix: Fix? = nil) -> Finding {
            Finding(range: range, message: message, fix: fix, subject: "\(key)=\(url)", severityCap: cap)
        }
        // Bytes first: almost every URL is ASCII without blanks, and is then cleared without forming characters.
        let hasBlankOrControl = url.utf8.contains { $0 <= 0x20 || $0 == 0x7F }
        let trimmed = hasBlankOrControl ? url.trimmingCharacters(in: " \t\r\n") : url
        if trimmed != url, !trimmed.isEmpty, problem(with: trimmed, at: range, key: key, node: nil) == nil {
            return finding("`\(url)` has leading or trailing whitespace", fix: replacement(trimmed, .safe, "trim whitespace"))
        }
        if hasBlankOrControl || (url.utf8.contains { $0 >= 0x80 } && url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })) {
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
        if !schemes.contains(scheme) {
            let allowed = schemes.sorted().joined(separator: ", ")
            if warnSchemes.contains(scheme) {
                let fix = scheme == "http" && schemes.contains("https")
                    ? replacement("https" + url[colon...], .unsafe, "use https") : nil
                return finding("`\(scheme):` URL where \(allowed) is expected", cap: .warning, fix: fix)
            }
            return finding("scheme `\(scheme):` is not allowed (allowed: \(allowed))")
        }
        if let cleaned = Self.withoutTrackingParameters(url) {
            return finding("`\(url)` carries tracking parameters", cap: .warning, fix: replacement(cleaned, .safe, "remove tracking parameters"))
        }
        return nil
    }

    /// Query parameters that only track the reader: `utm_*`, `fbclid`, `gclid`, `si` (YouTube, Spotify share links).
    static func isTrackingParameter(_ name: Substring) -> Bool {
        name.hasPrefix("utm_") || name == "fbclid" || name == "gclid" || name == "si" || name == "mc_eid" || name == "igshid"
    }

    /// The URL without tracking parameters, or nil when it has none.
    static func withoutTrackingParameters(_ url: String) -> String? {
        // Most URLs have no query: told on bytes, before any character is formed.
        guard url.utf8.contains(UInt8(ascii: "?")), let question = url.firstIndex(of: "?") else { return nil }
        let fragmentStart = url[question...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: question)..<fragmentStart]
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = parameters.filter { !isTrackingParameter($0.split(separator: "=", maxSplits: 1).first ?? "") }
        guard kept.count != parameters.count else { return nil }
        let base = String(url[..<question])
        let fragment = String(url[fragmentStart...])
        return kept.isEmpty ? base + fragment : base + "?" + kept.joined(separator: "&") + fragment
    }

    /// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static func isScheme(_ text: Substring) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }
}
