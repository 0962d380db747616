import NotelintCore
import NotelintLoader
import NotelintText

/// What `notelint init` keeps of each note: the top-level keys and a summary of each value, never the text around.
struct SurveyedNote: Sendable {
    /// Relative to the collection's root.
    var path: String
    /// Top-level keys in source order; a key written twice is kept once (its first value).
    var keys: [SurveyedKey]
    /// Keys written more than once.
    var duplicatedKeys: [String]
}

struct SurveyedKey: Sendable {
    var name: String
    var value: SurveyedValue
}

/// The JSON type of a value, as the schema will name it.
enum ValueKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case string, integer, number, boolean, null, array, object

    static func < (lhs: ValueKind, rhs: ValueKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A value as the statistics need it, worked out while the notes are read in parallel: its type, what it is
/// (empty, a date, a URL, a plain whole number), and its text only when short enough to be one of a closed set
/// of values, or a tag. Kept small (48 bytes, texts of at most 15 bytes held inline): 100,000 notes' values stay
/// in memory until the groups are known.
struct SurveyedValue: Sendable {
    var kind: ValueKind
    private var flags: UInt8 = 0
    /// `YYYYMMDD` of a string that is a date as front matter writes it; 0 for none.
    private var packedDate: Int32 = 0
    /// A scalar's text when at most `textLimit` bytes; nil for longer ones, collections, and list items of keys
    /// that cannot hold tags.
    var text: String?
    /// A list's items, one level deep.
    var items: [SurveyedValue]?
    /// A string that is an absolute URL: its scheme, lowercased.
    private(set) var urlScheme: String?

    static let textLimit = 64
    private static let emptyFlag: UInt8 = 1, plainDateFlag: UInt8 = 2, plainIntegerFlag: UInt8 = 4

    /// `''`, blanks, `~` and `[]`: what `empty-value` calls empty.
    var isEmpty: Bool { flags & Self.emptyFlag != 0 }
    /// Exactly `YYYY-MM-DD`.
    var isPlainDate: Bool { flags & Self.plainDateFlag != 0 }
    /// An integer written without sign or leading zero, which reads back as the same text.
    var isPlainInteger: Bool { flags & Self.plainIntegerFlag != 0 }
    /// A string that is a date as front matter writes it (with a time and an offset or not).
    var date: CalendarDate? {
        packedDate == 0 ? nil : CalendarDate(year: Int(packedDate / 10000), month: Int(packedDate / 100 % 100), day: Int(packedDate % 100))
    }

    /// `keepsItemTexts`: the list's items keep their texts (a key that may hold tags).
    init(_ node: YAMLNode, depth: Int = 0, keepsItemTexts: Bool = true) {
        let node = node.dereferenced
        switch node.content {
        case .scalar(let scalar):
            let text = scalar.text
            if text.utf8.count <= Self.textLimit, depth == 0 || keepsItemTexts { self.text = text }
            switch scalar.resolved {
            case .null:
                kind = .null
                flags |= Self.emptyFlag
            case .bool: kind = .boolean
            case .int:
                kind = .integer
                let digits = text.utf8
                if text == "0" || (digits.first.map { $0 >= 0x31 && $0 <= 0x39 } == true && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) {
                    flags |= Self.plainIntegerFlag
                }
            case .float: kind = .number
            case .string:
                kind = .string
                if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    flags |= Self.emptyFlag
                } else if depth == 0 {
                    if let date = CalendarDate.parse(text, as: .frontMatter), (1...9999).contains(date.year) {
                        packedDate = Int32(date.year * 10000 + date.month * 100 + date.day)
                        if CalendarDate.parse(text, as: .date) != nil { flags |= Self.plainDateFlag }
                    }
                    urlScheme = KeyStatistics.urlScheme(text)
                }
            }
        case .sequence(let nodes, _):
            kind = .array
            items = depth == 0 ? nodes.map { SurveyedValue($0, depth: 1, keepsItemTexts: keepsItemTexts) } : []
            if nodes.isEmpty { flags |= Self.emptyFlag }
        case .mapping:
            kind = .object
        case .alias:
            kind = .null
            flags |= Self.emptyFlag
        }
    }
}

