import Federated
import Foundation

extension StudyPlan {
    /// Every study's results read from the checkpoints in `runs` alone; throws `RenderError.missingRuns` naming every run that is missing or incomplete.
    public func results(in runs: URL) throws -> [StudyResults] {
        var records: [String: RunRecord] = [:], missing: [MissingRun] = []
        for run in self.runs {
            let (status, record) = run.inspect(in: runs)
            switch status {
            case .done: records[run.hash] = record!
            case .pending: missing.append(MissingRun(run: run.directoryName, uses: run.uses, reason: "no \(RunRecord.fileName)"))
            case let .partial(done):
                missing.append(MissingRun(run: run.directoryName, uses: run.uses, reason: "\(done) of \(run.config.rounds) rounds"))
            case let .unusable(why): missing.append(MissingRun(run: run.directoryName, uses: run.uses, reason: why))
            }
        }
        guard missing.isEmpty else { throw RenderError.missingRuns(directory: runs.path, total: self.runs.count, missing: missing) }
        return studies.map { study in
            let replicates = study.replicates(settings)
            let hashes = study.rows.map { row in
                replicates.map { run(for: RunUse(study: study.name, row: row.label, replicate: $0))!.hash }
            }
            let kernelFamilies = hashes.joined().flatMap { records[$0]!.kernelFamilies }.distinctInOrder
            return StudyResults(study: study, settings: settings, seeds: replicates.map(\.seed), bases: replicates.map(\.base),
                                histories: hashes.map { $0.map { records[$0]!.history } }, kernelFamilies: kernelFamilies)
        }
    }
}
