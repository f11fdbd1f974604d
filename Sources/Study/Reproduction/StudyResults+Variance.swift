import Federated
import Report
import World

extension StudyResults {
    /// `row`'s normalised mean over tasks (`normalisedMeanOverTasks`) split into its variance sources; nil when a
    /// replicate lacks per-item test scores.
    public func varianceComponents(row: Int, chance: [TaskKind: Double]) -> VarianceComponents? {
        let scores = normalisedMeanOverTasks(row: row, chance: chance)
        let ceilings = testCeilings()
        var itemVariances: [Double] = []
        for h in histories[row] {
            guard let variance = itemVariance(h, chance: chance, ceilings: ceilings) else { return nil }
            itemVariances.append(variance)
        }
        let groups = distinctBases.map { base in seeds.indices.filter { bases[$0] == base }.map { scores[$0] } }
        guard Set(groups.map(\.count)).count == 1 else { return nil }
        return VarianceComponents(groups: groups, itemVariances: itemVariances)
    }

    /// The sampling variance of one run's normalised mean over tasks from its finite test sets: each task's mean over
    /// clients has variance Σ_c s²_c / n_c / C² (s²_c the variance of client c's per-item scores, stored on the metric's
    /// scale), weighted by the normalisation's (100 / (best − chance) / T)², as the tasks' test items are independent;
    /// `ceilings` are `testCeilings()`.
    func itemVariance(_ history: RunHistory, chance: [TaskKind: Double], ceilings: [Double]) -> Double? {
        guard let items = history.testItemScores.last else { return nil }
        let tasks = study.scenario.tasks
        var total = 0.0
        for (t, task) in tasks.enumerated() {
            let span = ceilings[t] - (chance[task] ?? 0)
            guard span > 0 else { continue }
            let members = clients(of: [task])
            guard members.allSatisfy({ items[$0].count > 1 }) else { return nil }
            let meanVariance = members.reduce(0.0) { sum, c in
                let sd = Statistic(items[c]).standardDeviation
                return sum + sd * sd / Double(items[c].count)
            } / Double(members.count * members.count)
            let weight = 100 / span / Double(tasks.count)
            total += weight * weight * meanVariance
        }
        return total
    }
}
