import NotelintCore

/// `initialize`: negotiates the position encoding (UTF-8 when the client offers it, else UTF-16), records the
/// workspace folders and the client's options, and states what the server does.
enum InitializeRequest: RequestHandler {
    static let method = "initialize"

    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue {
        guard let params, params.object != nil else { throw .invalidParams("initialize takes an object") }
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        session.encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        session.settings = ServerSettings(params["initializationOptions"])
        var folders = params["workspaceFolders"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? []
        if folders.isEmpty, let root = params["rootUri"]?.string.flatMap(DocumentURI.path) { folders = [root] }
        if folders.isEmpty, let root = params["rootPath"]?.string, root.hasPrefix("/") { folders = [root] }
        session.workspaceFolders = folders.map(Self.trimmingSlash)
        if let trace = params["trace"]?.string { session.trace = trace }
        session.clientPullsDiagnostics = params["capabilities"]?["textDocument"]?["diagnostic"]?.object != nil
        session.clientRefreshesDiagnostics = params["capabilities"]?["workspace"]?["diagnostics"]?["refreshSupport"]?.bool == true
        session.clientWatchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        session.lifecycle = .running
        return [
            "capabilities": [
                "positionEncoding": .string(session.encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix", .string(CodeActionRequest.fixAllKind)], "resolveProvider": false],
                "completionProvider": ["triggerCharacters": [":", " ", "-"], "resolveProvider": false],
                "hoverProvider": true,
                "diagnosticProvider": ["identifier": "notelint", "interFileDependencies": true, "workspaceDiagnostics": false],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            ],
            "serverInfo": ["name": "notelint", "version": .string(ToolInfo.version)],
        ]
    }

    static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}

/// `shutdown`: from now on only `exit` is accepted.
enum ShutdownRequest: RequestHandler {
    static let method = "shutdown"

    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue {
        session.lifecycle = .shuttingDown
        return .null
    }
}
