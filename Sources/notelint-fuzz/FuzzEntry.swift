import NotelintFuzzChecks

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard error (file descriptor 2, not the C `stderr` global, which Swift 6 will not share).
func printError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}

/// The target chosen by `NOTELINT_FUZZ_TARGET` (loader, linter, fixer or server).
let selectedTarget: FuzzTarget = {
    guard let name = getenv("NOTELINT_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        printError("set NOTELINT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: a violated invariant aborts, so that libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let violations = FuzzChecks.check(selectedTarget, bytes)
    if !violations.isEmpty {
        printError("notelint-fuzz \(selectedTarget.rawValue): invariant violated:\n  " + violations.prefix(10).joined(separator: "\n  ") + "\n")
        abort()
    }
    return 0
}

#if !NOTELINT_FUZZING
/// Without libFuzzer: `notelint-fuzz TARGET FILE...` runs the target's checks on each file and prints what failed.
@main
struct ReplayMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, let target = FuzzTarget(rawValue: first), arguments.count > 1 else {
            printError("usage: notelint-fuzz loader|linter|fixer|server FILE...\n")
            exit(2)
        }
        var failed = 0
        for path in arguments.dropFirst() {
            guard let bytes = readFile(path) else {
                printError("\(path): cannot read\n")
                failed += 1
                continue
            }
            let violations = FuzzChecks.check(target, bytes)
            if !violations.isEmpty {
                failed += 1
                print("\(path):\n  " + violations.prefix(10).joined(separator: "\n  "))
            }
        }
        print("\(arguments.count - 1 - failed) of \(arguments.count - 1) inputs passed the \(target.rawValue) checks")
        exit(failed == 0 ? 0 : 1)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes += buffer[..<count] }
            if count < buffer.count { break }
        }
        return ferror(file) == 0 ? bytes : nil
    }
}
#endif

#if NOTELINT_FUZZING
/// SwiftPM links an executable's entry point under the name `<module>_main` and makes `main` an alias of it, so
/// libFuzzer's own `main` is never used: this entry point hands the command line to libFuzzer's driver instead.
@_cdecl("notelint_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    typealias RunDriver = @convention(c) (
        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, TestOneInput
    ) -> Int32
    guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else {
        printError("libFuzzer's LLVMFuzzerRunDriver is not linked in: build with -sanitize=fuzzer\n")
        return 2
    }
    let runDriver = unsafeBitCast(symbol, to: RunDriver.self)
    var count = argc
    var arguments = argv
    _ = selectedTarget
    return runDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}
#endif
