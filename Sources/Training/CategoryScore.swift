import World

/// One question type's (or scene style's) share of an evaluation: which parts of a task a model has learnt.
public struct CategoryScore: Codable, Hashable, Sendable {
    /// The category's name (`TaskGenerator.categories`).
    public let name: String
    /// Test items of the category.
    public let count: Int
    /// The mean per-item score of those items, on the task's scale (accuracy in %, CIDEr × 100).
    public let score: Double

    public init(name: String, count: Int, score: Double) {
        self.name = name
        self.count = count
        self.score = score
    }

    /// `evaluation` of `examples` split by their categories, in the generator's order; categories without items are left out.
    ///
    /// Every task's corpus score is the mean of its per-item scores (CIDEr-D's too, with idf from the
    /// whole evaluated corpus), so the categories' scores weighted by their counts give the task's score.
    /// - Precondition: `evaluation` scored every example.
    public static func breakdown(of evaluation: Evaluation, examples: [Example]) -> [CategoryScore] {
        let names = evaluation.task.generator.categories
        let grouped = Dictionary(grouping: examples, by: \.category)
        return names.indices.compactMap { category in
            guard let items = grouped[category] else { return nil }
            let total = items.reduce(0.0) { sum, example in
                guard let score = evaluation.perItem[example.id] else { preconditionFailure("\(example.id) was not evaluated") }
                return sum + score
            }
            return CategoryScore(name: names[category], count: items.count, score: 100 * total / Double(items.count))
        }
    }
}
