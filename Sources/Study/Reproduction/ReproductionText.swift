import Foundation
import Report

/// Number formats of `paper-repro.md`: one decimal like the tables, signs on differences.
public enum ReproductionText {
    /// "+1.2", "-0.3", "0.0".
    public static func signed(_ value: Double) -> String {
        let text = MarkdownText.oneDecimal(value)
        return value > 0 && text != "0.0" ? "+" + text : text
    }

    /// "+1.2 ± 0.4" (just "+1.2" for one seed).
    public static func effect(_ effect: ClaimEffect) -> String {
        effect.perSeed.count < 2 ? signed(effect.mean) : "\(signed(effect.mean)) ± \(MarkdownText.oneDecimal(effect.spread))"
    }

    /// A probability with two decimals ("0.67").
    public static func probability(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A p-value with three decimals ("0.050"), or "< 0.001" (also for 0, an effect without spread), so that one just
    /// above 0.05 never reads as 0.05.
    public static func pValue(_ value: Double) -> String {
        value < 0.0005 ? "< 0.001" : String(format: "%.3f", value)
    }

    /// The value rounded, with comma thousands separators.
    public static func integer(_ value: Double) -> String { MarkdownText.groupedInteger(Int(value.rounded())) }

    /// One decimal.
    public static func score(_ value: Double) -> String { MarkdownText.oneDecimal(value) }
}
