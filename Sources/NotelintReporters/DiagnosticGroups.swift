import NotelintCore

/// Diagnostics grouped by file, files in the order they first appear (the report's order: by path).
enum DiagnosticGroups {
    static func byPath(_ diagnostics: [Diagnostic]) -> [(path: String, diagnostics: [Diagnostic])] {
        var groups: [(path: String, diagnostics: [Diagnostic])] = []
        var indexOfPath: [String: Int] = [:]
        for diagnostic in diagnostics {
            if let index = indexOfPath[diagnostic.path] {
                groups[index].diagnostics.append(diagnostic)
            } else {
                indexOfPath[diagnostic.path] = groups.count
                groups.append((diagnostic.path, [diagnostic]))
            }
        }
        return groups
    }
}
