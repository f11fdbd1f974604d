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
    @Flag(help: "Without --study: the tuning studies (what `make tune` runs) instead of the studies that report results.")
    var tuning = false

    func validate() throws {
        if let seeds, seeds < 1 { throw ValidationError("--seeds must be at least 1, got \(seeds)") }
    }

    /// These options as command-line arguments (for job scripts).
    var arguments: [String] {
        studies.flatMap { ["--study", $0] } + (seeds.map { ["--seeds", "\($0)"] } ?? []) + (tuning ? ["--tuning"] : [])
    }

    /// The validated plan of the chosen studies at `base`'s scale and with its pretrained base.
    func plan(base: BaseOptions, tuning: Bool? = nil) throws -> StudyPlan {
        let chosen = try StudyCatalog(Studies.all).select(studies, tuning: tuning ?? self.tuning)
        let settings = StudySettings(scale: try ScalePreset.named(base.scale), base: base.config, seeds: seeds)
        return try StudyPlan(studies: chosen, settings: settings)
    }
}
