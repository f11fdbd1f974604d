import Federated
import Foundation

extension PlannedRun {
    /// The run's status in `runs` and, when it has a usable checkpoint, what the checkpoint says.
    public func inspect(in runs: URL) -> (status: RunStatus, record: RunRecord?) {
        let file = RunRecord.checkpoint(in: directory(in: runs))
        guard FileManager.default.fileExists(atPath: file.path) else { return (.pending, nil) }
        let record: RunRecord
        do { record = try RunRecord.load(from: file) } catch { return (.unusable("\(error)"), nil) }
        guard record.configHash == hash else {
            return (.unusable("\(file.path) belongs to configuration \(record.configHash), not \(hash); move it away"), nil)
        }
        if record.isComplete { return (.done, record) }
        return (record.completedRounds == 0 ? .pending : .partial(completedRounds: record.completedRounds), record)
    }
}
