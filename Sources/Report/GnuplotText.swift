import Foundation

/// Locale-independent number and string formats for gnuplot scripts and data files.
enum GnuplotText {
    /// `%.6g`, with a negative zero printed as `0`.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.6g", value)
        return text == "-0" ? "0" : text
    }

    /// A short axis label: `%.6g` below 10,000, else three significant digits and k, M or G (2359296 → `2.36M`).
    static func compact(_ value: Double) -> String {
        for (unit, suffix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where abs(value) >= unit && abs(value) >= 10_000 {
            return String(format: "%.3g", value / unit) + suffix
        }
        return number(value)
    }

    /// A single-quoted gnuplot string: quotes doubled, line breaks as spaces (backslashes stay literal).
    static func quoted(_ text: String) -> String {
        "'" + singleLine(text).replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A double-quoted data-file column: gnuplot reads `\\` there as one backslash and cannot escape
    /// `"`, so backslashes are doubled and `"` becomes `'`.
    static func dataString(_ text: String) -> String {
        let escaped = singleLine(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "'")
        return "\"" + escaped + "\""
    }

    /// `text` on one line: line breaks and tabs become spaces.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
