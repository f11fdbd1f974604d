import Foundation

/// A learning rate as a function of the step: linear warm-up, then constant, linear or cosine decay.
public struct LearningRateSchedule: Codable, Hashable, Sendable {
    /// What happens after warm-up.
    public enum Decay: String, Codable, Hashable, Sendable {
        /// Stay at the base rate.
        case constant
        /// Fall linearly to `minimumFactor · base` at the last step.
        case linear
        /// Follow half a cosine down to `minimumFactor · base` at the last step.
        case cosine
    }

    /// The peak rate.
    public var base: Float
    /// Steps of linear warm-up from base/warmup to base.
    public var warmupSteps: Int
    public var decay: Decay
    /// The final rate as a fraction of `base`.
    public var minimumFactor: Float

    /// A schedule; by default constant with no warm-up.
    public init(base: Float, warmupSteps: Int = 0, decay: Decay = .constant, minimumFactor: Float = 0) {
        self.base = base
        self.warmupSteps = warmupSteps
        self.decay = decay
        self.minimumFactor = minimumFactor
    }

    /// The rate for step `step` (0-based) of `totalSteps`.
    public func rate(step: Int, totalSteps: Int) -> Float {
        if step < warmupSteps { return base * Float(step + 1) / Float(warmupSteps) }
        let span = max(totalSteps - warmupSteps - 1, 1)
        let progress = min(max(Float(step - warmupSteps) / Float(span), 0), 1)
        switch decay {
        case .constant: return base
        case .linear: return base * (1 - (1 - minimumFactor) * progress)
        case .cosine: return base * (minimumFactor + (1 - minimumFactor) * 0.5 * (1 + cosf(Float.pi * progress)))
        }
    }
}