/// Every note of a collection read once, front matter only, and sorted by what it holds.
public struct CollectionSurvey: Sendable {
    public struct BadNote: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    /// The collection's folder as given.
    public var root: String
    var notes: [SurveyedNote] = []
    /// Notes whose front matter could not be read or parsed: counted and listed, never fatal.
    public var badNotes: [BadNote] = []
    /// Notes without front matter, relative to the root.
    public var withoutFrontMatter: [String] = []
    /// Notes with front matter in another format (TOML `+++`, JSON).
    public var otherFormat: [String] = []
    /// Notes with empty front matter.
    public var emptyFrontMatter: [String] = []

    public var noteCount: Int { notes.count }
    public var walkedCount: Int { notes.count + badNotes.count + withoutFrontMatter.count + otherFormat.count + emptyFrontMatter.count }

    /// Walks `root` as `lint` does (ignore files honoured), leaving out what `excluded` matches, and loads the
    /// front matter of every note in parallel.
    /// `tagKeys`: the keys whose list items keep their texts.
    static func survey(root: String, excluded: [Glob], included: [Glob], tagKeys: Set<String>, jobs: Int) -> CollectionSurvey {
        let boundary = ReadBoundary.forNamedPaths([root])
        let absoluteRoot = PathText.absolute(root)
        let walk = NoteFinder.walk(paths: [root], boundary: boundary, ignoring: .standard)
        let selected = walk.notes.compactMap { path -> (String, String)? in
            let relative = PathText.relative(PathText.absolute(path), to: absoluteRoot)
            let isIncluded = included.isEmpty || included.contains { $0.matches(relative) }
            guard isIncluded, !excluded.contains(where: { $0.matches(relative) }) else { return nil }
            return (path, relative)
        }
        let loader = NoteLoader(boundary: boundary)
        let results = Parallel.map(selected, workers: jobs) { path, relative -> Result<SurveyedNote, Sorted> in
            Self.read(loader.load(path: path), relative: relative, tagKeys: tagKeys)
        }
        var survey = CollectionSurvey(root: root)
        for result in results {
            switch result {
            case .success(let note): survey.notes.append(note)
            case .failure(.bad(let path, let reason)): survey.badNotes.append(BadNote(path: path, reason: reason))
            case .failure(.none(let path)): survey.withoutFrontMatter.append(path)
            case .failure(.other(let path)): survey.otherFormat.append(path)
            case .failure(.empty(let path)): survey.emptyFrontMatter.append(path)
            }
        }
        return survey
    }

    /// Why a note gives no keys.
    enum Sorted: Error {
        case bad(String, String), none(String), other(String), empty(String)
    }

    static func read(_ note: Note, relative: String, tagKeys: Set<String> = []) -> Result<SurveyedNote, Sorted> {
        switch note.outcome {
        case .none: return .failure(.none(relative))
        case .foreign: return .failure(.other(relative))
        case .empty: return .failure(.empty(relative))
        case .unterminated(let line): return .failure(.bad(relative, "front matter opened on line \(line) is never closed"))
        case .error, .present: break
        }
        // A note with a tree is read even when it has problems (a duplicated key); without one it is listed.
        guard let pairs = note.root?.dereferenced.pairs else {
            guard let problem = note.problems.first else { return .failure(.bad(relative, "front matter is not a mapping")) }
            let position = problem.range.start
            return .failure(.bad(relative, "\(position.line):\(position.column): \(problem.message)"))
        }
        var keys: [SurveyedKey] = []
        var seen = Set<String>()
        var duplicated: [String] = []
        for pair in pairs {
            guard let name = pair.key.dereferenced.scalar?.text, !pair.isMergeKey else { continue }
            if !seen.insert(name).inserted {
                duplicated.append(name)
                continue
            }
            keys.append(SurveyedKey(name: name, value: SurveyedValue(pair.value, keepsItemTexts: tagKeys.contains(name))))
        }
        return .success(SurveyedNote(path: relative, keys: keys, duplicatedKeys: duplicated))
    }
}

extension CollectionSurvey {
    init(root: String) {
        self.root = root
    }
}
