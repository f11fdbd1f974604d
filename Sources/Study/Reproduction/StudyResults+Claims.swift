import Report
import World

extension StudyResults {
    /// The index of the row labelled `label`.
    func rowIndex(_ label: String) -> Int? { study.rows.firstIndex { $0.label == label } }

    /// Per seed, the mean over the scenario's tasks of the task averages.
    func meanOverTasks(row: Int) -> [Double] {
        let tasks = study.scenario.tasks
        let perTask = tasks.map { taskMeans(row: row, task: $0) }
        return seeds.indices.map { s in perTask.reduce(0) { $0 + $1[s] } / Double(tasks.count) }
    }

    /// What `test` measures on these results.
    public func measure(_ test: ClaimTest) -> ClaimOutcome {
        if let absent = test.rowLabels.first(where: { rowIndex($0) == nil }) {
            return .notMeasured("study \(study.name) has no row '\(absent)'")
        }
        switch test {
        case let .rowAbove(better, worse): return rowAbove(rowIndex(better)!, rowIndex(worse)!)
        case let .aboveEveryRivalOnEveryClient(row, rivals): return aboveEveryRival(rowIndex(row)!, rivals: rivals.map { rowIndex($0)! })
        case let .bestRow(row): return best(rowIndex(row)!)
        case let .costAbove(higher, lower, measure): return costAbove(rowIndex(higher)!, rowIndex(lower)!, measure)
        }
    }

    /// `better` − `worse` on the mean over tasks, with the per-task differences as detail.
    func rowAbove(_ better: Int, _ worse: Int) -> ClaimOutcome {
        let effect = ClaimEffect(higher: meanOverTasks(row: better), lower: meanOverTasks(row: worse))
        let perTask = study.scenario.tasks.map { task in
            "\(task.paperName) \(ReproductionText.signed(Statistic(zip(taskMeans(row: better, task: task), taskMeans(row: worse, task: task)).map { $0 - $1 }).mean))"
        }
        return .measured(effect, detail: "per task (mean over seeds): " + perTask.joined(separator: ", ") + ".")
    }

    /// `row` against every rival on every client: wins, mean margin, and the closest pair as the effect.
    func aboveEveryRival(_ row: Int, rivals: [Int]) -> ClaimOutcome {
        let names = study.scenario.clientNames
        let own = finalScores(row: row)
        var pairs: [(label: String, margins: [Double], own: [Double], theirs: [Double])] = []
        for rival in rivals {
            let theirs = finalScores(row: rival)
            for client in names.indices {
                pairs.append(("\(study.rows[rival].label) on \(names[client])", seeds.indices.map { own[$0][client] - theirs[$0][client] },
                              seeds.indices.map { own[$0][client] }, seeds.indices.map { theirs[$0][client] }))
            }
        }
        let means = pairs.map { Statistic($0.margins).mean }
        let wins = means.filter { $0 > 0 }.count
        let closest = means.indices.min { means[$0] < means[$1] }!
        let meanMargin = Statistic(seeds.indices.map { s in pairs.reduce(0) { $0 + $1.margins[s] } / Double(pairs.count) })
        let detail = "\(study.rows[row].label) wins \(wins) of \(pairs.count) client × baseline pairs (by the mean over seeds); "
            + "mean margin over all pairs \(ReproductionText.effect(ClaimEffect(perSeed: meanMargin.values))); "
            + "closest pair: \(pairs[closest].label)."
        return .measured(ClaimEffect(higher: pairs[closest].own, lower: pairs[closest].theirs), detail: detail)
    }

    /// `row` against every other compared row; the effect is against the closest one.
    func best(_ row: Int) -> ClaimOutcome {
        let rivals = study.rows.indices.filter { $0 != row && !study.rows[$0].isReference }
        guard !rivals.isEmpty else { return .notMeasured("study \(study.name) has no other row to compare with") }
        let own = meanOverTasks(row: row)
        let margins = rivals.map { rival in zip(own, meanOverTasks(row: rival)).map { $0 - $1 } }
        let means = margins.map { Statistic($0).mean }
        let closest = means.indices.min { means[$0] < means[$1] }!
        let ahead = means.filter { $0 > 0 }.count
        let detail = "\(study.rows[row].label) is ahead of \(ahead) of \(rivals.count) other rows (by the mean over seeds); "
            + "closest: \(study.rows[rivals[closest]].label)."
        return .measured(ClaimEffect(higher: own, lower: meanOverTasks(row: rivals[closest])), detail: detail)
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
