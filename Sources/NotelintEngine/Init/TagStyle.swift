/// How a collection spells its tags, told from the tags it uses: the strictest style that at least
/// `share` of its distinct tags follow. `tag-format` then reports the rest.
struct TagStyle: Sendable, Hashable {
    /// The style's name, for the evidence comment.
    var name: String
    /// The `tag-format` pattern; empty for the rule's own lowercase kebab-case.
    var pattern: String

    /// From strictest to loosest. Patterns are ECMA-262, as `tag-format` and schemas read them.
    static let candidates: [TagStyle] = [
        TagStyle(name: "lowercase kebab-case", pattern: ""),
        TagStyle(name: "lowercase kebab-case, nested with `/` or `.`",
                 pattern: "[\\p{Ll}\\p{Lo}\\p{N}]+([-/.][\\p{Ll}\\p{Lo}\\p{N}]+)*"),
        TagStyle(name: "lowercase words joined by `-`, `_` or spaces",
                 pattern: "[\\p{Ll}\\p{Lo}\\p{N}]+([-_ /.][\\p{Ll}\\p{Lo}\\p{N}]+)*"),
        TagStyle(name: "kebab-case in any case", pattern: "[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*"),
        TagStyle(name: "words in any case joined by `-`, `_`, `/`, `.` or spaces",
                 pattern: "[\\p{L}\\p{N}]+([-_ /.][\\p{L}\\p{N}]+)*"),
    ]

    /// Whether `tag` follows the style (the same character classes as the pattern, written out).
    func accepts(_ tag: String) -> Bool {
        let index = Self.candidates.firstIndex(of: self) ?? 0
        let lowercaseOnly = index <= 2
        let separators: Set<Character> = switch index {
        case 0, 3: ["-"]
        case 1: ["-", "/", "."]
        default: ["-", "_", " ", "/", "."]
        }
        var previousWasSeparator = true
        for character in tag {
            if separators.contains(character) {
                if previousWasSeparator { return false }
                previousWasSeparator = true
                continue
            }
            guard character.isLetter || character.isNumber else { return false }
            if lowercaseOnly, character.isUppercase { return false }
            previousWasSeparator = false
        }
        return !previousWasSeparator
    }

    /// The strictest style most distinct tags follow, with how many do; nil when none reaches `share`.
    static func detect(_ tags: [String: Int], share: Double) -> (style: TagStyle, following: Int)? {
        guard !tags.isEmpty else { return nil }
        for style in candidates {
            let following = tags.keys.filter(style.accepts).count
            if Double(following) >= share * Double(tags.count) { return (style, following) }
        }
        return nil
    }
}
