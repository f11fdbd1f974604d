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
    private let indexByUse: [RunUse: Int]

    /// Validates `studies` (each alone, and their names together) and expands them; throws the first `StudyError`.
    public init(studies: [Study], settings: StudySettings) throws {
        _ = try StudyCatalog(studies)
        for study in studies { try study.validate() }
        if let seeds = settings.seeds, seeds < 1, let first = studies.first {
            throw StudyError(study: first.name, problem: .nonPositiveSeeds(seeds))
        }
        if let bases = settings.bases, bases < 1, let first = studies.first {
            throw StudyError(study: first.name, problem: .nonPositiveBases(bases))
        }
        var runs: [PlannedRun] = [], index: [String: Int] = [:], byUse: [RunUse: Int] = [:]
        for study in studies {
            for row in study.rows {
                for replicate in study.replicates(settings) {
                    let config = study.config(of: row, replicate: replicate, settings: settings)
                    let hash = try ConfigHash.of(config)
                    let use = RunUse(study: study.name, row: row.label, replicate: replicate)
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

    /// The plan cut down to the one run named `name` (its directory name or a prefix of its configuration hash of at least
    /// 8 digits), as a job that trains one run needs it; throws when no run, or more than one, has that name.
    public func restricted(to name: String) throws -> StudyPlan {
        let matches = runs.indices.filter { runs[$0].directoryName == name || (name.count >= 8 && runs[$0].hash.hasPrefix(name)) }
        guard matches.count == 1, let index = matches.first else {
            throw PlanLookupError(name: name, matches: matches.count, scale: settings.scale.name)
        }
        return StudyPlan(studies: studies, settings: settings, runs: [runs[index]],
                         indexByUse: Dictionary(uniqueKeysWithValues: runs[index].uses.map { ($0, 0) }))
    }

    private init(studies: [Study], settings: StudySettings, runs: [PlannedRun], indexByUse: [RunUse: Int]) {
        self.studies = studies
        self.settings = settings
        self.runs = runs
        self.indexByUse = indexByUse
    }

    /// The run a study's row needs on a replicate; nil when the plan does not hold that study, row or replicate.
    public func run(for use: RunUse) -> PlannedRun? { indexByUse[use].map { runs[$0] } }

    /// The base seeds the runs start from, in order of first use.
    public var baseSeeds: [UInt64] { runs.map(\.config.base.seed).distinctInOrder }

    /// Row × replicate pairs over all studies (what the plan would run without deduplication).
    public var useCount: Int { runs.reduce(0) { $0 + $1.uses.count } }
}
