/// What a check found.
public enum ClaimOutcome: Hashable, Sendable {
    /// Measured: the effect over seeds, and a sentence of supporting numbers.
    case measured(ClaimEffect, detail: String)
    /// Not measured, and why (the study was not rendered, a row is missing, a cost is not recorded).
    case notMeasured(String)

    /// The effect, when measured.
    public var effect: ClaimEffect? {
        if case let .measured(effect, _) = self { return effect }
        return nil
    }

    /// "reproduced", "within seed noise" (the claim's direction on average, but |mean| ≤ std over seeds),
    /// "not reproduced" or "not measured".
    public var verdict: String {
        guard let effect else { return "not measured" }
        if !effect.supportsClaim { return "not reproduced" }
        return effect.exceedsSeedNoise == false ? ClaimOutcome.withinNoise : "reproduced"
    }

    /// The verdict of an effect in the claim's direction that does not stand out of seed noise.
    public static let withinNoise = "within seed noise"
}
