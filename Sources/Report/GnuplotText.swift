import Foundation

/// Locale-independent number and string formats for gnuplot scripts and data files.
enum GnuplotText {
    /// `%.6g`, with a negative zero printed as `0`.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.6g", value)
        return text == "-0" ? "0" : text
    }

    /// A single-quoted gnuplot string: quotes doubled, line breaks as spaces (backslashes stay literal).
    static func quoted(_ text: String) -> String {
        "'" + singleLine(text).replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A double-quoted data-file column: gnuplot cannot escape `"` there, so it becomes `'`.
    static func dataString(_ text: String) -> String {
        "\"" + singleLine(text).replacingOccurrences(of: "\"", with: "'") + "\""
    }

    /// `text` on one line: line breaks and tabs become spaces.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
