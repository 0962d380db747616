import NotelintLoader

/// Words the user knows are right (names, jargon), one a line with `#` comments, given to Hunspell
/// with `Hunspell_add` so that it neither flags them nor suggests against them.
public enum PersonalWordList {
    public static func words(in text: String) -> [String] {
        PlainListText.entries(in: text).map(\.text)
    }

    public static func load(path: String) -> Result<[String], SpellCheckerError> {
        switch NoteReader.readAll(path: path) {
        case .success(let bytes):
            return .success(words(in: String(decoding: bytes, as: UTF8.self)))
        case .failure(let failure):
            return .failure(.personalWordListUnreadable(path: path, reason: failure.reason))
        }
    }
}
