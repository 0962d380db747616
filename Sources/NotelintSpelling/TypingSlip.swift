/// The single typing slip that turns an intended word into a typed one, if there is exactly one.
enum TypingSlip: Sendable, Equatable {
    /// A letter left out: `stratgy` for `strategy`.
    case omission
    /// Two neighbouring letters swapped: `histroy` for `history`.
    case transposition
    /// One letter replaced by another: `neurosciense` for `neuroscience`.
    case substitution
    /// One letter too many: `strategey` for `strategy`.
    case insertion

    init?(typed: [Unicode.Scalar], intended: [Unicode.Scalar]) {
        let common = zip(typed, intended).prefix { $0 == $1 }.count
        let typedRest = typed[common...]
        let intendedRest = intended[common...]
        switch intended.count - typed.count {
        case 1 where typedRest.elementsEqual(intendedRest.dropFirst()):
            self = .omission
        case -1 where typedRest.dropFirst().elementsEqual(intendedRest):
            self = .insertion
        case 0 where !typedRest.isEmpty && typedRest.dropFirst().elementsEqual(intendedRest.dropFirst()):
            self = .substitution
        case 0 where typedRest.count >= 2 && typedRest.first == intendedRest.dropFirst().first
            && intendedRest.first == typedRest.dropFirst().first
            && typedRest.dropFirst(2).elementsEqual(intendedRest.dropFirst(2)):
            self = .transposition
        default:
            return nil
        }
    }
}
