/// How a site generator turns a value (a tag, a title, a permalink) into the piece of URL it publishes to. Two
/// values with one slug publish to one page. Each style follows the generator's documented behaviour:
///
/// - `kebab`: lowercase; every run of characters that are not letters or digits becomes one `-`, trimmed.
/// - `hugo` (`urlize`, path sanitising): letters, digits, marks and `. _ ~ # + @ / \ -` are kept, a space becomes
///   `-` (not after one), anything else is dropped; then lowercase.
/// - `eleventy` (`slugify`): apostrophes dropped, `&` read as ` and `, Latin letters stripped of accents
///   (`ä` → `ae`), anything but ASCII letters and digits becomes `-`, trimmed, lowercase. Letters of other scripts
///   are dropped, as Eleventy documents (a tag of only such letters has no slug, and never collides).
/// - `jekyll` (`slugify` default mode), `jekyll-pretty`, `jekyll-raw`, `jekyll-ascii`, `jekyll-latin`: runs of
///   characters the mode does not keep become `-`, trimmed, lowercase; `latin` strips accents first.
public enum SlugStyle: String, Sendable, CaseIterable {
    case kebab
    case hugo
    case eleventy
    case jekyll
    case jekyllPretty = "jekyll-pretty"
    case jekyllRaw = "jekyll-raw"
    case jekyllAscii = "jekyll-ascii"
    case jekyllLatin = "jekyll-latin"

    public func slug(_ text: String) -> String {
        switch self {
        case .kebab:
            return Self.replacingRuns(in: text.lowercased(), keeping: Self.isLetterOrDigit)
        case .hugo:
            var out = String.UnicodeScalarView()
            var wasHyphen = false
            for scalar in text.unicodeScalars {
                if Self.isLetterOrDigit(scalar) || Self.isMark(scalar) || "._~#+@/\\-".unicodeScalars.contains(scalar) {
                    out.append(scalar)
                    wasHyphen = scalar == "-"
                } else if scalar.properties.isWhitespace && !wasHyphen {
                    out.append("-")
                    wasHyphen = true
                }
            }
            return String(out).lowercased()
        case .eleventy:
            let prepared = text.replacingOccurrences("&", " and ").filter { $0 != "'" && $0 != "’" }
            return Self.replacingRuns(in: Self.foldingLatin(prepared, umlautsWithE: true).lowercased(), keeping: Self.isASCIILetterOrDigit)
        case .jekyll:
            return Self.replacingRuns(in: text, keeping: { Self.isLetterOrDigit($0) || Self.isMark($0) }).lowercased()
        case .jekyllPretty:
            return Self.replacingRuns(in: text, keeping: {
                Self.isLetterOrDigit($0) || Self.isMark($0) || "._~!$&'()+,;=@".unicodeScalars.contains($0)
            }).lowercased()
        case .jekyllRaw:
            return Self.replacingRuns(in: text, keeping: { !$0.properties.isWhitespace }).lowercased()
        case .jekyllAscii:
            return Self.replacingRuns(in: text, keeping: Self.isASCIILetterOrDigit).lowercased()
        case .jekyllLatin:
            return Self.replacingRuns(in: Self.foldingLatin(text), keeping: Self.isASCIILetterOrDigit).lowercased()
        }
    }

    /// Every run of scalars `keeping` refuses becomes one `-`; leading and trailing ones go.
    static func replacingRuns(in text: String, keeping: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text.unicodeScalars {
            if keeping(scalar) {
                if pending && !out.isEmpty { out.append("-") }
                pending = false
                out.append(scalar)
            } else {
                pending = true
            }
        }
        return String(out)
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: true
        default: false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }

    /// Latin letters without their accents (`é` → `e`, `ß` → `ss`; `ä` → `ae` with `umlautsWithE`, else `a`),
    /// combining marks dropped; other scripts as they are.
    public static func foldingLatin(_ text: String, umlautsWithE: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if umlautsWithE, let folded = umlauts[scalar] {
                out.append(contentsOf: folded.unicodeScalars)
            } else if let folded = latinFolds[scalar] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static let latinFolds: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("Æ", "AE"), ("æ", "ae"),
            ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđ", "d"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"),
            ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"),
            ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"), ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"),
            ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"), ("Œ", "OE"), ("œ", "oe"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠȘ", "S"), ("śŝşšș", "s"), ("ß", "ss"), ("ŢŤŦȚ", "T"), ("ţťŧț", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"),
            ("ÝŸŶ", "Y"), ("ýÿŷ", "y"), ("ŹŻŽ", "Z"), ("źżž", "z"), ("Þ", "Th"), ("þ", "th"), ("Ð", "D"), ("ð", "d"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()

    /// German umlauts as Eleventy's transliteration writes them.
    private static let umlauts: [Unicode.Scalar: String] = ["Ä": "Ae", "ä": "ae", "Ö": "Oe", "ö": "oe", "Ü": "Ue", "ü": "ue"]
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation here).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
