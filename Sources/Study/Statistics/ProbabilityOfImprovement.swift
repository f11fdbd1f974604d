/// rliable's probability of improvement: P(X > Y) + ½ P(X = Y) for one draw of X from `x` and one of Y from `y`,
/// i.e. the Mann–Whitney U statistic over n · m.
public enum ProbabilityOfImprovement {
    /// The probability that a value of `x` beats a value of `y` (ties count one half); nil when either is empty.
    public static func value(_ x: [Double], over y: [Double]) -> Double? {
        guard !x.isEmpty, !y.isEmpty else { return nil }
        var wins = 0.0
        for a in x { for b in y { wins += a > b ? 1 : a == b ? 0.5 : 0 } }
        return wins / Double(x.count * y.count)
    }
}
