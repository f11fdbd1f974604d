import Study
import World

/// One of the paper's tables and the study of ours that reproduces it.
public struct PaperTable: Hashable, Sendable {
    /// Our study's name (`table1`).
    public let study: String
    /// The paper's name for it ("Table 1").
    public let name: String
    public let caption: String
    /// The scenario its clients hold.
    public let scenario: StudyScenario
    /// Per client or per task, and cost columns.
    public let layout: Table
    /// The rows in the paper's order.
    public let rows: [PaperRow]

    /// A table of the paper reproduced by `study`.
    public init(study: String, name: String, caption: String, scenario: StudyScenario, layout: Table, rows: [PaperRow]) {
        self.study = study
        self.name = name
        self.caption = caption
        self.scenario = scenario
        self.layout = layout
        self.rows = rows
    }

    /// The paper's row that our row `label` reproduces.
    public func row(forStudyRow label: String) -> PaperRow? { rows.first { $0.studyRow == label } }
}
