/// What the decision rule concludes about a check or a claim.
public enum Verdict: String, Hashable, Sendable {
    /// The paired interval lies above 0 after Holm's correction: the paper's direction holds.
    case reproduced
    /// It lies below 0: the opposite direction holds.
    case contradicted
    /// Neither: the design cannot tell (too few seeds, too much spread, or one seed only).
    case inconclusive
    /// The study was not rendered, or a row or cost is missing.
    case notMeasured = "not measured"
    /// Some checks reproduced and none contradicted, but some were not measured (claims only).
    case reproducedWhereMeasured = "reproduced where measured"
}
