/// A `pattern` or `patternProperties` regular expression, compiled once with the schema.
///
/// Most patterns run on `PatternMachine`. The few it does not run (lookarounds, backreferences…) go to Swift's
/// `Regex`, set up to behave like ECMA-262: matching by Unicode scalars (as a `u`-flag JavaScript regex does, not
/// by grapheme clusters), `\d` and `\w` ASCII-only, and `ECMAPatternSyntax` rewriting what the two dialects spell
/// differently. Either way a match may start anywhere: JSON Schema patterns are not implicitly anchored.
package struct SchemaPattern: @unchecked Sendable {
    private enum Engine {
        case machine(PatternMachine)
        // `Regex` is not declared Sendable because a regex built from components may capture closures; one parsed
        // from a string holds only an immutable program, which is safe to share once compiled (see `init`).
        case regex(Regex<AnyRegexOutput>)
    }

    private let engine: Engine
    let source: String

    package init(_ source: String) throws {
        self.source = source
        if let machine = PatternMachine(source) {
            engine = .machine(machine)
            return
        }
        let regex = try Regex(ECMAPatternSyntax.swiftSyntax(of: source))
            .matchingSemantics(.unicodeScalar)
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
        // The program is lowered lazily on first use; do it now rather than racing on it from many threads.
        _ = try? regex.firstMatch(in: "")
        engine = .regex(regex)
    }

    package func matches(_ text: String) -> Bool {
        switch engine {
        case .machine(let machine): machine.matches(text)
        case .regex(let regex): (try? regex.firstMatch(in: text)) != nil
        }
    }
}

/// Rewrites ECMA-262 pattern syntax that Swift's regex parser reads differently or not at all.
enum ECMAPatternSyntax {
    /// ECMA-262's WhiteSpace and LineTerminator: unlike Unicode's White_Space, it has U+FEFF and lacks U+0085.
    /// U+2000…U+200A are listed one by one: Swift's parser refuses a range between two space characters.
    static let whitespace = #"\t\n\x{0B}\f\r \x{A0}\x{1680}"#
        + (0x2000...0x200A).map { "\\x{\(String($0, radix: 16))}" }.joined()
        + #"\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#

    static func swiftSyntax(of pattern: String) -> String {
        var result = ""
        var scalars = pattern.unicodeScalars.makeIterator()
        var inClass = false
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                guard let escaped = scalars.next() else {
                    result += "\\"
                    continue
                }
                switch escaped {
                case "s": result += inClass ? whitespace : "[\(whitespace)]"
                case "S" where !inClass: result += "[^\(whitespace)]"
                case "c":
                    // `\cX` is the control character X mod 32.
                    guard let letter = scalars.next() else {
                        result += "\\c"
                        continue
                    }
                    if ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) {
                        result += "\\x{\(String(letter.value % 32, radix: 16))}"
                    } else {
                        result += "\\\\c"
                        result.unicodeScalars.append(letter)
                    }
                default:
                    result += "\\"
                    result.unicodeScalars.append(escaped)
                }
            case "[" where !inClass:
                inClass = true
                result += "["
            case "]" where inClass:
                inClass = false
                result += "]"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
