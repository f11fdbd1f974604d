import Report
import World

extension StudyResults {
    /// The client indices of `tasks` (all clients when nil).
    public func clients(of tasks: [TaskKind]?) -> [Int] {
        let owners = study.scenario.clientTasks
        return owners.indices.filter { tasks?.contains(owners[$0]) ?? true }
    }

    /// [seed][client]: scores after the last round.
    public func finalScores(row: Int) -> [[Double]] { histories[row].map { $0.scores.last ?? [] } }

    /// Per client in `clients`: the final score over seeds.
    public func clientScores(row: Int, clients: [Int]) -> [Statistic] {
        let finals = finalScores(row: row)
        return clients.map { c in Statistic(finals.map { $0[c] }) }
    }

    /// Per seed, the mean final score over the clients of `task`.
    public func taskMeans(row: Int, task: TaskKind) -> [Double] { finalScores(row: row).map { taskMean($0, task: task) } }

    /// The mean of per-client `scores` (by client index) over the clients of `task`.
    public func taskMean(_ scores: [Double], task: TaskKind) -> Double {
        let members = clients(of: [task])
        return members.reduce(0) { $0 + scores[$1] } / Double(members.count)
    }

    /// Per task: the average over its clients, over seeds.
    public func taskScores(row: Int, tasks: [TaskKind]) -> [Statistic] { tasks.map { Statistic(taskMeans(row: row, task: $0)) } }

    /// Per round: the mean validation score over `clients`, over seeds (the test set is scored after the last round only).
    public func roundValidationMeans(row: Int, clients: [Int]) -> [Statistic] {
        let rounds = histories[row].map(\.validationScores.count).min() ?? 0
        return (0..<rounds).map { r in
            Statistic(histories[row].map { h in clients.reduce(0) { $0 + h.validationScores[r][$1] } / Double(clients.count) })
        }
    }

    /// A cost per client of `row` over seeds; nil when the runs do not record it.
    ///
    /// CP is the mean over rounds and clients of the floats a client sends to the server in a round;
    /// AP the mean over rounds and clients of the parameters its forward pass activates.
    public func cost(_ measure: CostMeasure, row: Int) -> Statistic? {
        switch measure {
        case .communicatedParameters:
            let perSeed = histories[row].map { h -> Double in
                let all = h.uploaded.flatMap { $0 }
                return all.isEmpty ? 0 : Double(all.reduce(0, +)) / Double(all.count)
            }
            return Statistic(perSeed)
        case .activatedParameters:
            // AP: the mean over rounds and clients of the parameters a client's forward pass touches.
            guard histories[row].allSatisfy({ !$0.activated.isEmpty }) else { return nil }
            return Statistic(histories[row].map { h in
                let all = h.activated.flatMap { $0 }
                return Double(all.reduce(0, +)) / Double(all.count)
            })
        }
    }
}
