import Report
import Training
import World

extension StudyResults {
    /// `table` filled with these results, laid out like the paper's (per client grouped by task, or per task), with its cost
    /// columns; a tuning study's grid with the chance levels of `facts`.
    public func markdownTable(_ table: Table, facts: ReproductionFacts? = nil) -> MarkdownTable {
        if table.layout == .validation { return tuningTable(chance: facts?.validationChance[study.scenario] ?? [:]) }
        let tasks = study.scenario.tasks
        let groups = Self.columnGroups(table, scenario: study.scenario)
        let rows = study.rows.indices.map { r -> MarkdownTable.Row in
            var cells: [MarkdownTable.Cell] = []
            switch table.layout {
            case .perClient:
                for task in tasks {
                    cells += clientScores(row: r, clients: clients(of: [task])).map { .statistic($0) }
                    cells.append(.statistic(Statistic(taskMeans(row: r, task: task))))
                }
            case .perTask, .validation:
                cells = taskScores(row: r, tasks: tasks).map { .statistic($0) }
            }
            cells += table.costs.map { measure in cost(measure, row: r).map { .integer(Int($0.mean.rounded())) } ?? .missing }
            return MarkdownTable.Row(label: study.rows[r].label, cells: cells, isReference: study.rows[r].isReference)
        }
        return MarkdownTable(title: study.title, caption: caption(costs: table.costs), groups: groups, rows: rows)
    }

    /// The columns of `table` on `scenario`: per task a group of its clients and "avg", or one column per task; then the costs.
    public static func columnGroups(_ table: Table, scenario: StudyScenario) -> [MarkdownTable.ColumnGroup] {
        let names = scenario.clientNames, owners = scenario.clientTasks
        var groups: [MarkdownTable.ColumnGroup]
        switch table.layout {
        case .perClient:
            groups = scenario.tasks.map { task in
                MarkdownTable.ColumnGroup(title: heading(task), columns: names.indices.filter { owners[$0] == task }.map { names[$0] } + ["avg"])
            }
        case .perTask, .validation:
            groups = [MarkdownTable.ColumnGroup(title: "", columns: scenario.tasks.map(heading))]
        }
        if !table.costs.isEmpty { groups.append(MarkdownTable.ColumnGroup(title: "per client", columns: table.costs.map(\.rawValue))) }
        return groups
    }

    /// "GQA (accuracy)".
    static func heading(_ task: TaskKind) -> String { "\(task.paperName) (\(TaskMetric.name(of: task)))" }

    /// "training seeds 0, 1, 2", with "; bases 0, 1" when there are several.
    var replicateList: String {
        let bases = distinctBases
        let seedList = "training seeds " + (bases.count <= 1 ? seeds : Array(seeds.prefix(seeds.count / bases.count))).map(String.init)
            .joined(separator: ", ")
        return bases.count <= 1 ? seedList : seedList + "; bases " + bases.map(String.init).joined(separator: ", ")
    }

    /// What the numbers are: seeds, rounds, scale, metrics and cost units.
    func caption(costs: [CostMeasure]) -> String {
        var text = "Mean ± std over \(replicateText) (\(replicateList)) "
            + "of each client's test score after round \(study.rounds), \(study.scenario.clientsPerTask) clients per task, "
            + "scale \(settings.scale.name) (\(settings.scale.trainPerClient) training and \(settings.scale.testPerClient) test examples per client). "
            + "Accuracy and Acc@IoU0.5 in %, CIDEr-D × 100; avg is the mean over a task's clients."
        for measure in costs {
            text += " \(measure.rawValue): \(measure.caption), in floats"
            text += cost(measure, row: 0) == nil ? " (not recorded by the runs yet: —)." : "."
        }
        return text
    }
}
