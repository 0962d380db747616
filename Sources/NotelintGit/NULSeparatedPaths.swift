/// Reads git's `-z` output, where paths arrive verbatim between NUL bytes: no quoting, no octal escapes, so
/// spaces, quotes, tabs and line breaks in names come through as they are.
///
/// Names are decoded as UTF-8. A name that is not valid UTF-8 keeps its place in the list (every later name
/// still lines up) but its invalid bytes become U+FFFD, so that name cannot be opened again by this path.
enum NULSeparatedPaths {
    /// One entry of `git diff --name-status -z`.
    struct Change: Equatable {
        /// The status letter: `A`, `M`, `R`, `D`, …
        var status: Character
        /// The path after the change: for a rename, the new name.
        var path: String
        /// For a rename or copy, the old name.
        var source: String?
    }

    static func fields(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `STATUS NUL PATH NUL`, or `STATUS NUL OLD NUL NEW NUL` for renames and copies (whose status carries a score, `R087`).
    static func changes(_ bytes: [UInt8]) -> [Change] {
        var remaining = fields(bytes)[...]
        var changes: [Change] = []
        while let status = remaining.popFirst()?.first {
            let hasTwoPaths = status == "R" || status == "C"
            guard let first = remaining.popFirst() else { break }
            if hasTwoPaths {
                guard let second = remaining.popFirst() else { break }
                changes.append(Change(status: status, path: second, source: first))
            } else {
                changes.append(Change(status: status, path: first, source: nil))
            }
        }
        return changes
    }
}
