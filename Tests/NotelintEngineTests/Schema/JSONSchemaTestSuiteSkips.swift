/// Suite tests that need a feature this validator does not implement, each with the feature. A whole group is
/// skipped when `test` is nil.
struct SuiteSkip {
    var file: String
    var group: String
    var test: String?
    var reason: String
}

enum JSONSchemaTestSuiteSkips {
    static let all: [SuiteSkip] = [
        SuiteSkip(
            file: "defs.json", group: "validate definition against metaschema",
            test: nil, reason: "remote $ref to the draft 2020-12 metaschema"),
        SuiteSkip(
            file: "ref.json", group: "remote ref, containing refs itself",
            test: nil, reason: "remote $ref to the draft 2020-12 metaschema"),
        SuiteSkip(
            file: "format.json", group: "date format",
            test: "invalid date string is only an annotation by default", reason: "`date` is asserted by design: notes want their dates checked"),
        SuiteSkip(
            file: "format.json", group: "date-time format",
            test: "invalid date-time string is only an annotation by default", reason: "`date-time` is asserted by design: notes want their dates checked"),
        SuiteSkip(
            file: "format.json", group: "uri format",
            test: "invalid uri string is only an annotation by default", reason: "`uri` is asserted by design: notes want their links checked"),
        SuiteSkip(
            file: "format.json", group: "email format",
            test: "invalid email string is only an annotation by default", reason: "`email` is asserted by design, as `notelint init` writes it for keys of addresses"),
        SuiteSkip(
            file: "not.json", group: "collect annotations inside a 'not', even if collection is disabled",
            test: nil, reason: "unevaluatedProperties"),
        SuiteSkip(
            file: "ref.json", group: "ref creates new scope when adjacent to keywords",
            test: nil, reason: "unevaluatedProperties"),
        SuiteSkip(
            file: "ref.json", group: "Recursive references between schemas",
            test: nil, reason: "$id-based resolution (embedded resources)"),
        SuiteSkip(
            file: "ref.json", group: "refs with relative uris and defs",
            test: nil, reason: "$id-based resolution (relative URI references)"),
        SuiteSkip(
            file: "ref.json", group: "relative refs with absolute uris and defs",
            test: nil, reason: "$id-based resolution (relative URI references)"),
        SuiteSkip(
            file: "ref.json", group: "$id must be resolved against nearest parent, not just immediate parent",
            test: nil, reason: "$id-based resolution (base URI of nested $id)"),
        SuiteSkip(
            file: "ref.json", group: "order of evaluation: $id and $ref",
            test: nil, reason: "$id-based resolution (relative URI references)"),
        SuiteSkip(
            file: "ref.json", group: "order of evaluation: $id and $anchor and $ref",
            test: nil, reason: "$anchor"),
        SuiteSkip(
            file: "ref.json", group: "order of evaluation: $id and $ref on nested schema",
            test: nil, reason: "$id-based resolution (relative URI references)"),
        SuiteSkip(
            file: "ref.json", group: "URN base URI with URN and anchor ref",
            test: nil, reason: "$anchor"),
        SuiteSkip(
            file: "ref.json", group: "URN ref with nested pointer ref",
            test: nil, reason: "$id-based resolution (reference to an embedded resource's $id)"),
        SuiteSkip(
            file: "ref.json", group: "ref to if",
            test: nil, reason: "$id-based resolution (reference to an embedded resource's $id)"),
        SuiteSkip(
            file: "ref.json", group: "ref to then",
            test: nil, reason: "$id-based resolution (reference to an embedded resource's $id)"),
        SuiteSkip(
            file: "ref.json", group: "ref to else",
            test: nil, reason: "$id-based resolution (reference to an embedded resource's $id)"),
        SuiteSkip(
            file: "ref.json", group: "ref with absolute-path-reference",
            test: nil, reason: "$id-based resolution (relative URI references)"),
        SuiteSkip(
            file: "optional/unknownKeyword.json", group: "$id inside an unknown keyword is not a real identifier",
            test: nil, reason: "$id-based resolution (reference to an embedded resource's $id)"),
    ]

    /// The position in `all` of the entry covering a test.
    static func entry(file: String, group: String, test: String) -> Int? {
        all.firstIndex { $0.file == file && $0.group == group && ($0.test == nil || $0.test == test) }
    }
}
