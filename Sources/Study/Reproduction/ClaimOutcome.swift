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

    /// The verdict of this check decided alone (a family of one: no correction); `paper-repro.md` decides every
    /// check of the reproduction together (`ClaimDecision.decide`).
    public var verdict: Verdict { ClaimDecision.decide([effect]).first!?.verdict ?? .notMeasured }
}
