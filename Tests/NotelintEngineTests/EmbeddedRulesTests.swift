import Foundation
import NotelintCore
import NotelintEngine
import NotelintReporters
import NotelintSchema
import Testing

struct EmbeddedRulesTests {
    /// The embedded default must be exactly what `Rules/` ships; run scripts/embed-rules.sh after editing Rules/.
    @Test func embeddedCopyMatchesRulesFolder() throws {
        let folder = RepositoryPaths.inRepository("Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
        #expect(Set(names) == Set(EmbeddedRules.files.keys))
        for name in names {
            let onDisk = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(EmbeddedRules.files[name] == onDisk, "Rules/\(name) differs from the embedded copy")
        }
    }
}
