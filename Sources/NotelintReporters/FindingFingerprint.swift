import NotelintCore

/// Identities of findings that CI services use to tell new findings from ones already seen: a hash of the
/// file's path, the rule and the finding's subject (the offending key and value), never its line, so that
/// editing elsewhere in a note does not make its findings look new.
enum FindingFingerprint {
    /// One fingerprint per diagnostic, in order; `paths` are the diagnostics' paths as the format reports them,
    /// so that where the checkout lies does not matter. Findings without a subject use their message instead.
    /// Equal identities in one file (the same misspelt tag twice) are told apart by their order, since services
    /// expect each fingerprint in a report to be unique.
    static func fingerprints(of diagnostics: [Diagnostic], paths: [String]) -> [String] {
        var occurrences: [String: Int] = [:]
        return zip(diagnostics, paths).map { diagnostic, path in
            // Paths and rule ids hold no NUL, so the parts cannot run into one another.
            let identity = [path, diagnostic.ruleID, diagnostic.subject ?? diagnostic.message].joined(separator: "\u{0}")
            let occurrence = occurrences[identity, default: 0]
            occurrences[identity] = occurrence + 1
            return SHA256.hexDigest(occurrence == 0 ? identity : identity + "\u{0}\(occurrence)")
        }
    }
}
