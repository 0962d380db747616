/// Within one group of notes, a key such as `layout` or `type` whose values mark notes of different shapes
/// (`layout: post` notes have `date` and `tags`, `layout: page` notes do not). Each such value's extra required
/// keys become a conditional (`if`/`then`) in the group's schema, so that one folder can hold several shapes.
struct DiscriminatingKey: Sendable {
    struct Shape: Sendable {
        var value: String
        var notes: Int
        /// Keys nearly every note with this value has, though the group as a whole does not require them.
        var required: [String]
    }

    var key: String
    var shapes: [Shape]

    static let candidates = ["layout", "type", "kind", "category"]

    /// The candidate key that separates the notes' key sets, if any: present in nearly every note, taking a few
    /// values each held by enough notes, and at least one of them with two or more keys of its own.
    static func find(_ notes: [SurveyedNote], statistics: GroupStatistics, thresholds: InitThresholds) -> DiscriminatingKey? {
        let total = notes.count
        var best: (DiscriminatingKey, Int)?
        for candidate in candidates {
            guard Double(statistics.keys[candidate]?.presence ?? 0) >= thresholds.required * Double(total) else { continue }
            var byValue: [String: [SurveyedNote]] = [:]
            for note in notes {
                guard let value = note.keys.first(where: { $0.name == candidate })?.value, value.kind == .string, let text = value.text else { continue }
                byValue[text, default: []].append(note)
            }
            let large = byValue.filter { $0.value.count >= thresholds.groupNotes }
            guard large.count >= 2, large.count <= 6 else { continue }
            var shapes: [Shape] = []
            var separated = 0
            for (value, members) in large.sorted(by: { $0.key < $1.key }) {
                let presence = NoteGrouping.presence(members)
                let extra = presence.filter { key, count in
                    Double(count) >= thresholds.required * Double(members.count)
                        && Double(statistics.keys[key]?.presence ?? 0) < thresholds.required * Double(total)
                }.keys.sorted()
                if !extra.isEmpty { shapes.append(Shape(value: value, notes: members.count, required: extra)) }
                separated += extra.count
            }
            guard shapes.contains(where: { $0.required.count >= 2 }) else { continue }
            if best == nil || separated > best!.1 { best = (DiscriminatingKey(key: candidate, shapes: shapes), separated) }
        }
        return best?.0
    }
}
