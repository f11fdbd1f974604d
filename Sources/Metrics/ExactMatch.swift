/// Exact-match accuracy over normalised answers (GQA-style).
public enum ExactMatch {
    /// Whether `prediction` equals any of `references` once both are normalised with `AnswerNormalizer`.
    public static func isCorrect(_ prediction: String, references: [String]) -> Bool {
        let normalized = AnswerNormalizer.normalize(prediction)
        return references.contains { AnswerNormalizer.normalize($0) == normalized }
    }

    /// The fraction of items answered correctly, and 1 or 0 per item.
    ///
    /// - Precondition: `predictions` and `references` have the same ids, and there is at least one.
    public static func score(predictions: [String: String], references: [String: [String]]) -> CorpusScore<Double> {
        CorpusScore.accuracy(predictions: predictions, references: references, isCorrect: isCorrect)
    }
}
