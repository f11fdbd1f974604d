/// The markdown table a study renders (`table.md`), laid out like the paper's.
public struct Table: StudyComponent, Hashable, Sendable {
    /// How rows are broken down into columns.
    public enum Layout: String, Codable, Hashable, Sendable {
        /// One column per client, grouped by task, with per-task averages (Tables 1–2).
        case perClient
        /// One column per task: the average over that task's clients (Tables 3–6).
        case perTask
        /// A tuning study's grid: validation scores per task, the normalised mean settings are selected by, the choice.
        case validation
    }

    /// The columns' breakdown.
    public var layout: Layout
    /// Cost columns after the scores (Table 4's AP and CP).
    public var costs: [CostMeasure]

    public init(_ layout: Layout, costs: [CostMeasure] = []) {
        self.layout = layout
        self.costs = costs
    }

    public var parts: [StudyPart] { [.table(self)] }
}
