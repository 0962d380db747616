import NotelintCore

/// `textDocument/hover`: on a key, what the schema says of it; on a finding, its rule's summary, rationale and
/// a link to its documentation.
enum HoverRequest: RequestHandler {
    static let method = "textDocument/hover"

    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue {
        let document = try session.document(params)
        guard let position = TextPosition(json: params?["position"]) else { throw .invalidParams("position is missing") }
        guard position.line < document.lines.lineStarts.count else { return .null }
        let offset = document.lines.offset(of: position, session.encoding)
        var sections: [String] = []
        var range: Range<Int>?

        if let frontMatter = FrontMatterLines(document.lines), frontMatter.contains(line: position.line),
            let key = FrontMatterLines.topLevelKey(document.lines.text(ofLine: position.line))
        {
            let lineStart = document.lines.lineStarts[position.line]
            // The key ends at the line's first colon (`topLevelKey` found one there).
            let keyEnd = document.lines.bytes[lineStart...].firstIndex(of: UInt8(ascii: ":")) ?? lineStart
            if offset <= keyEnd, let hint = session.schemaHints(for: document).first(where: { $0.name == key }) {
                sections.append(hint.markdown)
                range = lineStart..<keyEnd
            }
        }
        session.check(document)
        var shownRules: Set<String> = []
        for diagnostic in document.diagnostics where diagnostic.range.byteRange.contains(offset) || diagnostic.range.start.offset == offset {
            guard shownRules.insert(diagnostic.ruleID).inserted, let rule = RuleRegistry.rule(id: diagnostic.ruleID) else { continue }
            let description = rule.description
            sections.append("**\(description.id)**: \(description.summary)\n\n\(description.rationale)\n\n"
                + "[Documentation](\(DiagnosticMapping.documentationLink(description.id, session: session)))")
            range = range ?? diagnostic.range.byteRange
        }
        guard !sections.isEmpty else { return .null }
        var result: [String: JSONValue] = ["contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))]]
        if let range { result["range"] = document.lines.range(ofBytes: range, session.encoding) }
        return .object(result)
    }
}
