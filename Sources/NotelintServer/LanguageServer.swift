/// The Language Server Protocol (3.17) over a byte stream: frames in, frames out. It owns the session and
/// dispatches each message to its handler; it never reads or writes a descriptor itself (`ServerLoop` does),
/// so tests drive it in memory.
public final class LanguageServer {
    static let requestHandlers: [any RequestHandler.Type] = [
        InitializeRequest.self, ShutdownRequest.self, DocumentDiagnosticRequest.self, CodeActionRequest.self,
        CompletionRequest.self, HoverRequest.self,
    ]
    static let notificationHandlers: [any NotificationHandler.Type] = [
        InitializedNotification.self, DidOpenNotification.self, DidChangeNotification.self, DidSaveNotification.self,
        DidCloseNotification.self, DidChangeWatchedFilesNotification.self, DidChangeWorkspaceFoldersNotification.self,
        SetTraceNotification.self,
    ]

    let session: Session
    private var framer = MessageFramer()
    /// Received and not yet handled, so that a `$/cancelRequest` behind a request can still cancel it.
    private var queue: [JSONValue] = []
    private var cancelled: Set<JSONValue> = []
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?
    private let send: ([UInt8]) -> Void

    public init(send: @escaping ([UInt8]) -> Void) {
        self.send = send
        session = Session(settings: ServerSettings(nil))
    }

    /// Bytes from the client. Whole messages are queued; errors in framing or JSON are answered here.
    public func receive(_ bytes: some Sequence<UInt8>) {
        framer.append(bytes)
        while let frame = framer.next() {
            switch frame {
            case .malformedHeader(let reason):
                session.log("notelint: dropped a message: \(reason)", type: 1)
            case .body(let body):
                do {
                    let message = try JSONParser.parse(body)
                    if message["method"]?.string == "$/cancelRequest", let id = message["params"]?["id"] {
                        cancelled.insert(id)
                    }
                    queue.append(message)
                } catch {
                    respond(id: .null, error: ResponseError(code: ResponseError.parseErrorCode, message: "\(error)"))
                }
            }
        }
        flush()
    }

    /// Handles every queued message, then runs the checks that are due; sends what they produce.
    public func process(now: Double) {
        while exitCode == nil, !queue.isEmpty {
            handle(queue.removeFirst(), now: now)
            flush()
        }
        cancelled.removeAll()
        guard exitCode == nil, session.lifecycle != .uninitialized else { return }
        for uri in session.documents.keys.sorted() {
            guard let document = session.documents[uri], let due = document.checkDue, due <= now else { continue }
            session.check(document)
            session.publish(document)
            flush()
        }
    }

    /// When the next debounced check is due, if any.
    public var nextDeadline: Double? {
        session.documents.values.compactMap(\.checkDue).min()
    }

    public var hasQueuedMessages: Bool { !queue.isEmpty }

    private func flush() {
        for message in session.outbox { send(MessageFramer.frame(message.serialized)) }
        session.outbox.removeAll()
    }

    private func respond(id: JSONValue, result: JSONValue) {
        session.outbox.append(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private func respond(id: JSONValue, error: ResponseError) {
        session.outbox.append(["jsonrpc": "2.0", "id": id, "error": error.json])
    }

    private func handle(_ message: JSONValue, now: Double) {
        guard case .object = message else {
            respond(id: .null, error: .invalidRequest("a message is a JSON object"))
            return
        }
        let id = message["id"]
        if let id, !Self.isValidID(id) {
            respond(id: .null, error: .invalidRequest("`id` must be a number or a string"))
            return
        }
        guard message["jsonrpc"]?.string == "2.0" else {
            if let id { respond(id: id, error: .invalidRequest("`jsonrpc` must be \"2.0\"")) }
            return
        }
        guard let method = message["method"]?.string else {
            // A response to one of our requests (registrations): nothing waits for it.
            if id == nil { respond(id: .null, error: .invalidRequest("no `method`")) }
            return
        }
        // `params: null` is what some clients send for `shutdown` and `exit`: no parameters.
        let params = message["params"].flatMap { $0.isNull ? nil : $0 }
        if let params, params.object == nil, params.array == nil {
            if let id { respond(id: id, error: .invalidParams("`params` must be an object or an array")) }
            return
        }
        if let id {
            handleRequest(id: id, method: method, params: params)
        } else {
            handleNotification(method: method, params: params, now: now)
        }
    }

    static func isValidID(_ id: JSONValue) -> Bool {
        id.string != nil || id.integer != nil
    }

    private func handleRequest(id: JSONValue, method: String, params: JSONValue?) {
        if cancelled.contains(id) {
            respond(id: id, error: ResponseError(code: ResponseError.requestCancelledCode, message: "cancelled"))
            return
        }
        switch session.lifecycle {
        case .uninitialized where method != InitializeRequest.method:
            respond(id: id, error: ResponseError(code: ResponseError.serverNotInitializedCode, message: "initialize first"))
            return
        case .running where method == InitializeRequest.method:
            respond(id: id, error: .invalidRequest("initialize was already sent"))
            return
        case .shuttingDown:
            respond(id: id, error: .invalidRequest("the server is shutting down"))
            return
        default:
            break
        }
        guard let handler = Self.requestHandlers.first(where: { $0.method == method }) else {
            respond(id: id, error: ResponseError(code: ResponseError.methodNotFoundCode, message: "unknown method \(method)"))
            return
        }
        do {
            respond(id: id, result: try handler.handle(params, session))
        } catch {
            respond(id: id, error: error)
        }
    }

    private func handleNotification(method: String, params: JSONValue?, now: Double) {
        if method == "exit" {
            exitCode = session.lifecycle == .shuttingDown ? 0 : 1
            return
        }
        // Before `initialize` and after `shutdown`, notifications other than `exit` are dropped.
        guard session.lifecycle == .running else { return }
        // Unknown notifications, `$/` ones included, are ignored as the protocol asks.
        Self.notificationHandlers.first { $0.method == method }?.handle(params, session, now: now)
    }
}
