import NotelintCore

/// A note the editor has open: its text as the editor holds it (the file on disk may differ), and what its last
/// check found.
final class OpenDocument {
    let uri: String
    /// The absolute path the buffer stands for: its configuration, schema and collection are that path's.
    let path: String
    private(set) var text: [UInt8]
    private(set) var lines: LineIndex
    var version: Int
    /// The findings for `checkedVersion`; stale once the text changes.
    var diagnostics: [Diagnostic] = []
    var checkedVersion: Int?
    /// When the debounced check is due (a monotonic time in seconds); nil: none pending.
    var checkDue: Double?
    /// Bumped with each check, for pull diagnostics' `resultId`.
    var checkCount = 0

    init(uri: String, path: String, text: [UInt8], version: Int) {
        self.uri = uri
        self.path = path
        self.text = text
        self.lines = LineIndex(text)
        self.version = version
    }

    var isChecked: Bool { checkedVersion == version }

    func replaceAll(_ newText: [UInt8]) {
        text = newText
        lines = LineIndex(newText)
    }

    /// Applies one `TextDocumentContentChangeEvent`: with a range, an incremental edit; without, the whole text.
    func apply(_ change: JSONValue, _ encoding: PositionEncoding) -> Bool {
        guard let newText = change["text"]?.string else { return false }
        guard let rangeJSON = change["range"] else {
            replaceAll(Array(newText.utf8))
            return true
        }
        guard let range = lines.byteRange(of: rangeJSON, encoding) else { return false }
        var updated = text
        updated.replaceSubrange(range, with: newText.utf8)
        replaceAll(updated)
        return true
    }
}
