#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `LanguageServer` on two descriptors (standard input and output): reads what is there, handles it,
/// waits for more or for the next debounced check. Returns the exit code: 0 after `shutdown` and `exit`, 1 when
/// `exit` comes without `shutdown` or the input ends first.
public enum ServerLoop {
    public static func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        // A client that goes away must end the server with an error code, not a signal.
        signal(SIGPIPE, SIG_IGN)
        var outputBroken = false
        let server = LanguageServer { bytes in
            guard !outputBroken else { return }
            if bytes.withUnsafeBufferPointer({ writeAll($0, to: output) }) == false { outputBroken = true }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var readsWithoutHandling = 0
        while true {
            if let code = server.exitCode { return code }
            if outputBroken { return 1 }
            let now = MonotonicClock.now()
            let timeout: Int32
            if let deadline = server.nextDeadline {
                timeout = Int32(max(0, min(60_000, ((deadline - now) * 1000).rounded(.up))))
            } else {
                timeout = -1
            }
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, timeout)
            if ready < 0, errno == EINTR { continue }
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 {
                    // The client closed the stream: finish what was sent, then stop.
                    server.process(now: MonotonicClock.now())
                    return server.exitCode ?? 1
                }
                server.receive(buffer[0..<count])
                // More bytes waiting: read them before handling, so a cancellation can catch its request.
                var more = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                if readsWithoutHandling < 64, poll(&more, 1, 0) > 0 {
                    readsWithoutHandling += 1
                    continue
                }
            }
            readsWithoutHandling = 0
            server.process(now: MonotonicClock.now())
        }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
