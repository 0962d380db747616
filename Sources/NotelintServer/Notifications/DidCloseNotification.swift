/// `textDocument/didClose`: the document is forgotten and its findings cleared in the editor.
enum DidCloseNotification: NotificationHandler {
    static let method = "textDocument/didClose"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard let uri = params?["textDocument"]?["uri"]?.string, session.documents.removeValue(forKey: uri) != nil else { return }
        session.notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
    }
}
