/// `initialized`: asks the client to watch the files that change what a note's check finds.
enum InitializedNotification: NotificationHandler {
    static let method = "initialized"

    /// Configurations, schemas and word lists (vocabularies, replacement lists, dictionaries), and notes: their
    /// tags are the collection's evidence.
    static let watchedGlobs = ["**/*.md", "**/*.markdown", "**/.lint.yml", "**/*.schema.yml", "**/*.schema.yaml", "**/*.schema.json", "**/*.txt", "**/*.dic", "**/*.aff"]

    static func handle(_ params: JSONValue?, _ session: Session, now: Double) {
        guard session.clientWatchesFiles else { return }
        session.request("client/registerCapability", [
            "registrations": [[
                "id": "notelint-watched-files",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": .array(watchedGlobs.map { ["globPattern": .string($0)] })],
            ]],
        ])
    }
}
