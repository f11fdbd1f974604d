import Study

/// One row of one of the paper's tables, and the row of our study it corresponds to.
public struct PaperRow: Hashable, Sendable {
    /// The row's wording in the paper ("Local training", "Pilot (=5)"; Table 3's unlabeled check-mark rows get descriptive names).
    public let paperLabel: String
    /// The label of our study's row that runs the same method ("Local", "Pilot (k = 5)").
    public let studyRow: String
    /// The printed scores.
    public let scores: PaperScores
    /// Table 4's AP and CP.
    public let costs: [PaperCost]
    /// A reference row (centralized training), not a contender.
    public let isReference: Bool

    /// A row the paper labels `paperLabel`, which our study calls `studyRow` (the same by default).
    public init(_ paperLabel: String, as studyRow: String? = nil, _ scores: PaperScores, costs: [PaperCost] = [], isReference: Bool = false) {
        self.paperLabel = paperLabel
        self.studyRow = studyRow ?? paperLabel
        self.scores = scores
        self.costs = costs
        self.isReference = isReference
    }
}
