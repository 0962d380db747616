import NotelintCore

/// A library diagnostic as the protocol shows it: rule id as `code`, a link to the rule's page, severity,
/// related places and tags.
enum DiagnosticMapping {
    static func json(_ diagnostic: Diagnostic, in document: OpenDocument, session: Session) -> JSONValue {
        let lines = document.lines
        var object: [String: JSONValue] = [
            "range": lines.range(ofBytes: diagnostic.range.byteRange, session.encoding),
            "severity": .int(severity(diagnostic.severity)),
            "code": .string(diagnostic.ruleID),
            "source": "notelint",
            "message": .string(message(diagnostic)),
        ]
        if RuleRegistry.rule(id: diagnostic.ruleID) != nil {
            object["codeDescription"] = ["href": .string(documentationLink(diagnostic.ruleID, session: session))]
        }
        if !diagnostic.related.isEmpty {
            object["relatedInformation"] = .array(diagnostic.related.map { related in
                [
                    "location": ["uri": .string(document.uri), "range": lines.range(ofBytes: related.range.byteRange, session.encoding)],
                    "message": .string(related.message),
                ]
            })
        }
        if unnecessaryRules.contains(diagnostic.ruleID) { object["tags"] = [1] }
        return .object(object)
    }

    /// Findings about text that does nothing: editors fade it (`DiagnosticTag.Unnecessary`).
    static let unnecessaryRules: Set<String> = ["unused-suppression", "duplicate-tag", "trailing-whitespace"]

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }

    static func message(_ diagnostic: Diagnostic) -> String {
        guard !diagnostic.suggestions.isEmpty else { return diagnostic.message }
        return diagnostic.message + " (did you mean " + diagnostic.suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?)"
    }

    static func documentationLink(_ ruleID: String, session: Session) -> String {
        session.settings.documentationBase + ruleID + ".md"
    }

    /// The diagnostic in a client's `context.diagnostics` that stands for this finding, so that a code action
    /// names the very object the client sent.
    static func matches(_ client: JSONValue, _ diagnostic: Diagnostic, in document: OpenDocument, session: Session) -> Bool {
        client["code"]?.string == diagnostic.ruleID
            && client["range"] == document.lines.range(ofBytes: diagnostic.range.byteRange, session.encoding)
    }
}
