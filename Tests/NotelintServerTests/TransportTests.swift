import Testing
@testable import NotelintServer

/// The JSON reader and the frame reader: strict, and never crashing or stuck on what a client may send.
@Suite struct TransportTests {
    @Test func jsonRoundTripsAndDecodesEscapes() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "\u00e9\ud83c\udf89\n\"x\"", "c": {}} "#)
        #expect(value["a"] == [1, -2500, true, false, .null])
        #expect(value["b"] == "é🎉\n\"x\"")
        #expect(try JSONParser.parse(value.serialized) == value)
        #expect(String(decoding: JSONValue.int(42).serialized, as: UTF8.self) == "42")
    }

    @Test(arguments: [
        "", "01", "1.", "-", "+1", ".5", "1e", "[1,]", "{\"a\":1,}", "{a:1}", "'x'", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"",
        "\"a\nb\"", "[1] 2", "tru", "nul", "{\"a\" 1}", "[", "\"abc", "NaN", "Infinity",
    ])
    func jsonRejectsWhatRFC8259Rejects(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func jsonRejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
        #expect((try? JSONParser.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200))) != nil)
    }

    @Test func jsonFailuresSayWhereAndWhy() {
        func failure(_ bytes: [UInt8]) -> JSONParser.Failure? {
            do {
                _ = try JSONParser.parse(bytes)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure(Array("[01]".utf8)) == JSONParser.Failure(offset: 2, message: "numbers must not have leading zeros"))
        #expect(failure(Array("[1] x".utf8)) == JSONParser.Failure(offset: 4, message: "unexpected text after the JSON value"))
        #expect(failure(Array(#"["a\u0001"]"#.utf8)) == nil)
        #expect(failure([0x5B, 0x22, 0x61, 0x01, 0x22, 0x5D])?.message == "control characters must be escaped in strings")
        // The offending byte, not the start of its string.
        #expect(failure([0x5B, 0x22, 0x61, 0x62, 0xC3, 0x28, 0x22, 0x5D]) == JSONParser.Failure(offset: 4, message: "invalid UTF-8"))
        // A high surrogate followed by an escape that is no low surrogate: the error is at the high one.
        #expect(failure(Array(#"["x\ud800\u0041"]"#.utf8)) == JSONParser.Failure(offset: 3, message: "unpaired surrogate escape"))
        #expect(failure(Array(String(repeating: "[", count: 300).utf8))?.message == "nesting deeper than 256 levels")
        // A byte order mark belongs to files, not to messages.
        #expect(failure([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) != nil)
    }

    @Test func framesSplitAtEveryByteComeOutWhole() {
        let bodies = [#"{"jsonrpc":"2.0","method":"a"}"#, #"{"x":"朝鲜🎉"}"#, "[]"].map { Array($0.utf8) }
        let stream = bodies.flatMap { MessageFramer.frame($0) }
        for cut in 0...stream.count {
            var framer = MessageFramer()
            var out: [[UInt8]] = []
            framer.append(stream[..<cut])
            while case .body(let body)? = framer.next() { out.append(body) }
            framer.append(stream[cut...])
            while case .body(let body)? = framer.next() { out.append(body) }
            #expect(out == bodies, "cut at \(cut)")
        }
    }

    @Test func headersAreCaseInsensitiveAndMayCarryContentType() {
        var framer = MessageFramer()
        framer.append(Array("content-length:  2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(framer.next() == .body(Array("{}".utf8)))
    }

    @Test func badHeadersAreReportedAndReadingGoesOn() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: abc\r\n\r\n".utf8) + Array("garbage\r\n\r\n".utf8) + MessageFramer.frame(Array("[1]".utf8)))
        guard case .malformedHeader? = framer.next(), case .malformedHeader? = framer.next() else {
            Issue.record("expected two malformed headers")
            return
        }
        #expect(framer.next() == .body(Array("[1]".utf8)))
    }

    @Test func anOversizedBodyIsSkippedNotAwaitedInMemory() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: \(MessageFramer.maxBodyLength + 5)\r\n\r\n".utf8))
        guard case .malformedHeader? = framer.next() else {
            Issue.record("expected the oversized body to be refused")
            return
        }
        framer.append([UInt8](repeating: 0x41, count: MessageFramer.maxBodyLength + 5))
        #expect(framer.next() == nil)
        framer.append(MessageFramer.frame(Array("{}".utf8)))
        #expect(framer.next() == .body(Array("{}".utf8)))
    }

    @Test func endlessHeaderGarbageIsDropped() {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: 0x61, count: MessageFramer.maxHeaderLength + 10))
        guard case .malformedHeader? = framer.next() else {
            Issue.record("expected the garbage to be dropped")
            return
        }
        #expect(framer.pendingCount == 0)
    }

    /// Random and truncated frames fed to a running server in random pieces: it answers or ignores each,
    /// and never crashes or stops answering.
    @Test func randomAndTruncatedFramesNeverStopTheServer() throws {
        var random = SplitMix(seed: 15)
        let harness = ServerHarness()
        _ = harness.request("initialize", ["capabilities": [:]])
        let samples = [
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"},"position":{"line":0,"character":0}}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/nl-fuzz.md","version":1,"text":"---\nstatus: x\n---\n"}}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/nl-fuzz.md","version":2},"contentChanges":[{"range":{"start":{"line":9,"character":99},"end":{"line":0,"character":0}},"text":"🎉"}]}}"#,
            #"{"jsonrpc":"2.0","id":"c","method":"textDocument/completion","params":{"textDocument":{"uri":"file:///tmp/nl-fuzz.md"},"position":{"line":1,"character":3}}}"#,
        ].map { Array($0.utf8) }
        for _ in 0..<2000 {
            var body = samples[Int(random.next() % UInt64(samples.count))]
            switch random.next() % 4 {
            case 0: body = Array(body.prefix(Int(random.next() % UInt64(body.count + 1))))
            case 1: body[Int(random.next() % UInt64(body.count))] = UInt8(truncatingIfNeeded: random.next())
            case 2: body = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            default: break
            }
            var frame = MessageFramer.frame(body)
            if random.next() % 8 == 0 { frame = Array(frame.prefix(Int(random.next() % UInt64(frame.count)))) }
            while !frame.isEmpty {
                let piece = Int(random.next() % 40) + 1
                harness.sendRaw(Array(frame.prefix(piece)))
                frame.removeFirst(min(piece, frame.count))
            }
            harness.advance(1)
        }
        // Whatever came before, a well-formed request after a resynchronising garbage header is answered.
        harness.sendRaw(Array("\r\n\r\nX: y\r\n\r\n".utf8))
        let answer = harness.request("textDocument/hover", ["textDocument": ["uri": "file:///nowhere.md"], "position": ["line": 0, "character": 0]])
        #expect(answer["error"] != nil || answer["result"] != nil)
    }
}

/// A small seeded generator, so that a failing run can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
