import Foundation
import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import Testing

struct ReporterRegistryTests {
    /// Adding a reporter file without registering it (or the reverse) fails here.
    @Test func registryListsExactlyTheReporterFiles() throws {
        let folder = RepositoryPaths.inRepository("Sources/NotelintReporters")
        let pattern = try Regex(#"struct\s+(\w+)\s*:\s*Reporter\b"#)
        var declared: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { declared.insert(String(name)) }
            }
        }
        let registered = Set(ReporterRegistry.all.map { String(describing: $0) })
        #expect(declared == registered)
    }

    @Test func formatNamesAreUniqueAndFound() {
        let names = ReporterRegistry.all.map { $0.name }
        #expect(Set(names).count == names.count)
        for name in ["human", "json", "sarif", "github", "junit", "checkstyle", "gitlab", "json-lines", "concise"] {
            #expect(ReporterRegistry.reporter(named: name)?.name == name)
        }
    }
}
