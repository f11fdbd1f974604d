import ArgumentParser
import Foundation
import Study

/// `pilot study status`: where the chosen studies' runs stand, from the runs directory alone (checkpoints and claims).
struct StudyStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Each run of the studies: done, running (and by whom), partial or pending, read from the runs directory.")

    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @Option(help: "Directory of runs.") var runs = "runs"

    func run() throws {
        let plan = try selection.plan(base: base)
        print(StudyPlanText.render(plan: plan, survey: PlanSurvey(plan: plan, runs: URL(fileURLWithPath: runs)), runs: runs))
    }
}
