/// `textDocument/didChange`: full or incremental changes, applied in order; the check waits for a pause in typing.
enum DidChangeNotification: NotificationHandler {
    static let method = "textDocument/didChange"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard let uri = params?["textDocument"]?["uri"]?.string, let document = session.documents[uri],
            let changes = params?["contentChanges"]?.array
        else { return }
        for change in changes where !document.apply(change, session.encoding) {
            session.log("notelint: ignored a change to \(uri) without text or with an invalid range", type: 2)
        }
        document.version = params?["textDocument"]?["version"]?.integer ?? document.version + 1
        document.checkedVersion = nil
        document.checkDue = session.clientPullsDiagnostics ? nil : now + session.settings.debounceSeconds
    }
}
