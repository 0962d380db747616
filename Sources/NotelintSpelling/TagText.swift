/// How tag-spelling reads a tag: kebab-case words compared without regard to case.
enum TagText {
    /// Case differences are another rule's business, so every comparison here is on this form.
    static func folded(_ tag: String) -> String { tag.lowercased() }

    /// The kebab-case words, empty ones included (`a--b` has an empty word, which no dictionary accepts).
    static func words(of tag: String) -> [Substring] {
        tag.split(separator: "-", omittingEmptySubsequences: false)
    }

    static let wordSeparator: Unicode.Scalar = "-"
}

/// The writing system of a tag, which decides which kinds of evidence apply to it.
enum TagScript: Sendable, Equatable {
    /// Only Latin letters (with digits and punctuation): all checks, the dictionary included.
    case latin
    /// Another alphabet, such as Cyrillic or Greek: vocabulary, corpus and near misses, but no
    /// dictionary, which only knows the configured (Latin-script) languages.
    case otherAlphabet
    /// Han, kana, Hangul, Thai and similar scripts, where one character is a syllable or a whole word:
    /// a one-character difference or a shorter prefix is usually a different word, not a typo, so only
    /// vocabulary, corpus and replacement lists apply.
    case dense

    init(of tag: String) {
        var sawOtherAlphabet = false
        for scalar in tag.unicodeScalars {
            if Self.isDense(scalar) {
                self = .dense
                return
            }
            if scalar.properties.isAlphabetic, !Self.isLatin(scalar) { sawOtherAlphabet = true }
        }
        self = sawOtherAlphabet ? .otherAlphabet : .latin
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x250, 0x300...0x36F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F: true
        default: false
        }
    }

    private static func isDense(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1100...0x11FF,  // Hangul Jamo
            0x1780...0x17FF,  // Khmer
            0x3040...0x30FF,  // Hiragana, Katakana
            0x3100...0x318F,  // Bopomofo, Hangul compatibility Jamo
            0x31F0...0x31FF,  // Katakana extensions
            0xA960...0xA97F,  // Hangul Jamo extended
            0xAC00...0xD7FF,  // Hangul syllables
            0xFF66...0xFFDC:  // half-width Katakana and Hangul
            return true
        default: return false
        }
    }
}
