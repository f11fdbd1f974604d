import ArgumentParser
import Foundation
import PaperStudies
import Study
import World

/// Options that choose studies and resolve them into a plan: `--study`, `--seeds` (and the base's `--scale`).
struct StudySelectionOptions: ParsableArguments {
    @Option(name: .customLong("study"), help: "A study to include (repeatable; default: all). See `pilot study list`.")
    var studies: [String] = []
    @Option(help: "Seeds for every study (default: each study's own, usually 3).") var seeds: Int?
    @Option(help: "Pretrained bases for every study: every seed runs on each of the bases --base-seed, --base-seed + 1, … (default: each study's own, usually 1). More bases put the base-to-base variance into every ± and interval.")
    var bases: Int?
    @Flag(help: "Without --study: the tuning studies (what `make tune` runs) instead of the studies that report results.")
    var tuning = false

    func validate() throws {
        if let seeds, seeds < 1 { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
        if let bases, bases < 1 { throw ValidationError("--bases must be at least 1, got \(bases)") }
    }

    /// These options as command-line arguments (for job scripts).
    var arguments: [String] {
        studies.flatMap { ["--study", $0] } + (seeds.map { ["--seeds", "\($0)"] } ?? []) + (bases.map { ["--bases", "\($0)"] } ?? [])
            + (tuning ? ["--tuning"] : [])
    }

    /// The validated plan of the chosen studies at `base`'s scale and with its pretrained base.
    func plan(base: BaseOptions, tuning: Bool? = nil) throws -> StudyPlan {
        let chosen = try StudyCatalog(Studies.all).select(studies, tuning: tuning ?? self.tuning)
        let settings = StudySettings(scale: try base.scalePreset(), base: base.config, seeds: seeds, bases: bases)
        let plan = try StudyPlan(studies: chosen, settings: settings)
        if base.baseFile != nil && plan.baseSeeds.count > 1 {
            throw ValidationError("--base names one file, but the plan runs on \(plan.baseSeeds.count) bases; use --base-dir")
        }
        return plan
    }
}
