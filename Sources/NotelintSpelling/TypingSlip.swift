/// The single typing slip that turns an intended word into a typed one, if there is exactly one.
struct TypingSlip: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A letter left out: `stratgy` for `strategy`.
        case omission
        /// Two neighbouring letters swapped: `histroy` for `history`.
        case transposition
        /// One letter replaced by another: `neurosciense` for `neuroscience`.
        case substitution
        /// One letter too many: `strategey` for `strategy`.
        case insertion
    }

    let kind: Kind
    /// Where the typed and intended scalars first differ.
    let position: Int
    /// An insertion that repeats the letter before or after it: `comppetition`, `relationss`.
    let isDoubling: Bool
    /// A substitution or insertion of a key next to the intended one (or, for an insertion, next to the key typed
    /// before or after it) on a QWERTY keyboard: `neurosxience`, `strartegy`.
    let isNeighbouringKey: Bool
    /// The letter left out or added is a hyphen: `labormarket`, `compe-tition`.
    let isHyphen: Bool

    init?(typed: [Unicode.Scalar], intended: [Unicode.Scalar]) {
        let common = zip(typed, intended).prefix { $0 == $1 }.count
        let typedRest = typed[common...]
        let intendedRest = intended[common...]
        position = common
        var isDoubling = false
        var isNeighbouringKey = false
        var isHyphen = false
        switch intended.count - typed.count {
        case 1 where typedRest.elementsEqual(intendedRest.dropFirst()):
            kind = .omission
            isHyphen = intended[common] == "-"
        case -1 where typedRest.dropFirst().elementsEqual(intendedRest):
            kind = .insertion
            let added = typed[common]
            let before = common > 0 ? typed[common - 1] : nil
            let after = common + 1 < typed.count ? typed[common + 1] : nil
            isDoubling = added == before || added == after
            isNeighbouringKey = [before, after].contains { $0.map { Self.areNeighbouringKeys(added, $0) } ?? false }
            isHyphen = added == "-"
        case 0 where !typedRest.isEmpty && typedRest.dropFirst().elementsEqual(intendedRest.dropFirst()):
            kind = .substitution
            isNeighbouringKey = Self.areNeighbouringKeys(typed[common], intended[common])
        case 0 where typedRest.count >= 2 && typedRest.first == intendedRest.dropFirst().first
            && intendedRest.first == typedRest.dropFirst().first
            && typedRest.dropFirst(2).elementsEqual(intendedRest.dropFirst(2)):
            kind = .transposition
        default:
            return nil
        }
        self.isDoubling = isDoubling
        self.isNeighbouringKey = isNeighbouringKey
        self.isHyphen = isHyphen
    }

    /// A letter left out at the very start: `rustacean` of `crustacean`. More often another word than a slip.
    var isFrontOmission: Bool { kind == .omission && position == 0 }

    /// The slips fingers make: a left-out or swapped letter, a doubled letter, a neighbouring key, a hyphen too many
    /// or too few. A different letter far from the intended key (`kanal` for `canal`, `kuba` for `kube`) or an added
    /// one (`healthz`, `amir`) is more often a name or another word.
    var isKeyboardSlip: Bool {
        switch kind {
        case .omission, .transposition: true
        case .insertion: isDoubling || isNeighbouringKey || isHyphen
        case .substitution: isNeighbouringKey
        }
    }

    private static let keyboardRows: [[Unicode.Scalar]] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"].map {
        Array($0.unicodeScalars)
    }

    /// Keys touching on a QWERTY keyboard: beside each other in a row, or diagonally in the rows above and below
    /// (each row sits about half a key to the right of the one above).
    static func areNeighbouringKeys(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        guard first != second, let a = keyPosition(first), let b = keyPosition(second) else { return false }
        switch b.row - a.row {
        case 0: return abs(b.column - a.column) == 1
        case 1: return b.column == a.column || b.column == a.column - 1
        case -1: return b.column == a.column || b.column == a.column + 1
        default: return false
        }
    }

    private static func keyPosition(_ scalar: Unicode.Scalar) -> (row: Int, column: Int)? {
        let lowered = Unicode.Scalar(scalar.properties.lowercaseMapping) ?? scalar
        for (row, keys) in keyboardRows.enumerated() {
            if let column = keys.firstIndex(of: lowered) { return (row, column) }
        }
        return nil
    }
}
