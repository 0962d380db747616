/// A unified diff (`diff -u` style, 3 lines of context) of a file before and after fixing.
public enum UnifiedDiff {
    public static func render(path: String, original: [UInt8], fixed: [UInt8]) -> String {
        let old = lines(original)
        let new = lines(fixed)
        // Fixes touch the front matter only: trim the common head and tail before the quadratic part.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let oldMiddle = Array(old[head..<(old.count - tail)])
        let newMiddle = Array(new[head..<(new.count - tail)])
        var operations: [(Character, String)] = []
        for line in old[max(0, head - 3)..<head] { operations.append((" ", line)) }
        operations += editScript(oldMiddle, newMiddle)
        for line in old[(old.count - tail)..<min(old.count, old.count - tail + 3)] { operations.append((" ", line)) }
        let context = min(3, head)
        let oldStart = head - context + 1
        let newStart = head - context + 1
        let oldCount = operations.filter { $0.0 != "+" }.count
        let newCount = operations.filter { $0.0 != "-" }.count
        var out = "--- \(path)\n+++ \(path)\n@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for (mark, line) in operations {
            out += String(mark) + visible(line) + "\n"
            if line.utf8.last != 0x0A { out += "\\ No newline at end of file\n" }
        }
        return out
    }

    /// Lines with their line breaks kept, so that a CRLF change shows.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    /// The line without its LF; a CR before it stays, as `diff -u` shows it. (Compared by bytes: to `String`,
    /// CRLF is one character, which neither `hasSuffix("\n")` nor `removeLast()` would split.)
    private static func visible(_ line: String) -> String {
        guard line.utf8.last == 0x0A else { return line }
        return String(decoding: line.utf8.dropLast(), as: UTF8.self)
    }

    /// Longest-common-subsequence edit script; the changed middle is small.
    private static func editScript(_ a: [String], _ b: [String]) -> [(Character, String)] {
        let n = a.count
        let m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var operations: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                operations.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                operations.append(("-", a[i]))
                i += 1
            } else {
                operations.append(("+", b[j]))
                j += 1
            }
        }
        return operations
    }
}
