/// A regular expression as `PatternMachine` runs it.
indirect enum PatternNode {
    case set(ScalarSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// `maximum` nil for no upper bound.
    case repetition(PatternNode, minimum: Int, maximum: Int?)
    case startAnchor
    case endAnchor
}

/// Reads ECMA-262 (`u` flag) pattern syntax into a `PatternNode`, or returns nil for what `PatternMachine` does not
/// run: lookarounds, backreferences, word boundaries and Unicode properties other than general categories. Those
/// patterns go to `Regex` instead.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var groupDepth = 0

    static func parse(_ pattern: String) -> PatternNode? {
        var parser = PatternParser(scalars: Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.index == parser.scalars.count else { return nil }
        return node
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func parseAlternation() -> PatternNode? {
        guard let first = parseSequence() else { return nil }
        var branches = [first]
        while current == "|" {
            index += 1
            guard let branch = parseSequence() else { return nil }
            branches.append(branch)
        }
        return branches.count == 1 ? first : .alternation(branches)
    }

    private mutating func parseSequence() -> PatternNode? {
        var terms: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let term = parseTerm() else { return nil }
            terms.append(term)
        }
        return terms.count == 1 ? terms[0] : .sequence(terms)
    }

    private mutating func parseTerm() -> PatternNode? {
        guard let atom = parseAtom() else { return nil }
        guard current != nil, let (minimum, maximum) = parseQuantifier() else { return atom }
        switch atom {
        case .startAnchor, .endAnchor: return nil
        default: break
        }
        // Laziness changes which match is found, not whether there is one.
        if current == "?" { index += 1 }
        if let next = current, "*+?{".unicodeScalars.contains(next) { return nil }
        return .repetition(atom, minimum: minimum, maximum: maximum)
    }

    private mutating func parseAtom() -> PatternNode? {
        guard let scalar = current else { return nil }
        index += 1
        switch scalar {
        case "^": return .startAnchor
        case "$": return .endAnchor
        case ".": return .set(.dot)
        case "[": return parseClass().map { .set($0) }
        case "\\": return parseEscape(inClass: false).map { .set($0) }
        case "(": return parseGroup()
        case "*", "+", "?", "{", "}", "]", ")", "|": return nil
        default: return .set(.scalar(scalar.value))
        }
    }

    /// A group after its `(`: capturing, `(?:…)` or `(?<name>…)`; captures mean nothing to a yes/no match.
    private mutating func parseGroup() -> PatternNode? {
        if current == "?" {
            index += 1
            switch current {
            case ":":
                index += 1
            case "<":
                index += 1
                guard let first = current, first != "=", first != "!" else { return nil }
                while let scalar = current, scalar != ">" {
                    guard scalar.properties.isAlphabetic || scalar == "_" || scalar == "$" || ("0"..."9").contains(scalar) else {
                        return nil
                    }
                    index += 1
                }
                guard current == ">" else { return nil }
                index += 1
            default:
                return nil
            }
        }
        groupDepth += 1
        defer { groupDepth -= 1 }
        guard groupDepth <= 64, let inner = parseAlternation(), current == ")" else { return nil }
        index += 1
        return inner
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}`; nil when there is none. A `{` that is no quantifier is left in place,
    /// which makes the caller give up on the pattern.
    private mutating func parseQuantifier() -> (Int, Int?)? {
        switch current {
        case "*":
            index += 1
            return (0, nil)
        case "+":
            index += 1
            return (1, nil)
        case "?":
            index += 1
            return (0, 1)
        case "{":
            var position = index + 1
            func number() -> Int? {
                var value = 0
                var digits = 0
                while position < scalars.count, ("0"..."9").contains(scalars[position]), digits < 6 {
                    value = value * 10 + Int(scalars[position].value - 0x30)
                    digits += 1
                    position += 1
                }
                return digits > 0 ? value : nil
            }
            guard let minimum = number(), position < scalars.count else { return nil }
            var maximum: Int? = minimum
            if scalars[position] == "," {
                position += 1
                maximum = position < scalars.count && scalars[position] == "}" ? nil : number()
                if maximum == nil, position < scalars.count, scalars[position] != "}" { return nil }
            }
            guard position < scalars.count, scalars[position] == "}", maximum.map({ $0 >= minimum }) ?? true else {
                return nil
            }
            index = position + 1
            return (minimum, maximum)
        default:
            return nil
        }
    }

    // MARK: Escapes and classes

    /// An escape after its backslash.
    private mutating func parseEscape(inClass: Bool) -> ScalarSet? {
        guard let scalar = current else { return nil }
        index += 1
        switch scalar {
        case "d": return .digits
        case "w": return .word
        case "s": return .whitespace
        case "D", "W", "S":
            // A negated shorthand cannot join a class's other members here; `Regex` handles those.
            if inClass { return nil }
            var set: ScalarSet = scalar == "D" ? .digits : (scalar == "W" ? .word : .whitespace)
            set.isNegated = true
            return set
        case "p", "P":
            guard current == "{", let close = scalars[index...].firstIndex(of: "}") else { return nil }
            var name = ""
            name.unicodeScalars.append(contentsOf: scalars[(index + 1)..<close])
            guard let mask = UnicodeCategoryNames.mask(name), !(inClass && scalar == "P") else { return nil }
            index = close + 1
            var set = ScalarSet()
            set.insert(categories: mask)
            set.isNegated = scalar == "P"
            return set
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "v": return .scalar(0x0B)
        case "f": return .scalar(0x0C)
        case "r": return .scalar(0x0D)
        case "b" where inClass: return .scalar(0x08)
        case "0" where !(current.map { ("0"..."9").contains($0) } ?? false): return .scalar(0)
        case "c":
            guard let letter = current, ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else { return nil }
            index += 1
            return .scalar(letter.value % 32)
        case "x": return parseHex(digits: 2).map { .scalar($0) }
        case "u":
            if current == "{" {
                guard let close = scalars[index...].firstIndex(of: "}"), close - index - 1 >= 1, close - index - 1 <= 6 else {
                    return nil
                }
                index += 1
                guard let value = parseHex(digits: close - index), value <= 0x10FFFF else { return nil }
                index += 1
                return .scalar(value)
            }
            return parseHex(digits: 4).map { .scalar($0) }
        default:
            // Escaped syntax characters stand for themselves; other escaped letters and digits mean something
            // this matcher leaves to `Regex` (`\b`, backreferences, `\k<name>`).
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return .scalar(scalar.value)
        }
    }

    private mutating func parseHex(digits: Int) -> UInt32? {
        guard index + digits <= scalars.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = scalars[index].properties.isASCIIHexDigit ? UInt32(String(scalars[index]), radix: 16) : nil else {
                return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// `[…]` after its opening bracket.
    private mutating func parseClass() -> ScalarSet? {
        var set = ScalarSet()
        if current == "^" {
            set.isNegated = true
            index += 1
        }
        // `[]` matches nothing and `[^]` anything; rare enough to leave to `Regex`.
        guard let first = current, first != "]" else { return nil }
        while current != nil, current != "]" {
            guard let lower = parseClassMember() else { return nil }
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard let lowerBound = lower.singleScalar, let upperBound = parseClassMember()?.singleScalar,
                    lowerBound <= upperBound
                else { return nil }
                set.insert(lowerBound...upperBound)
            } else {
                set.formUnion(lower)
            }
        }
        guard current == "]" else { return nil }
        index += 1
        return set
    }

    private mutating func parseClassMember() -> ScalarSet? {
        guard let scalar = current else { return nil }
        index += 1
        return scalar == "\\" ? parseEscape(inClass: true) : .scalar(scalar.value)
    }
}
