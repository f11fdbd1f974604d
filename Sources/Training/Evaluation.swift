import World

/// One client's (or data set's) evaluation: the corpus score, each item's score and what the model said.
public struct Evaluation: Codable, Hashable, Sendable {
    public let task: TaskKind
    /// On the paper's scale (see `TaskMetric.score`).
    public let score: Double
    /// Per example id.
    public let perItem: [String: Double]
    /// Decoded answer per example id.
    public let predictions: [String: String]

    public init(task: TaskKind, score: Double, perItem: [String: Double], predictions: [String: String]) {
        self.task = task
        self.score = score
        self.perItem = perItem
        self.predictions = predictions
    }
}
