import NotelintLoader

/// Resolves `$ref` values within one schema document: JSON pointers in the URI fragment (`#`, `#/$defs/name`,
/// `#/properties/a~1b`), optionally prefixed with the document's own `$id`.
struct SchemaReference {
    let documentRoot: YAMLNode
    /// The root's `$id` without fragment, under which the document may refer to itself.
    let documentID: String?

    enum Failure: Error {
        case external(String)
        case anchor(String)
        case missing
    }

    /// The target, and the `$id` of the nearest subschema above it that has one (the root's excepted).
    func resolve(_ reference: String) throws(Failure) -> (node: YAMLNode, embeddedID: String?) {
        let base: Substring
        let fragment: Substring?
        if let hash = reference.firstIndex(of: "#") {
            base = reference[..<hash]
            fragment = reference[reference.index(after: hash)...]
        } else {
            base = reference[...]
            fragment = nil
        }
        if !base.isEmpty, base != documentID.map({ Substring($0) }) {
            throw .external(String(base))
        }
        let pointer = Self.percentDecoded(fragment ?? "")
        if pointer.isEmpty { return (documentRoot, nil) }
        guard pointer.hasPrefix("/") else { throw .anchor(pointer) }
        var node = documentRoot.dereferenced
        var embeddedID: String?
        for escaped in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if node !== documentRoot.dereferenced, node.pairs != nil, let id = node["$id"]?.dereferenced.scalar?.text {
                embeddedID = id
            }
            let token = Self.unescaped(escaped)
            switch node.content {
            case .mapping(let pairs, _):
                guard let pair = pairs.first(where: { $0.key.dereferenced.scalar?.text.isExactlyEqual(to: token) == true }) else {
                    throw .missing
                }
                node = pair.value.dereferenced
            case .sequence(let items, _):
                guard let index = Self.arrayIndex(token), index < items.count else { throw .missing }
                node = items[index].dereferenced
            default:
                throw .missing
            }
        }
        // The target's own `$id` is the compiler's to see, as for any subschema.
        return (node, embeddedID)
    }

    /// `~1` is `/` and `~0` is `~`; decoding both in one pass keeps `~01` as `~1`.
    static func unescaped(_ token: Substring) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        var bytes: [UInt8] = []
        var utf8 = Array(token.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "~"), let next = utf8.first, next == UInt8(ascii: "0") || next == UInt8(ascii: "1") {
                bytes.append(next == UInt8(ascii: "0") ? UInt8(ascii: "~") : UInt8(ascii: "/"))
                utf8 = utf8.dropFirst()
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A pointer's array index: digits without leading zeros.
    static func arrayIndex(_ token: String) -> Int? {
        let bytes = token.utf8
        guard let first = bytes.first, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if first == 0x30, bytes.count > 1 { return nil }
        return Int(token)
    }

    /// URI fragments percent-encode what is not allowed in them (`%25` for `%`, `%22` for `"`).
    static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
