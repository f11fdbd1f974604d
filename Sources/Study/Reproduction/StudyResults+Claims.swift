import Report
import World

extension StudyResults {
    /// The index of the row labelled `label`.
    public func rowIndex(_ label: String) -> Int? { study.rows.firstIndex { $0.label == label } }

    /// Per seed, the mean over the scenario's tasks of each task's normalised score 100 · (m − chance) / (best − chance):
    /// m the row's mean over the task's clients, chance the majority answer's test score, best the study's highest
    /// row on the task (mean over seeds). 0 is chance, 100 the study's best row; a task on which no row rises above
    /// chance counts 0 for every row. The scale is the tuning's (`normalisedValidationScores`), on the test split.
    public func normalisedMeanOverTasks(row: Int, chance: [TaskKind: Double]) -> [Double] {
        let tasks = study.scenario.tasks
        let ceilings = testCeilings()
        let perTask = tasks.map { taskMeans(row: row, task: $0) }
        return seeds.indices.map { s in 100 * normalised(tasks.indices.map { perTask[$0][s] }, chance: chance, ceilings: ceilings) }
    }

    /// Per task, the normalisation's ceiling on the test split: the study's highest row mean over seeds.
    func testCeilings() -> [Double] {
        ceilings(study.rows.indices.map { r in study.scenario.tasks.map { Statistic(taskMeans(row: r, task: $0)).mean } })
    }

    /// What `test` measures on these results; `chance` is each task's majority-answer test score.
    public func measure(_ test: ClaimTest, chance: [TaskKind: Double]) -> ClaimOutcome {
        if let absent = test.rowLabels.first(where: { rowIndex($0) == nil }) {
            return .notMeasured("study \(study.name) has no row '\(absent)'")
        }
        switch test {
        case let .rowAbove(better, worse): return rowAbove(rowIndex(better)!, rowIndex(worse)!, chance: chance)
        case let .rowAboveOnTask(better, worse, task): return rowAbove(rowIndex(better)!, rowIndex(worse)!, on: task)
        case let .costAbove(higher, lower, measure): return costAbove(rowIndex(higher)!, rowIndex(lower)!, measure)
        case let .unmeasurable(_, reason): return .notMeasured(reason)
        }
    }

    /// `better` − `worse` on the normalised mean over tasks, with the raw per-task differences as detail.
    func rowAbove(_ better: Int, _ worse: Int, chance: [TaskKind: Double]) -> ClaimOutcome {
        let effect = ClaimEffect(higher: normalisedMeanOverTasks(row: better, chance: chance),
                                 lower: normalisedMeanOverTasks(row: worse, chance: chance))
        let perTask = study.scenario.tasks.map { task in
            "\(task.paperName) \(ReproductionText.signed(Statistic(zip(taskMeans(row: better, task: task), taskMeans(row: worse, task: task)).map { $0 - $1 }).mean))"
        }
        return .measured(effect, detail: "raw per task (mean over seeds): " + perTask.joined(separator: ", ") + ".")
    }

    /// `better` − `worse` on `task`'s mean over its clients.
    func rowAbove(_ better: Int, _ worse: Int, on task: TaskKind) -> ClaimOutcome {
        let high = taskMeans(row: better, task: task), low = taskMeans(row: worse, task: task)
        let detail = "\(study.rows[better].label) \(ReproductionText.score(Statistic(high).mean)), "
            + "\(study.rows[worse].label) \(ReproductionText.score(Statistic(low).mean)) (mean over seeds)."
        return .measured(ClaimEffect(higher: high, lower: low), detail: detail)
    }

    /// `higher`'s cost − `lower`'s, per seed.
    func costAbove(_ higher: Int, _ lower: Int, _ measure: CostMeasure) -> ClaimOutcome {
        guard let high = cost(measure, row: higher), let low = cost(measure, row: lower) else {
            return .notMeasured("the runs do not record \(measure.rawValue)")
        }
        let detail = "\(study.rows[higher].label) \(ReproductionText.integer(high.mean)) against "
            + "\(study.rows[lower].label) \(ReproductionText.integer(low.mean)) floats per client (mean over seeds)."
        return .measured(ClaimEffect(higher: high.values, lower: low.values), detail: detail)
    }
}
