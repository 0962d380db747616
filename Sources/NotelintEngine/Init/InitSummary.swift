import NotelintCore
import NotelintLoader

/// The text `notelint init` prints before the files: what it recognised, the groups it made, the notes it could
/// not read.
public enum InitSummary {
    public static func render(_ result: InitResult) -> String {
        let survey = result.survey
        var text = ""
        switch (result.detection.generator, result.detection.evidence) {
        case (.none, _): text += "Generator: none recognised (--generator names one)\n"
        case (let generator, let evidence?): text += "Generator: \(generator.displayName) (\(evidence))\n"
        case (let generator, nil): text += "Generator: \(generator.displayName) (--generator)\n"
        }
        text += "Notes: \(Count.of(survey.noteCount)) with front matter"
        var others: [String] = []
        if !survey.withoutFrontMatter.isEmpty { others.append("\(Count.of(survey.withoutFrontMatter.count)) without") }
        if !survey.emptyFrontMatter.isEmpty { others.append("\(Count.of(survey.emptyFrontMatter.count)) empty") }
        if !survey.otherFormat.isEmpty { others.append("\(Count.of(survey.otherFormat.count)) in another format") }
        if !survey.badNotes.isEmpty { others.append("\(Count.of(survey.badNotes.count)) unreadable") }
        if !result.excluded.isEmpty { others.append("\(Count.of(result.excluded.count)) left out (see `exclude:` in .lint.yml)") }
        text += others.isEmpty ? "\n" : "; " + others.joined(separator: ", ") + "\n"
        for group in result.groups {
            text += "Group \(group.name): \(Count.of(group.notes)) notes (\(group.files.joined(separator: ", "))) -> \(group.schemaPath)\n"
        }
        if !survey.badNotes.isEmpty {
            text += "Front matter that could not be read (left out of the inference):\n"
            for bad in survey.badNotes.sorted(by: { $0.path < $1.path }) { text += "  \(bad.path): \(bad.reason)\n" }
        }
        return text + "\n"
    }
}
