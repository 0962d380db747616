/// A vocabulary file: accepted tags, one a line, with `#` comments.
public struct TagVocabulary: Sendable, Hashable {
    /// How findings name the file.
    public var file: String
    public var tags: [String]

    public init(file: String, tags: [String]) {
        self.file = file
        self.tags = tags
    }

    public init(parsing text: String, file: String) {
        self.init(file: file, tags: PlainListText.entries(in: text).map(\.text))
    }
}
