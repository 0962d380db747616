/// RFC 3986 `URI` (absolute, with a scheme; a fragment is allowed), checked on its bytes.
enum URIFormat {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func isURI(_ bytes: Bytes) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isScheme(bytes[bytes.startIndex..<colon]) else {
            return false
        }
        var rest = bytes[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isQueryOrFragment(rest[(hash + 1)...]) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isQueryOrFragment(rest[(question + 1)...]) else { return false }
            rest = rest[..<question]
        }
        return isHierarchicalPart(rest)
    }

    private static func isScheme(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, isAlpha(first) else { return false }
        return bytes.allSatisfy { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isHierarchicalPart(_ bytes: Bytes) -> Bool {
        let slash = UInt8(ascii: "/")
        guard bytes.count >= 2, bytes[bytes.startIndex] == slash, bytes[bytes.startIndex + 1] == slash else {
            // path-absolute, path-rootless or path-empty: `//` was handled above, so any run of segments will do.
            return isPath(bytes)
        }
        let afterSlashes = bytes.startIndex + 2
        let authorityEnd = bytes[afterSlashes...].firstIndex(of: slash) ?? bytes.endIndex
        return isAuthority(bytes[afterSlashes..<authorityEnd]) && isPath(bytes[authorityEnd...])
    }

    private static func isAuthority(_ bytes: Bytes) -> Bool {
        var hostAndPort = bytes
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            guard isRun(bytes[bytes.startIndex..<at], allowing: { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }) else {
                return false
            }
            hostAndPort = bytes[(at + 1)...]
        }
        var port: Bytes
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")),
                isIPLiteral(hostAndPort[(hostAndPort.startIndex + 1)..<close])
            else { return false }
            port = hostAndPort[(close + 1)...]
        } else {
            let colon = hostAndPort.firstIndex(of: UInt8(ascii: ":")) ?? hostAndPort.endIndex
            guard isRun(hostAndPort[hostAndPort.startIndex..<colon], allowing: { isUnreserved($0) || isSubDelimiter($0) }) else {
                return false
            }
            port = hostAndPort[colon...]
        }
        guard let first = port.first else { return true }
        guard first == UInt8(ascii: ":") else { return false }
        port = port.dropFirst()
        return port.allSatisfy(isDigit)
    }

    private static func isPath(_ bytes: Bytes) -> Bool {
        isRun(bytes) { isPathCharacter($0) || $0 == UInt8(ascii: "/") }
    }

    private static func isQueryOrFragment(_ bytes: Bytes) -> Bool {
        isRun(bytes) { isPathCharacter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
    }

    /// Every byte allowed, or a `%` followed by two hex digits.
    private static func isRun(_ bytes: Bytes, allowing isAllowed: (UInt8) -> Bool) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2])
                else { return false }
                index += 3
            } else {
                guard isAllowed(byte) else { return false }
                index += 1
            }
        }
        return true
    }

    // MARK: IP literals

    private static func isIPLiteral(_ bytes: Bytes) -> Bool {
        if let first = bytes.first, first | 0x20 == UInt8(ascii: "v") {
            // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > bytes.startIndex + 1, dot + 1 < bytes.endIndex else {
                return false
            }
            return bytes[(bytes.startIndex + 1)..<dot].allSatisfy(isHexDigit)
                && bytes[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
        }
        return isIPv6(bytes)
    }

    /// Eight groups of up to four hex digits, the last two of which may be written as an IPv4 address, with at
    /// most one `::` standing for one or more groups of zeros.
    static func isIPv6(_ bytes: Bytes) -> Bool {
        let colon = UInt8(ascii: ":")
        var elision: Int?
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == colon, bytes[index + 1] == colon {
                guard elision == nil else { return false }
                elision = index
                index += 2
            } else {
                index += 1
            }
        }
        var groups: [Bytes] = []
        func appendGroups(_ part: Bytes) -> Bool {
            guard !part.isEmpty else { return true }
            for group in part.split(separator: colon, omittingEmptySubsequences: false) {
                guard !group.isEmpty else { return false }
                groups.append(group)
            }
            return true
        }
        if let elision {
            guard appendGroups(bytes[bytes.startIndex..<elision]) else { return false }
            let headCount = groups.count
            guard appendGroups(bytes[(elision + 2)...]) else { return false }
            // An IPv4 tail must come after the `::`, not before it.
            if groups.count == headCount, groups.last?.contains(UInt8(ascii: ".")) == true { return false }
        } else {
            guard appendGroups(bytes) else { return false }
        }
        var count = 0
        for (position, group) in groups.enumerated() {
            if position == groups.count - 1, group.contains(UInt8(ascii: ".")) {
                guard isIPv4(group) else { return false }
                count += 2
            } else {
                guard group.count <= 4, group.allSatisfy(isHexDigit) else { return false }
                count += 1
            }
        }
        return elision == nil ? count == 8 : count <= 7
    }

    /// Dotted decimal, each part 0…255 without leading zeros.
    static func isIPv4(_ bytes: Bytes) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            if part.count > 1, part.first == UInt8(ascii: "0") { return false }
            return part.reduce(0) { $0 * 10 + Int($1 - 0x30) } <= 255
        }
    }

    // MARK: Character classes

    private static func isAlpha(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~")
    }

    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelimiter(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
    }
}
