/// `textDocument/didSave`: the saved note is part of its collection's evidence now; every open note is checked again.
enum DidSaveNotification: NotificationHandler {
    static let method = "textDocument/didSave"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard let uri = params?["textDocument"]?["uri"]?.string, session.documents[uri] != nil else { return }
        session.collectionChanged()
        session.recheckAll(now: now)
    }
}
