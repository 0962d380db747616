/// `textDocument/diagnostic`: the pull model. The answer is `unchanged` when the client holds the last result.
enum DocumentDiagnosticRequest: RequestHandler {
    static let method = "textDocument/diagnostic"

    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue {
        let document = try session.document(params)
        session.check(document)
        let resultID = "\(document.version)-\(document.checkCount)"
        if params?["previousResultId"]?.string == resultID {
            return ["kind": "unchanged", "resultId": .string(resultID)]
        }
        return [
            "kind": "full", "resultId": .string(resultID),
            "items": .array(document.diagnostics.map { DiagnosticMapping.json($0, in: document, session: session) }),
        ]
    }
}
