/// A request the server answers: one small type per method, listed in `LanguageServer.requestHandlers`.
protocol RequestHandler: Sendable {
    static var method: String { get }
    static func handle(_ params: JSONValue?, _ session: Session) throws(ResponseError) -> JSONValue
}

/// A notification the server acts on; `now` is the monotonic time it arrived (for debouncing).
protocol NotificationHandler: Sendable {
    static var method: String { get }
    static func handle(_ params: JSONValue?, _ session: Session, now: Double)
}
