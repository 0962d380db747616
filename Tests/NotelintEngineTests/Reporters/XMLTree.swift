import Foundation
import Testing

/// An XML document as Python's `xml.etree` reads it. Python's parser (expat) rejects any document that is
/// not well-formed, where libxml2 under Foundation's `XMLDocument` and `XMLParser` on Linux recovers and
/// reads on, so only it shows that the XML formats escape everything they must.
struct XMLTree: Decodable, Equatable {
    var tag: String
    var attributes: [String: String]
    var text: String
    var children: [XMLTree]

    struct NotWellFormed: Error, CustomStringConvertible {
        var description: String
    }

    private static let script = """
        import json, sys, xml.etree.ElementTree as tree
        def walk(element):
            return {"tag": element.tag, "attributes": element.attrib, "text": element.text or "",
                    "children": [walk(child) for child in element]}
        print(json.dumps(walk(tree.parse(sys.argv[1]).getroot())))
        """

    static func parse(_ xml: String) throws -> XMLTree {
        let file = try ExternalCommand.temporaryFile(named: "report.xml", xml)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ExternalCommand.run(["python3", "-c", script, file.path])
        try #require(result.status != ExternalCommand.notFound, "python3 is needed to check XML output")
        guard result.status == 0 else { throw NotWellFormed(description: result.output) }
        return try JSONDecoder().decode(XMLTree.self, from: Data(result.output.utf8))
    }

    /// Every element below this one with `tag`, in document order.
    func all(_ tag: String) -> [XMLTree] {
        children.flatMap { ($0.tag == tag ? [$0] : []) + $0.all(tag) }
    }
}
