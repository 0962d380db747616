/// A string compared and hashed by its Unicode scalars. Swift's `String` equality treats canonically equivalent
/// strings as equal ("ä" and "a" + U+0308), JSON does not, and neither should key lookups.
struct ExactString: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.text.isExactlyEqual(to: rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    /// Equality of Unicode scalars, as JSON compares strings.
    func isExactlyEqual(to other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var left = self
        var right = other
        return left.withUTF8 { leftBytes in right.withUTF8 { leftBytes.elementsEqual($0) } }
    }
}
