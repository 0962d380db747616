/// `$/setTrace`: off, messages or verbose; anything else leaves it as it was.
enum SetTraceNotification: NotificationHandler {
    static let method = "$/setTrace"

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard let value = params?["value"]?.string, ["off", "messages", "verbose"].contains(value) else { return }
        session.trace = value
    }
}
