import NotelintCore
import NotelintLoader

/// Findings recorded on an old repository, so that only new ones are reported (`--write-baseline`, `--baseline`).
///
/// A finding's identity is its file, rule and subject (the offending key and value), never its line:
/// editing elsewhere in a note does not resurrect a recorded finding. Identical findings are counted,
/// so a second copy of a recorded problem in the same note is still new.
public struct Baseline: Sendable {
    public struct Identity: Hashable, Sendable, Comparable {
        public var path: String
        public var rule: String
        public var subject: String

        public static func < (lhs: Identity, rhs: Identity) -> Bool {
            (lhs.path, lhs.rule, lhs.subject) < (rhs.path, rhs.rule, rhs.subject)
        }
    }

    public private(set) var counts: [Identity: Int]

    public init(_ diagnostics: [Diagnostic]) {
        counts = [:]
        for diagnostic in diagnostics { counts[Self.identity(of: diagnostic), default: 0] += 1 }
    }

    public static func identity(of diagnostic: Diagnostic) -> Identity {
        Identity(path: PathText.normalize(diagnostic.path), rule: diagnostic.ruleID, subject: diagnostic.subject ?? diagnostic.message)
    }

    /// Removes the recorded findings; returns the new ones and how many entries matched nothing (stale).
    public func filter(_ diagnostics: [Diagnostic]) -> (new: [Diagnostic], stale: Int) {
        var remaining = counts
        var fresh: [Diagnostic] = []
        for diagnostic in diagnostics {
            let identity = Self.identity(of: diagnostic)
            if let left = remaining[identity], left > 0 {
                remaining[identity] = left - 1
            } else {
                fresh.append(diagnostic)
            }
        }
        return (fresh, remaining.values.reduce(0, +))
    }

    /// JSON: `{"version":1,"findings":[{"path":…,"rule":…,"subject":…,"count":N}]}`, sorted for stable diffs.
    public func serialized() -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("version")
        json.int(1)
        json.key("findings")
        json.beginArray()
        for (identity, count) in counts.sorted(by: { $0.key < $1.key }) {
            json.beginObject()
            json.key("path")
            json.string(identity.path)
            json.key("rule")
            json.string(identity.rule)
            json.key("subject")
            json.string(identity.subject)
            json.key("count")
            json.int(count)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.bytes + [0x0A]
    }

    /// Reads a baseline written by `serialized()`; JSON is YAML, so the loader's parser reads it.
    public init(parsing bytes: [UInt8], path: String) throws {
        let parsed = YAMLTreeBuilder().parse(SourceText(bytes: bytes), range: 0..<bytes.count)
        guard parsed.problems.isEmpty, let root = parsed.documents.first ?? nil,
            let findings = root["findings"]?.items
        else {
            throw ConfigurationError(path: path, position: nil, message: "not a notelint baseline file")
        }
        counts = [:]
        for entry in findings {
            guard let file = entry["path"]?.scalar?.text, let rule = entry["rule"]?.scalar?.text,
                let subject = entry["subject"]?.scalar?.text
            else {
                throw ConfigurationError(path: path, position: entry.range.start, message: "a baseline entry needs path, rule and subject")
            }
            var count = 1
            if case .int(let value)? = entry["count"]?.scalar?.resolved { count = max(1, value) }
            counts[Identity(path: file, rule: rule, subject: subject), default: 0] += count
        }
    }
}
