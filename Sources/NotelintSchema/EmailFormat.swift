/// RFC 5321 `Mailbox` (the address alone, no display name), checked on its bytes: a dot-atom or quoted local
/// part, `@`, then a domain name or an address literal (`[127.0.0.1]`, `[IPv6:::1]`).
public enum EmailFormat {
    typealias Bytes = URIFormat.Bytes

    /// Whether `text` is what `format: email` accepts.
    public static func isEmail(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isEmail($0[...]) }
    }

    static func isEmail(_ bytes: Bytes) -> Bool {
        guard let at = endOfLocalPart(bytes), at < bytes.endIndex, bytes[at] == UInt8(ascii: "@") else { return false }
        let domain = bytes[(at + 1)...]
        if domain.first == UInt8(ascii: "[") {
            guard domain.count > 2, domain.last == UInt8(ascii: "]") else { return false }
            let literal = domain.dropFirst().dropLast()
            let tag = Array("IPv6:".utf8)
            if literal.starts(with: tag) { return URIFormat.isIPv6(literal.dropFirst(tag.count)) }
            return URIFormat.isIPv4(literal)
        }
        return isDomain(domain)
    }

    /// Where the local part ends (the index of its `@`), or nil when it is not one.
    private static func endOfLocalPart(_ bytes: Bytes) -> Int? {
        var index = bytes.startIndex
        if bytes.first == UInt8(ascii: "\"") {
            index += 1
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { return index + 1 }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.endIndex, (32...126).contains(bytes[index + 1]) else { return nil }
                    index += 2
                    continue
                }
                guard (32...126).contains(byte) else { return nil }
                index += 1
            }
            return nil
        }
        // A dot-atom: atoms of `atext` joined by single dots.
        var atomLength = 0
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: "@") {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard atomLength > 0 else { return nil }
                atomLength = 0
            } else {
                guard isAtomText(byte) else { return nil }
                atomLength += 1
            }
            index += 1
        }
        return atomLength > 0 ? index : nil
    }

    /// Labels of letters, digits and inner hyphens, 1 to 63 bytes each, joined by dots; 253 bytes at most.
    private static func isDomain(_ bytes: Bytes) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else {
                return false
            }
            return label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// RFC 5322 `atext`.
    private static func isAtomText(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}
