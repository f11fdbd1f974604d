import Federated
import Foundation

extension StudyPlan {
    /// Every study's results read from the checkpoints in `runs` alone; throws `RenderError.missingRuns` naming every run that is missing or incomplete.
    public func results(in runs: URL) throws -> [StudyResults] {
        var histories: [String: RunHistory] = [:], families: [String: [String]] = [:], missing: [MissingRun] = []
        for run in self.runs {
            let (status, record) = run.inspect(in: runs)
            switch status {
            case .done:
                histories[run.hash] = record!.history
                families[run.hash] = record!.kernelFamilies
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
            let kernelFamilies = hashes.joined().flatMap { families[$0]! }.distinctInOrder
            return StudyResults(study: study, settings: settings, seeds: replicates.map(\.seed), bases: replicates.map(\.base),
                                histories: hashes.map { $0.map { histories[$0]! } }, kernelFamilies: kernelFamilies)
        }
    }
}
