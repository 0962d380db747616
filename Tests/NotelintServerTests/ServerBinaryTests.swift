import Foundation
import Testing
@testable import NotelintServer

/// `notelint server` as a process on pipes: standard output holds nothing but frames, and the exit code follows
/// the protocol (0 after shutdown and exit, 1 otherwise).
@Suite struct ServerBinaryTests {
    static let binary = Workspace.repository + "/.build/debug/notelint"

    /// Runs the server on `input` (closed at its end), with a time limit; returns its standard output and status.
    func run(_ input: [UInt8], in folder: String) throws -> (output: [UInt8], status: Int32) {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["server"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("the server did not end within 60 seconds")
        }
        process.waitUntilExit()
        return ([UInt8](output), process.terminationStatus)
    }

    func frames(_ output: [UInt8]) -> [JSONValue] {
        var framer = MessageFramer()
        framer.append(output)
        var messages: [JSONValue] = []
        while let frame = framer.next() {
            guard case .body(let body) = frame, let message = try? JSONParser.parse(body) else {
                Issue.record("standard output holds something other than a frame of JSON")
                return messages
            }
            messages.append(message)
        }
        #expect(framer.pendingCount == 0, "bytes after the last frame")
        return messages
    }

    func frame(_ message: JSONValue) -> [UInt8] { MessageFramer.frame(message.serialized) }

    @Test func aSessionEndsWithZeroAndStandardOutputHoldsOnlyFrames() throws {
        let workspace = try Workspace()
        let uri = DocumentURI.uri(of: workspace.path("note.md"))
        let input = frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:], "rootUri": .string(DocumentURI.uri(of: workspace.root))]])
            + frame(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
            + Array("Content-Length: 5\r\n\r\n{oops".utf8)
            + frame(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
                "uri": .string(uri), "languageId": "markdown", "version": 1, "text": .string(ServerProtocolTests.note)]]])
            + frame(["jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": .string(uri)]]])
            + frame(["jsonrpc": "2.0", "id": 3, "method": "shutdown"])
            + frame(["jsonrpc": "2.0", "method": "exit"])
        let (output, status) = try run(input, in: workspace.root)
        #expect(status == 0)
        let messages = frames(output)
        #expect(messages.first { $0["id"] == 1 }?["result"]?["capabilities"] != nil)
        #expect(messages.contains { $0["error"]?["code"] == .int(ResponseError.parseErrorCode) })
        #expect(messages.first { $0["id"] == 2 }?["result"]?["items"]?.array?.count == 2)
        #expect(messages.first { $0["id"] == 3 }?["result"] == .null)
    }

    @Test func theInputEndingWithoutExitEndsWithOne() throws {
        let workspace = try Workspace()
        let (output, status) = try run(frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]), in: workspace.root)
        #expect(status == 1)
        #expect(frames(output).count == 1)
    }
}
