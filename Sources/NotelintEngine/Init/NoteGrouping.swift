import NotelintText

/// Splits a collection into groups of notes shaped alike, each to get its own schema: `_posts/` and `docs/`, a
/// blog and its documentation. Groups are made by folder — the first folder below the content folder and any
/// language folder, so that translated copies of one site share a schema — and a folder gets a schema of its own
/// only when its keys differ from the rest's and it is large enough for its statistics to mean something. What
/// is left forms the last group, matched by `**`.
struct NoteGrouping {
    struct Group {
        /// A name for the schema file and messages (the folder, or `notes` for the rest).
        var name: String
        /// Globs relative to the root; `["**"]` for the last group.
        var files: [String]
        var notes: [SurveyedNote]
        var isRest: Bool
    }

    /// A folder needs at least this many notes, and this share of the collection, to get its own schema.
    var minimumNotes = 20
    var minimumShare = 0.03
    var maximumGroups = 8
    var requiredShare = 0.95

    /// Folders in which a site keeps one copy per language, two-letter ISO 639-1 names (with a region or not).
    static let languageCodes: Set<String> = [
        "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "he", "hi", "hr", "hu",
        "id", "it", "ja", "ko", "lt", "lv", "ms", "nb", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv",
        "sw", "ta", "th", "tr", "uk", "ur", "vi", "zh",
    ]

    static func isLanguageName(_ segment: Substring) -> Bool {
        let base = segment.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return languageCodes.contains(base) && segment.count <= 7
    }

    /// The segments of `path` that say where a note belongs, and the number of leading segments (content folder
    /// and language folders included) that come before the first of them.
    static func locate(_ path: String, contentFolders: [String], languageDepths: Set<Int>) -> (segments: [Substring], prefix: Int) {
        var segments = path.split(separator: "/")
        segments.removeLast()
        var prefix = 0
        for folder in contentFolders {
            let parts = folder.split(separator: "/")
            if segments.starts(with: parts) {
                prefix = parts.count
                break
            }
        }
        while prefix < segments.count, languageDepths.contains(prefix), isLanguageName(segments[prefix]) { prefix += 1 }
        return (segments, prefix)
    }

    /// Depths at which at least two language folders sit side by side.
    static func languageDepths(_ notes: [SurveyedNote], contentFolders: [String]) -> Set<Int> {
        var names: [Int: Set<Substring>] = [:]
        for note in notes {
            let (segments, prefix) = locate(note.path, contentFolders: contentFolders, languageDepths: [])
            for depth in prefix..<min(segments.count, prefix + 2) where isLanguageName(segments[depth]) {
                names[depth, default: []].insert(segments[depth])
            }
        }
        return Set(names.filter { $0.value.count >= 2 }.keys)
    }

    func groups(_ notes: [SurveyedNote], contentFolders: [String], today: CalendarDate) -> [Group] {
        let depths = Self.languageDepths(notes, contentFolders: contentFolders)
        var byFolder: [String: [SurveyedNote]] = [:]
        var globs: [String: Set<String>] = [:]
        var rest: [SurveyedNote] = []
        for note in notes {
            let (segments, prefix) = Self.locate(note.path, contentFolders: contentFolders, languageDepths: depths)
            guard prefix < segments.count else {
                rest.append(note)
                continue
            }
            let folder = String(segments[prefix])
            byFolder[folder, default: []].append(note)
            // Language folders become `*`: a translation added later shares the schema.
            let glob = segments[...prefix].enumerated().map { depth, segment in
                depths.contains(depth) && Self.isLanguageName(segment) ? "*" : String(segment)
            }
            globs[folder, default: []].insert(glob.joined(separator: "/") + "/**")
        }
        let smallest = max(minimumNotes, Int((Double(notes.count) * minimumShare).rounded(.up)))
        let candidates = byFolder.filter { $0.value.count >= smallest }
        for (folder, members) in byFolder where candidates[folder] == nil { rest += members }
        // Largest first, names breaking ties: the same collection always gives the same groups.
        var chosen: [Group] = []
        let remaining = candidates.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        // Key counts per folder and in all, so that "all the others" is a subtraction, not another pass.
        let folderPresence = remaining.map { Self.presence($0.value) }
        var totalPresence = Self.presence(notes)
        var totalCount = notes.count
        var open = Array(remaining.indices)
        while !open.isEmpty, chosen.count < maximumGroups {
            // The folder whose keys differ most from all the others taken together goes first.
            var best: (index: Int, distance: Int)?
            for index in open {
                let count = remaining[index].value.count
                guard totalCount > count else { continue }
                var others = totalPresence
                for (key, value) in folderPresence[index] { others[key, default: 0] -= value }
                let distance = difference(folderPresence[index], count, others, totalCount - count)
                if distance >= 2, best == nil || distance > best!.distance { best = (index, distance) }
            }
            guard let best else { break }
            let (folder, members) = remaining[best.index]
            chosen.append(Group(name: folder, files: globs[folder, default: []].sorted(), notes: members, isRest: false))
            for (key, value) in folderPresence[best.index] { totalPresence[key, default: 0] -= value }
            totalCount -= members.count
            open.removeAll { $0 == best.index }
        }
        var restName = "notes"
        // Every note left over from one folder: the last group is that folder's.
        if rest.isEmpty, open.count == 1 { restName = remaining[open[0]].key }
        for index in open { rest += remaining[index].value }
        // Too few notes left to say anything about: they take the largest group's schema, which then matches `**`.
        if rest.count < smallest, let largest = chosen.indices.max(by: { chosen[$0].notes.count < chosen[$1].notes.count }) {
            let absorbed = chosen.remove(at: largest)
            rest += absorbed.notes
            restName = absorbed.name
        }
        rest.sort { $0.path < $1.path }
        chosen.sort { $0.name < $1.name }
        return chosen + [Group(name: restName, files: ["**"], notes: rest, isRest: true)]
    }

    /// How many keys one set of notes would treat differently from the other: required in one and not the other,
    /// or common (5 %) in one and absent from the other.
    func difference(_ one: [String: Int], _ oneCount: Int, _ other: [String: Int], _ otherCount: Int) -> Int {
        var distance = 0
        for key in Set(one.keys).union(other.keys) {
            let a = Double(one[key] ?? 0) / Double(oneCount)
            let b = Double(other[key] ?? 0) / Double(otherCount)
            if (a >= requiredShare) != (b >= requiredShare) || (a >= 0.05 && b == 0) || (b >= 0.05 && a == 0) { distance += 1 }
        }
        return distance
    }

    static func presence(_ notes: [SurveyedNote]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for note in notes { for key in note.keys { counts[key.name, default: 0] += 1 } }
        return counts
    }
}
