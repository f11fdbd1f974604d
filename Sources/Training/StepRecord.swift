/// What one optimisation step measured.
public struct StepRecord: Codable, Hashable, Sendable {
    /// 0-based step within the call.
    public let step: Int
    /// Steps the call will take.
    public let totalSteps: Int
    /// Loss that was differentiated (LM + weighted auxiliary + extra terms).
    public let loss: Float
    /// Mean cross-entropy on answer tokens.
    public let languageModelLoss: Float
    public let learningRate: Float
}
