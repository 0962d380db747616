/// Reads the subset of ECMA-262 syntax `SimplePattern` handles; nil for anything else.
struct SimplePatternParser {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func parse() -> (atoms: [SimplePattern.Atom], anchoredAtStart: Bool, anchoredAtEnd: Bool)? {
        var end = scalars.count
        let anchoredAtStart = scalars.first == "^"
        if anchoredAtStart { index = 1 }
        var anchoredAtEnd = false
        if end > index, scalars[end - 1] == "$", !isEscaped(at: end - 1) {
            anchoredAtEnd = true
            end -= 1
        }
        var atoms: [SimplePattern.Atom] = []
        while index < end {
            guard let set = parseAtom(before: end) else { return nil }
            var atom = SimplePattern.Atom(set: set, minimum: 1, maximum: 1)
            if index < end, let (minimum, maximum) = parseQuantifier(before: end) {
                atom.minimum = minimum
                atom.maximum = maximum
                // Laziness changes which match is found, not whether there is one.
                if index < end, scalars[index] == "?" { index += 1 }
            }
            if index < end, "*+?{".unicodeScalars.contains(scalars[index]) { return nil }
            atoms.append(atom)
        }
        return (atoms, anchoredAtStart, anchoredAtEnd)
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}`, as minimum and maximum counts; nil when there is none. A `{` that
    /// is no quantifier is left in place, which makes the caller give up on the pattern.
    mutating func parseQuantifier(before end: Int) -> (Int, Int)? {
        switch scalars[index] {
        case "*":
            index += 1
            return (0, .max)
        case "+":
            index += 1
            return (1, .max)
        case "?":
            index += 1
            return (0, 1)
        case "{":
            var position = index + 1
            func number() -> Int? {
                var value = 0
                var digits = 0
                while position < end, ("0"..."9").contains(scalars[position]), digits < 9 {
                    value = value * 10 + Int(scalars[position].value - 0x30)
                    digits += 1
                    position += 1
                }
                return digits > 0 ? value : nil
            }
            guard let minimum = number(), position < end else { return nil }
            var maximum = minimum
            if scalars[position] == "," {
                position += 1
                guard position < end else { return nil }
                maximum = scalars[position] == "}" ? .max : (number() ?? -1)
            }
            guard position < end, scalars[position] == "}", maximum >= minimum else { return nil }
            index = position + 1
            return (minimum, maximum)
        default:
            return nil
        }
    }

    /// Whether the scalar at `position` follows an odd number of backslashes.
    func isEscaped(at position: Int) -> Bool {
        var count = 0
        var before = position - 1
        while before >= 0, scalars[before] == "\\" {
            count += 1
            before -= 1
        }
        return count % 2 == 1
    }

    mutating func parseAtom(before end: Int) -> ScalarSet? {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case ".": return .dot
        case "[": return parseClass(before: end)
        case "\\": return parseEscape(before: end, inClass: false)
        case "^", "$", "(", ")", "|", "*", "+", "?", "{", "}", "]": return nil
        default: return ScalarSet(ranges: [scalar.value...scalar.value])
        }
    }

    mutating func parseEscape(before end: Int, inClass: Bool) -> ScalarSet? {
        guard index < end else { return nil }
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "d": return .digits
        case "w": return .word
        case "s": return .whitespace
        case "D", "W", "S":
            // Negated shorthands cannot be merged into a class's ranges; `Regex` handles them there.
            if inClass { return nil }
            var set: ScalarSet = scalar == "D" ? .digits : (scalar == "W" ? .word : .whitespace)
            set.isNegated = true
            return set
        case "t": return ScalarSet(ranges: [0x09...0x09])
        case "n": return ScalarSet(ranges: [0x0A...0x0A])
        case "v": return ScalarSet(ranges: [0x0B...0x0B])
        case "f": return ScalarSet(ranges: [0x0C...0x0C])
        case "r": return ScalarSet(ranges: [0x0D...0x0D])
        default:
            // Escaped punctuation stands for itself; escaped letters and digits mean something else
            // (`\b`, `\p{…}`, backreferences…).
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return ScalarSet(ranges: [scalar.value...scalar.value])
        }
    }

    /// `[…]` after its opening bracket.
    mutating func parseClass(before end: Int) -> ScalarSet? {
        var set = ScalarSet()
        if index < end, scalars[index] == "^" {
            set.isNegated = true
            index += 1
        }
        // `[]` and `[^]` mean "nothing" and "anything" in ECMA-262 only.
        guard index < end, scalars[index] != "]" else { return nil }
        while index < end, scalars[index] != "]" {
            guard let lower = parseClassMember(before: end) else { return nil }
            if index + 1 < end, scalars[index] == "-", scalars[index + 1] != "]" {
                index += 1
                guard let lowerScalar = lower.single, let upper = parseClassMember(before: end)?.single,
                    lowerScalar <= upper
                else { return nil }
                set.insert(lowerScalar...upper)
            } else {
                set.formUnion(lower.set)
            }
        }
        guard index < end else { return nil }
        index += 1
        return set
    }

    /// One member of a class: a scalar (which may start a range) or a shorthand set.
    mutating func parseClassMember(before end: Int) -> (set: ScalarSet, single: UInt32?)? {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "\\":
            let escapeStart = index
            guard let set = parseEscape(before: end, inClass: true) else { return nil }
            let letter = scalars[escapeStart]
            let isShorthand = letter == "d" || letter == "w" || letter == "s"
            return (set, isShorthand ? nil : set.singleScalar)
        case "[":
            // Nested classes and POSIX classes (`[[:alpha:]]`) are read differently by the two dialects.
            return nil
        default:
            return (ScalarSet(ranges: [scalar.value...scalar.value]), scalar.value)
        }
    }
}
