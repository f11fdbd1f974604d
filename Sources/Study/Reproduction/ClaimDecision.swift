/// A measured check under the reproduction's decision rule: a paired t test over seeds, Holm's correction across
/// every check of the reproduction, and the verdict that follows.
///
/// Per seed the effect is paired (both rows share the base, seed, split and test items), so the test is a paired t
/// test of the per-seed effects against 0, two-sided. With three seeds the bootstrap over seeds has only ten distinct
/// resamples, so an exact t interval is used rather than a bootstrap; with one seed nothing is decided.
public struct ClaimDecision: Hashable, Sendable {
    /// The family-wise level.
    public static let level = 0.05

    /// The unadjusted two-sided p-value (nil with one seed).
    public let pValue: Double?
    /// The Holm-adjusted p-value over the checks decided together (nil with one seed).
    public let adjustedPValue: Double?
    public let verdict: Verdict

    /// Decisions for `effects` (nil: not measured) as one family: Holm over those with a p-value.
    public static func decide(_ effects: [ClaimEffect?]) -> [ClaimDecision?] {
        let pValues = effects.map { $0?.comparison.pValue }
        let tested = pValues.indices.filter { pValues[$0] != nil }
        let adjusted = HolmBonferroni.adjusted(tested.map { pValues[$0]! })
        var byIndex: [Int: Double] = [:]
        for (i, index) in tested.enumerated() { byIndex[index] = adjusted[i] }
        return effects.indices.map { i in
            guard let effect = effects[i] else { return nil }
            guard let p = byIndex[i] else { return ClaimDecision(pValue: nil, adjustedPValue: nil, verdict: .inconclusive) }
            let verdict: Verdict = p <= level ? (effect.mean > 0 ? .reproduced : .contradicted) : .inconclusive
            return ClaimDecision(pValue: pValues[i], adjustedPValue: p, verdict: verdict)
        }
    }

    /// A claim's verdict from its checks' (nil: not measured): contradicted when any check is, reproduced when every
    /// check is, "reproduced where measured" when every measured one is, not measured when none is, else inconclusive.
    public static func claimVerdict(_ checks: [ClaimDecision?]) -> Verdict {
        let measured = checks.compactMap { $0 }
        if measured.isEmpty { return .notMeasured }
        if measured.contains(where: { $0.verdict == .contradicted }) { return .contradicted }
        if measured.allSatisfy({ $0.verdict == .reproduced }) { return measured.count == checks.count ? .reproduced : .reproducedWhereMeasured }
        return .inconclusive
    }
}
