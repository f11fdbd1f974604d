import Study

/// Scores the paper prints in one row: one per client (Tables 1–2) or one per task (Tables 3–6 and the centralized row).
public enum PaperScores: Hashable, Sendable {
    /// One score per client, task by task in the paper's column order (Client 1…9).
    case perClient([Double])
    /// One score per task, in the paper's column order.
    case perTask([Double])

    /// The average per task: the printed value, or the mean over the task's clients.
    public func taskAverages(clientsPerTask: Int) -> [Double] {
        switch self {
        case let .perTask(values): return values
        case let .perClient(values):
            return stride(from: 0, to: values.count, by: clientsPerTask).map { start in
                let clients = values[start..<min(start + clientsPerTask, values.count)]
                return clients.reduce(0, +) / Double(clients.count)
            }
        }
    }
}
