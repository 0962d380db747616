/// `textDocument/didOpen`: the document is checked at once, not after the typing pause.
enum DidOpenNotification: NotificationHandler {
    static let method = "textDocument/didOpen"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        guard let path = DocumentURI.path(of: uri) else {
            session.log("notelint: \(uri) is not a file; it is not checked")
            return
        }
        let document = OpenDocument(uri: uri, path: path, text: Array(text.utf8), version: item["version"]?.integer ?? 0)
        document.checkDue = session.clientPullsDiagnostics ? nil : now
        session.documents[uri] = document
    }
}
