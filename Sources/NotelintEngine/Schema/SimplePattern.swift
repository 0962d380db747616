/// A matcher for the regular expressions schemas mostly use (`^[a-z0-9-]+$`, `^\d{4}-\d{2}-\d{2}$`,
/// `^https?://`): a sequence of characters, classes and `.`, each with a quantifier, optionally anchored.
/// It runs an order of magnitude faster than `Regex`, which matters when every tag of every note is checked.
///
/// Patterns with groups, alternation, assertions or backreferences are not simple: `init` returns nil and
/// `Regex` does the work. Matching follows ECMA-262 with the `u` flag, by Unicode scalars.
struct SimplePattern: Sendable {
    struct Atom: Sendable {
        var set: ScalarSet
        var minimum: Int
        var maximum: Int
    }

    let atoms: [Atom]
    let anchoredAtStart: Bool
    let anchoredAtEnd: Bool

    /// Backtracking over quantifiers can grow polynomially with the text; past this many steps the caller falls
    /// back to `Regex` rather than spend more.
    static let stepLimit = 100_000

    init?(_ pattern: String) {
        var parser = SimplePatternParser(Array(pattern.unicodeScalars))
        guard let parsed = parser.parse() else { return nil }
        atoms = parsed.atoms
        anchoredAtStart = parsed.anchoredAtStart
        anchoredAtEnd = parsed.anchoredAtEnd
    }

    /// Whether the pattern matches somewhere in `text`; nil when matching took too many steps to finish.
    func matches(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 < 0x80 }) { return run(bytes) }
            return run(Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.lazy.map(\.value)))
        }
    }

    private func run<Input: RandomAccessCollection>(_ input: Input) -> Bool?
    where Input.Element: FixedWidthInteger, Input.Index == Int {
        var steps = 0
        let lastStart = anchoredAtStart ? input.startIndex : input.endIndex
        for start in input.startIndex...lastStart {
            switch match(input, atom: 0, at: start, steps: &steps) {
            case true?: return true
            case nil: return nil
            case false?: continue
            }
        }
        return false
    }

    private func match<Input: RandomAccessCollection>(_ input: Input, atom index: Int, at position: Int, steps: inout Int) -> Bool?
    where Input.Element: FixedWidthInteger, Input.Index == Int {
        steps += 1
        if steps > Self.stepLimit { return nil }
        guard index < atoms.count else { return !anchoredAtEnd || position == input.endIndex }
        let atom = atoms[index]
        var count = 0
        while count < atom.maximum, position + count < input.endIndex,
            atom.set.contains(UInt32(truncatingIfNeeded: input[position + count])) {
            count += 1
        }
        guard count >= atom.minimum else { return false }
        // Greedy: the longest run first, then shorter ones.
        while count >= atom.minimum {
            switch match(input, atom: index + 1, at: position + count, steps: &steps) {
            case true?: return true
            case nil: return nil
            case false?: count -= 1
            }
        }
        return false
    }
}
