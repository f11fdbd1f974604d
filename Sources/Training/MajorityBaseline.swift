import World

/// The chance level of a task, measured: always give the training set's most frequent answer.
public enum MajorityBaseline {
    /// The most frequent training answer (ties: the first in sorted order, so the result is deterministic).
    public static func answer(of train: [Example]) -> String {
        let counts = Dictionary(grouping: train.map(\.answer), by: { $0 }).mapValues(\.count)
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
    }

    /// The score of answering every test example with the majority training answer.
    public static func evaluate(train: [Example], test: [Example]) -> Evaluation {
        precondition(!train.isEmpty && !test.isEmpty, "the majority baseline needs training and test examples")
        let guess = answer(of: train)
        let predictions = Dictionary(uniqueKeysWithValues: test.map { ($0.id, guess) })
        let references = Dictionary(uniqueKeysWithValues: test.map { ($0.id, $0.references) })
        let (score, perItem) = TaskMetric.score(test[0].task, predictions: predictions, references: references)
        return Evaluation(task: test[0].task, score: score, perItem: perItem, predictions: predictions)
    }
}
