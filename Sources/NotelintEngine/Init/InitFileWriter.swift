import NotelintLoader

/// Writes what `notelint init` inferred as YAML text, every choice with its evidence in a comment. Keys and
/// values are written in sorted, fixed order, so the same collection always gives the same bytes.
enum InitFileWriter {
    /// A schema file for one group.
    static func schema(_ schema: InferredSchema) -> String {
        var lines: [String] = []
        lines.append("# Inferred by `notelint init` from \(Count.of(schema.noteCount)) notes (\(schema.files.joined(separator: ", "))).")
        lines.append("# Each key carries the evidence for what it asks; edit freely.")
        lines.append("$schema: https://json-schema.org/draft/2020-12/schema")
        lines.append("title: \(scalar(schema.name))")
        lines.append("type: object")
        let required = schema.properties.filter(\.required).map(\.name)
        lines.append("required: " + list(required))
        lines.append(schema.properties.isEmpty ? "properties: {}" : "properties:")
        for property in schema.properties {
            lines.append("  \(scalar(property.name)):")
            for line in property.evidence { lines.append("    # \(line)") }
            let types = property.types.map(\.rawValue)
            if property.types == [.null] {
                // Only ever empty so far: nothing to say about its type.
                lines.append("    description: no value yet")
                continue
            }
            lines.append("    type: " + (types.count == 1 ? scalar(types[0]) : list(types)))
            if property.nonEmpty { lines.append(property.types.contains(.array) ? "    minItems: 1" : "    minLength: 1") }
            if let values = property.enumValues {
                // An empty value is `empty-value`'s to report, not a value outside the set.
                let written = values.map(scalar) + (property.types.contains(.null) ? ["null"] : [])
                lines.append("    enum: [" + written.joined(separator: ", ") + "]")
            }
            if let items = property.itemTypes {
                let names = items.map(\.rawValue)
                lines.append("    items: {type: " + (names.count == 1 ? scalar(names[0]) : list(names)) + "}")
            }
        }
        lines.append("additionalProperties: false")
        if let discriminator = schema.discriminator {
            lines.append("# Notes of one `\(discriminator.key)` have keys of their own:")
            lines.append("allOf:")
            for shape in discriminator.shapes {
                lines.append("  # `\(discriminator.key): \(shape.value)` in \(Count.of(shape.notes)) notes, which nearly all have these keys too")
                lines.append("  - if: {properties: {\(scalar(discriminator.key)): {const: \(quoted(shape.value))}}, required: [\(scalar(discriminator.key))]}")
                lines.append("    then: {required: \(list(shape.required))}")
            }
        }
        if !schema.leftOut.isEmpty {
            lines.append("# Left out, so that unknown-key reports them as likely misspellings:")
            for key in schema.leftOut {
                lines.append("#   \(key.name): in \(Count.of(key.notes)) of \(Count.of(schema.noteCount)) notes, near `\(key.nearest)`")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The tag vocabulary: tags used by at least two notes, one a line.
    static func vocabulary(_ tags: [String], minimumNotes: Int) -> String {
        var text = "# Tags used by at least \(minimumNotes) notes when `notelint init` ran (\(Count.of(tags.count)) tags); tag-spelling accepts them.\n"
        for tag in tags { text += tag + "\n" }
        return text
    }

    /// A scalar written so that YAML reads it back as the same string: plain when that is safe, double-quoted
    /// (JSON escapes) otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]
        let isPlain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x30 && $0.value <= 0x39)
                || $0 == "_" || $0 == "-" || $0 == "." || $0 == "/"
        } && text.first.map { $0.isLetter || $0 == "_" } == true && !reserved.contains(text.lowercased())
            && !text.hasSuffix(".")
        return isPlain ? text : quoted(text)
    }

    static func quoted(_ text: String) -> String {
        var json = JSONWriter()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A flow list: `[a, "b c"]`.
    static func list(_ values: [String]) -> String {
        "[" + values.map(scalar).joined(separator: ", ") + "]"
    }
}
