import Foundation

/// Locale-independent number formats and escaping for markdown table cells.
public enum MarkdownText {
    /// `mean ± std` with one decimal each, or just the mean for a single value; `non-finite` for NaN or infinity.
    public static func statistic(_ statistic: Statistic) -> String {
        guard statistic.isFinite else { return "non-finite" }
        let mean = oneDecimal(statistic.mean)
        return statistic.values.count == 1 ? mean : "\(mean) ± \(oneDecimal(statistic.standardDeviation))"
    }

    /// `%.1f`, without the minus sign of a value that rounds to zero.
    public static func oneDecimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }

    /// The integer with a comma every three digits: 1234567 → `1,234,567`.
    public static func groupedInteger(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// Text safe inside a table cell: markdown's emphasis, code and pipe characters escaped, line breaks as spaces.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`": result += "\\" + String(character)
            case "\n", "\r", "\r\n", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
