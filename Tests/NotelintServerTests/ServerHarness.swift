import Foundation
@testable import NotelintServer

/// Drives a `LanguageServer` in memory: frames in, frames out, a clock the test moves.
final class ServerHarness {
    private(set) var server: LanguageServer!
    private var framer = MessageFramer()
    /// Every message the server sent, in order.
    private(set) var sent: [JSONValue] = []
    private var nextID = 0
    var now = 1000.0

    init() {
        server = LanguageServer { [unowned self] bytes in
            framer.append(bytes)
            while let frame = framer.next() {
                guard case .body(let body) = frame, let message = try? JSONParser.parse(body) else {
                    fatalError("the server sent a malformed frame")
                }
                sent.append(message)
            }
        }
    }

    func sendRaw(_ bytes: [UInt8]) {
        server.receive(bytes)
    }

    func send(_ message: JSONValue) {
        server.receive(MessageFramer.frame(message.serialized))
    }

    /// Sends a request and handles it; returns the response.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = [:]) -> JSONValue {
        nextID += 1
        let id = nextID
        send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        server.process(now: now)
        return response(to: .int(id)) ?? .null
    }

    func notify(_ method: String, _ params: JSONValue = [:]) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
        server.process(now: now)
    }

    func response(to id: JSONValue) -> JSONValue? {
        sent.last { $0["id"] == id && $0["method"] == nil }
    }

    /// Moves the clock on and runs what is due.
    func advance(_ seconds: Double) {
        now += seconds
        server.process(now: now)
    }

    func notifications(_ method: String) -> [JSONValue] {
        sent.filter { $0["method"]?.string == method }
    }

    /// The last diagnostics pushed for a document.
    func published(_ uri: String) -> [JSONValue]? {
        notifications("textDocument/publishDiagnostics").last { $0["params"]?["uri"]?.string == uri }?["params"]?["diagnostics"]?.array
    }

    func initialize(encodings: [String] = [], root: String, options: JSONValue = ["debounceMilliseconds": 50, "today": "2026-01-01"]) -> JSONValue {
        let response = request("initialize", [
            "processId": .null,
            "rootUri": .string(DocumentURI.uri(of: root)),
            "capabilities": ["general": ["positionEncodings": .array(encodings.map { .string($0) })],
                             "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]],
            "initializationOptions": options,
        ])
        notify("initialized")
        return response
    }

    func open(_ path: String, _ text: String, version: Int = 1) -> String {
        let uri = DocumentURI.uri(of: path)
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "markdown", "version": .int(version), "text": .string(text)]])
        return uri
    }
}

/// A folder of notes for one test, removed when it ends.
final class Workspace {
    let root: String

    init(lintYML: String = "include: [\"**/*.md\"]\nschemas:\n  - files: [\"**\"]\n    schema: note.schema.yml\n") throws {
        let template = NSTemporaryDirectory() + "notelint-server-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw CocoaError(.fileWriteUnknown) }
        root = String(cString: bytes)
        try write(".lint.yml", lintYML)
        try FileManager.default.copyItem(atPath: Self.repository + "/Rules/note.schema.yml", toPath: root + "/note.schema.yml")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}
