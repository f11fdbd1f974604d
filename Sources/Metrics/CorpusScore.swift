/// A score over a whole evaluation set together with the score of each item, keyed by item id.
public struct CorpusScore<Value> {
    /// The score of the whole set (for BLEU the corpus-level score, not a mean of `perItem`).
    public let score: Value
    public let perItem: [String: Value]

    public init(score: Value, perItem: [String: Value]) {
        self.score = score
        self.perItem = perItem
    }
}

extension CorpusScore: Equatable where Value: Equatable {}

extension CorpusScore where Value == Double {
    /// The mean of the per-item scores as the corpus score, summed in sorted-id order.
    init(meanOf perItem: [String: Double]) {
        precondition(!perItem.isEmpty, "a corpus score needs at least one item")
        let total = perItem.keys.sorted().reduce(0.0) { $0 + perItem[$1]! }
        self.init(score: total / Double(perItem.count), perItem: perItem)
    }

    /// Accuracy: 1 for an item `isCorrect` accepts, 0 otherwise, and their mean.
    static func accuracy<Reference>(predictions: [String: String], references: [String: Reference],
                                    isCorrect: (String, Reference) -> Bool) -> CorpusScore<Double> {
        requireSameIDs(predictions, references)
        var perItem: [String: Double] = [:]
        for (id, prediction) in predictions { perItem[id] = isCorrect(prediction, references[id]!) ? 1 : 0 }
        return CorpusScore(meanOf: perItem)
    }
}

/// Stops the program when `predictions` and `references` are not keyed by the same ids (a caller bug:
/// `ScoreInput` reports it to the user as an input error before any scoring).
func requireSameIDs<P, R>(_ predictions: [String: P], _ references: [String: R]) {
    precondition(!predictions.isEmpty, "nothing to score")
    precondition(Set(predictions.keys) == Set(references.keys), "predictions and references must have the same ids")
}
