import Study
import Report

extension PaperTable {
    /// The paper's rows beside ours, laid out like our study's table: for every row of the study, the
    /// paper's row it maps to ("FedAvg (paper)") and ours ("FedAvg (ours)", mean ± std over seeds).
    /// Without results (the study was not rendered) only the paper's rows, in the paper's layout.
    public func comparison(with results: StudyResults?) -> MarkdownTable {
        let layout = results?.study.tables.first ?? self.layout
        let scenario = results?.study.scenario ?? self.scenario
        let groups = StudyResults.columnGroups(layout, scenario: scenario)
        let ours = results.map { $0.markdownTable(layout) }
        var rows: [MarkdownTable.Row] = []
        var shown: Set<String> = []
        for row in ours?.rows ?? [] {
            if let paper = self.row(forStudyRow: row.label) {
                rows.append(paperRow(paper, layout: layout, scenario: scenario))
                shown.insert(paper.paperLabel)
            }
            rows.append(MarkdownTable.Row(label: "\(row.label) (ours)", cells: row.cells, isReference: row.isReference))
        }
        for paper in self.rows where !shown.contains(paper.paperLabel) {
            rows.append(paperRow(paper, layout: layout, scenario: scenario))
        }
        let paperNote = "Paper: single runs as printed" + (layout.layout == .perClient ? " (its avg is the mean of its three clients, computed here)" : "") + "."
        let oursNote = ours.map { "Ours: \($0.caption)" } ?? "Ours: not measured (study \(study) was not rendered)."
        return MarkdownTable(title: "\(name): \(caption) — the paper beside study \(study)", caption: paperNote + " " + oursNote,
                             groups: groups, rows: rows, boldBest: false)
    }

    /// The paper's `row` in the columns of `layout` on `scenario`; clients only when the study has the paper's three per task.
    func paperRow(_ row: PaperRow, layout: Table, scenario: StudyScenario) -> MarkdownTable.Row {
        let perTask = row.scores.taskAverages(clientsPerTask: 3)
        var cells: [MarkdownTable.Cell] = []
        for task in scenario.tasks {
            let index = self.scenario.tasks.firstIndex(of: task)
            let average = index.map { MarkdownTable.Cell.statistic(Statistic([perTask[$0]])) } ?? .missing
            switch layout.layout {
            case .perTask, .validation:
                cells.append(average)
            case .perClient:
                var clients = Array(repeating: MarkdownTable.Cell.missing, count: scenario.clientsPerTask)
                if case let .perClient(values) = row.scores, let index, scenario.clientsPerTask == 3 {
                    clients = values[(3 * index)..<(3 * index + 3)].map { .statistic(Statistic([$0])) }
                }
                cells += clients + [average]
            }
        }
        cells += layout.costs.map { measure in row.costs.first { $0.measure == measure }.map { .text($0.printed) } ?? .missing }
        return MarkdownTable.Row(label: "\(row.paperLabel) (paper)", cells: cells, isReference: row.isReference)
    }
}
