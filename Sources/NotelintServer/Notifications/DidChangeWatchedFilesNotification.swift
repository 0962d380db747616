/// `workspace/didChangeWatchedFiles`: a `.lint.yml`, schema or word list changed, so compiled configurations
/// are dropped and every open note is checked again.
enum DidChangeWatchedFilesNotification: NotificationHandler {
    static let method = "workspace/didChangeWatchedFiles"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard let changes = params?["changes"]?.array, !changes.isEmpty else { return }
        // A note changed on disk (a checkout, another editor) changes the collection's evidence; anything else
        // watched is a configuration, schema or word list.
        let notesOnly = changes.allSatisfy { $0["uri"]?.string.map { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") } == true }
        if notesOnly { session.collectionChanged() } else { session.configurationChanged() }
        session.recheckAll(now: now)
    }
}

/// `workspace/didChangeWorkspaceFolders`: folders added and removed.
enum DidChangeWorkspaceFoldersNotification: NotificationHandler {
    static let method = "workspace/didChangeWorkspaceFolders"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        let event = params?["event"]
        let removed = Set(event?["removed"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? [])
        let added = event?["added"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? []
        session.workspaceFolders = session.workspaceFolders.filter { !removed.contains($0) }
            + added.map(InitializeRequest.trimmingSlash)
        session.configurationChanged()
        session.recheckAll(now: now)
    }
}
