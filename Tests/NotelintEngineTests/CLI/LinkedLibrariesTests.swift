import Foundation
import Testing

/// The binary starts without loading Foundation: mapping and relocating libFoundation and ICU (tens of megabytes)
/// took most of notelint's start-up. FoundationEssentials, which swift-argument-parser uses, is allowed.
@Suite struct LinkedLibrariesTests {
    static let forbidden: Set<String> = ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"]

    #if os(Linux)
    @Test func binaryDoesNotLinkFoundation() throws {
        let binary = try CommandRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build notelint first: \(binary)")
        let result = try CommandRunner.run("/usr/bin/env", ["ldd", binary], in: FileManager.default.currentDirectoryPath)
        try #require(result.status == 0, "ldd \(binary): \(result.error)")
        // Lines like "\tlibFoundation.so => /usr/lib/swift/linux/libFoundation.so (0x…)".
        let libraries = result.output.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { String($0.split(separator: "/").last ?? $0) }
        }
        #expect(libraries.contains("libswiftCore.so"), "unexpected ldd output: \(result.output)")
        let linked = libraries.filter { Self.forbidden.contains($0) }
        #expect(linked.isEmpty, "\(binary) links \(linked.joined(separator: ", "))")
    }
    #endif
}
