/// How one claim is measured on one study's results; every effect is oriented so that a positive value supports the claim.
public enum ClaimTest: Hashable, Sendable {
    /// `better`'s score above `worse`'s; per seed, the mean over tasks of the task averages.
    case rowAbove(better: String, worse: String)
    /// `row` above each of `rivals` on every client; the effect is the client × rival pair with the smallest mean margin.
    case aboveEveryRivalOnEveryClient(row: String, rivals: [String])
    /// `row` above every other compared row (mean over tasks); the effect is against the closest one.
    case bestRow(String)
    /// `higher`'s cost above `lower`'s, per client.
    case costAbove(higher: String, lower: String, measure: CostMeasure)

    /// What the effect is, for a reader: "Local − FedAvg, mean over tasks".
    public var effectDescription: String {
        switch self {
        case let .rowAbove(better, worse): return "\(better) − \(worse), mean over tasks"
        case let .aboveEveryRivalOnEveryClient(row, _): return "\(row) − baseline on the closest client × baseline pair"
        case let .bestRow(row): return "\(row) − the closest other row, mean over tasks"
        case let .costAbove(higher, lower, measure): return "\(measure.rawValue) of \(higher) − \(lower), floats per client"
        }
    }

    /// The row labels the test reads.
    public var rowLabels: [String] {
        switch self {
        case let .rowAbove(better, worse): return [better, worse]
        case let .aboveEveryRivalOnEveryClient(row, rivals): return [row] + rivals
        case let .bestRow(row): return [row]
        case let .costAbove(higher, lower, _): return [higher, lower]
        }
    }
}
