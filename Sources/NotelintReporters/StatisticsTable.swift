import NotelintCore

/// `--statistics`: findings per rule, most frequent first, with how many `--fix` (and `--unsafe-fixes`) would fix.
public enum StatisticsTable {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var rows: [String: (count: Int, safe: Int, unsafe: Int, severity: Severity)] = [:]
        for diagnostic in diagnostics {
            var row = rows[diagnostic.ruleID] ?? (0, 0, 0, diagnostic.severity)
            row.count += 1
            if diagnostic.fix?.applicability == .safe { row.safe += 1 }
            if diagnostic.fix?.applicability == .unsafe { row.unsafe += 1 }
            row.severity = max(row.severity, diagnostic.severity)
            rows[diagnostic.ruleID] = row
        }
        let sorted = rows.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        let width = max(4, sorted.map(\.key.count).max() ?? 0)
        var out = "rule".padding(to: width) + "  count  fixable  unsafe  severity\n"
        for (rule, row) in sorted {
            out += rule.padding(to: width)
                + "  " + String(row.count).leftPadded(to: 5)
                + "  " + String(row.safe).leftPadded(to: 7)
                + "  " + String(row.unsafe).leftPadded(to: 6)
                + "  " + row.severity.rawValue + "\n"
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
