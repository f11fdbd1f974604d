/// Holm's step-down correction for testing many claims at once (Holm 1979): the family-wise error stays at α.
public enum HolmBonferroni {
    /// Adjusted p-values, in the input's order: the i-th smallest p (0-based) times (m − i), made non-decreasing in
    /// that order and capped at 1. A claim is decided at level α when its adjusted p is at most α.
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { (0...1).contains($0) }, "p-values lie in [0, 1]")
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
