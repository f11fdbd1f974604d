/// FedDPA's λ, the local adapter's share in a dual LoRA: one weight for the whole batch, or one per row.
///
/// A dual `LoRALinear` adds (α/r)·((1 − λ)·Δ_global + λ·Δ_local). Training mixes with one λ; at
/// inference FedDPA gives every test instance its own λ (`perRow`, one per sequence of the batch).
public enum LocalWeight: Hashable, Sendable, ExpressibleByFloatLiteral {
    /// The same λ for every row.
    case uniform(Float)
    /// λ for each row of the leading (batch) axis.
    case perRow([Float])

    /// A uniform weight written as a number.
    public init(floatLiteral value: Float) { self = .uniform(value) }

    /// The weight of row `b`.
    public func weight(ofRow b: Int) -> Float {
        switch self {
        case let .uniform(w): return w
        case let .perRow(w): return w[b]
        }
    }
}
