import NotelintServer

extension FuzzChecks {
    /// A client's bytes, through the language server's message reader and dispatch: as a raw stream, and as the
    /// body of one well-formed frame. The server never crashes, sends only frames of valid JSON, and still answers
    /// a request that follows a framed body. Whatever JSON the reader accepts, it writes back as the same value.
    public static func checkServer(_ bytes: [UInt8]) -> [String] {
        var violations: [String] = []
        if let value = try? JSONParser.parse(bytes), (try? JSONParser.parse(value.serialized)) != value {
            violations.append("JSON read and written back is not the same value")
        }
        let initialize = Array(#"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"capabilities":{}}}"#.utf8)
        let probe = Array(#"{"jsonrpc":"2.0","id":"probe","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///notelint-fuzz/none.md"},"position":{"line":0,"character":0}}}"#.utf8)
        for framed in [false, true] {
            var output = MessageFramer()
            let server = LanguageServer { output.append($0) }
            server.receive(MessageFramer.frame(initialize))
            server.process(now: 0)
            // In pieces, as a pipe delivers them.
            let input = framed ? MessageFramer.frame(bytes) : bytes
            var start = 0
            var piece = 1
            while start < input.count {
                let end = min(input.count, start + piece)
                server.receive(input[start..<end])
                server.process(now: Double(start))
                start = end
                piece = piece * 3 + 1
            }
            server.process(now: 1e9)
            var answered = false
            if framed, server.exitCode == nil { server.receive(MessageFramer.frame(probe)) }
            server.process(now: 2e9)
            while let frame = output.next() {
                guard case .body(let body) = frame, let message = try? JSONParser.parse(body) else {
                    violations.append("the server sent a frame that is not valid JSON")
                    break
                }
                if message["id"] == "probe" { answered = true }
            }
            if framed, server.exitCode == nil, !answered {
                violations.append("the server did not answer a request after a framed message")
            }
        }
        return violations
    }
}
