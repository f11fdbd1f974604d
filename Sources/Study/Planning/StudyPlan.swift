import Checkpoint
import Federated

/// The runs a set of studies needs: every row × seed resolved to a `RunConfig`, identical configurations run once.
public struct StudyPlan: Sendable {
    /// The studies, validated.
    public let studies: [Study]
    /// What every row was resolved with.
    public let settings: StudySettings
    /// The distinct runs, in order of first use.
    public let runs: [PlannedRun]
    /// Run index by use.
    private let indexByUse: [RunUse: Int]

    /// Validates `studies` (each alone, and their names together) and expands them; throws the first `StudyError`.
    public init(studies: [Study], settings: StudySettings) throws {
        _ = try StudyCatalog(studies)
        for study in studies { try study.validate() }
        if let seeds = settings.seeds, seeds < 1, let first = studies.first {
            throw StudyError(study: first.name, problem: .nonPositiveSeeds(seeds))
        }
        var runs: [PlannedRun] = [], index: [String: Int] = [:], byUse: [RunUse: Int] = [:]
        for study in studies {
            for row in study.rows {
                for seed in study.seedValues(settings) {
                    let config = study.config(of: row, seed: seed, settings: settings)
                    let hash = try ConfigHash.of(config)
                    let use = RunUse(study: study.name, row: row.label, seed: seed)
                    if let i = index[hash] {
                        runs[i].uses.append(use)
                        byUse[use] = i
                    } else {
                        byUse[use] = runs.count
                        index[hash] = runs.count
                        runs.append(PlannedRun(config: config, hash: hash, directoryName: try config.directoryName(), uses: [use]))
                    }
                }
            }
        }
        self.studies = studies
        self.settings = settings
        self.runs = runs
        indexByUse = byUse
    }

    /// The run a study's row needs with a seed; nil when the plan does not hold that study, row or seed.
    public func run(for use: RunUse) -> PlannedRun? { indexByUse[use].map { runs[$0] } }

    /// Row × seed pairs over all studies (what the plan would run without deduplication).
    public var useCount: Int { runs.reduce(0) { $0 + $1.uses.count } }
}
