import Report

/// Number formats of `paper-repro.md`: one decimal like the tables, signs on differences.
enum ReproductionText {
    /// "+1.2", "-0.3", "0.0".
    static func signed(_ value: Double) -> String {
        let text = MarkdownText.oneDecimal(value)
        return value > 0 && text != "0.0" ? "+" + text : text
    }

    /// "+1.2 ± 0.4" (just "+1.2" for one seed).
    static func effect(_ effect: ClaimEffect) -> String {
        effect.perSeed.count < 2 ? signed(effect.mean) : "\(signed(effect.mean)) ± \(MarkdownText.oneDecimal(effect.spread))"
    }

    /// "yes", "no", or "n/a (1 seed)".
    static func beyondNoise(_ effect: ClaimEffect) -> String {
        guard let exceeds = effect.exceedsSeedNoise else { return "n/a (1 seed)" }
        return exceeds ? "yes" : "no"
    }

    /// The value rounded, with comma thousands separators.
    static func integer(_ value: Double) -> String { MarkdownText.groupedInteger(Int(value.rounded())) }

    /// One decimal.
    static func score(_ value: Double) -> String { MarkdownText.oneDecimal(value) }
}
