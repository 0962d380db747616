import NotelintCore

/// `textDocument/codeAction`: for each finding in the range, its fix (safe and unsafe ones apart, unsafe said
/// in the title) and a comment that silences the rule on that line; for the document, `source.fixAll.notelint`
/// with every safe fix, as one edit.
enum CodeActionRequest: RequestHandler {
    static let method = "textDocument/codeAction"
    static let fixAllKind = "source.fixAll.notelint"

    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue {
        let document = try session.document(params)
        guard let range = document.lines.byteRange(of: params?["range"], session.encoding) else { throw .invalidParams("range is missing") }
        let only = params?["context"]?["only"]?.array?.compactMap(\.string)
        func wanted(_ kind: String) -> Bool {
            only.map { kinds in kinds.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true
        }
        session.check(document)
        var actions: [JSONValue] = []
        let clientDiagnostics = params?["context"]?["diagnostics"]?.array ?? []
        if wanted("quickfix") {
            for diagnostic in document.diagnostics where overlaps(diagnostic.range.byteRange, range) {
                let shown = clientDiagnostics.first { DiagnosticMapping.matches($0, diagnostic, in: document, session: session) }
                    ?? DiagnosticMapping.json(diagnostic, in: document, session: session)
                if let fix = diagnostic.fix, fix.applicability >= .unsafe {
                    let unsafe = fix.applicability == .unsafe
                    var action: [String: JSONValue] = [
                        "title": .string("\(diagnostic.ruleID): \(fix.title)" + (unsafe ? " (unsafe)" : "")),
                        "kind": "quickfix",
                        "diagnostics": [shown],
                        "edit": workspaceEdit(document, fix.edits.map { edit in
                            textEdit(document, edit.range, edit.replacement, session)
                        }),
                    ]
                    if !unsafe && fix.edits.count > 0 { action["isPreferred"] = true }
                    actions.append(.object(action))
                }
                if let disable = disableAction(diagnostic, shown, document, session) { actions.append(disable) }
            }
        }
        if wanted(fixAllKind), document.diagnostics.contains(where: { ($0.fix?.applicability ?? .displayOnly) == .safe }),
            let fixed = session.fixedText(document, minimum: .safe)
        {
            actions.append([
                "title": "notelint: fix all safe fixes",
                "kind": .string(fixAllKind),
                "edit": workspaceEdit(document, [wholeTextEdit(document, fixed, session)]),
            ])
        }
        return .array(actions)
    }

    static func overlaps(_ diagnostic: Range<Int>, _ requested: Range<Int>) -> Bool {
        diagnostic.lowerBound <= requested.upperBound && requested.lowerBound <= diagnostic.upperBound
    }

    static func textEdit(_ document: OpenDocument, _ range: Range<Int>, _ text: String, _ session: Session) -> JSONValue {
        ["range": document.lines.range(ofBytes: range, session.encoding), "newText": .string(text)]
    }

    static func workspaceEdit(_ document: OpenDocument, _ edits: [JSONValue]) -> JSONValue {
        ["changes": .object([document.uri: .array(edits)])]
    }

    /// The smallest edit turning the document into `fixed`: the common head and tail are kept, so that the
    /// editor's cursor and marks outside the change stay put. Cuts fall between characters.
    static func wholeTextEdit(_ document: OpenDocument, _ fixed: [UInt8], _ session: Session) -> JSONValue {
        let old = document.text
        var head = 0
        while head < old.count, head < fixed.count, old[head] == fixed[head] { head += 1 }
        while head > 0, head < old.count, old[head] & 0xC0 == 0x80 { head -= 1 }
        var tail = 0
        while tail < old.count - head, tail < fixed.count - head, old[old.count - 1 - tail] == fixed[fixed.count - 1 - tail] { tail += 1 }
        while tail > 0, old.count - tail < old.count, old[old.count - tail] & 0xC0 == 0x80 { tail -= 1 }
        let replacement = String(decoding: fixed[head..<(fixed.count - tail)], as: UTF8.self)
        return textEdit(document, head..<(old.count - tail), replacement, session)
    }

    /// `# notelint-disable-next-line RULE` above the finding's line, indented like it; only inside the front
    /// matter (where the comment is read) and for rules a comment can silence.
    static func disableAction(_ diagnostic: Diagnostic, _ shown: JSONValue, _ document: OpenDocument, _ session: Session) -> JSONValue? {
        guard let rule = RuleRegistry.rule(id: diagnostic.ruleID), rule.description.commentSuppression == .supported,
            diagnostic.ruleID != "unused-suppression"
        else { return nil }
        let lines = document.lines
        let line = lines.line(ofByte: diagnostic.range.start.offset)
        guard let frontMatter = FrontMatterLines(lines), line > 0, line <= frontMatter.closingLine else { return nil }
        let start = lines.lineStarts[line]
        var indentEnd = start
        while indentEnd < lines.bytes.count, lines.bytes[indentEnd] == 0x20 { indentEnd += 1 }
        let indent = String(repeating: " ", count: indentEnd - start)
        let lineBreak = lines.lineBreak(after: 0)
        let comment = indent + "# notelint-disable-next-line \(diagnostic.ruleID)" + lineBreak
        return [
            "title": .string("Disable \(diagnostic.ruleID) for this line"),
            "kind": "quickfix",
            "diagnostics": [shown],
            "edit": workspaceEdit(document, [textEdit(document, start..<start, comment, session)]),
        ]
    }
}
