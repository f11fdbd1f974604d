import ArgumentParser
import Foundation
import Study

/// `pilot study plan`: the deduplicated runs the chosen studies need and how far each has got.
struct StudyPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "The distinct runs the studies need (shared runs once), their status in the runs directory, an estimate.")

    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @Option(help: "Directory of runs.") var runs = "runs"

    func run() throws {
        let plan = try selection.plan(base: base)
        if selection.studies.isEmpty && !selection.tuning {
            // The tuning runs first: the recorded settings the studies below use were selected by them.
            let tuning = try selection.plan(base: base, tuning: true)
            if !tuning.runs.isEmpty {
                print("Tuning studies (make tune; settings selected on validation data, recorded in Studies/Tuned.swift):\n")
                print(StudyPlanText.render(plan: tuning, survey: PlanSurvey(plan: tuning, runs: URL(fileURLWithPath: runs)), runs: runs))
                print("\nStudies (make reproduce; every row at its recorded setting):\n")
            }
        }
        let survey = PlanSurvey(plan: plan, runs: URL(fileURLWithPath: runs))
        print(StudyPlanText.render(plan: plan, survey: survey, runs: runs))
    }
}

/// The text `pilot study plan` prints.
enum StudyPlanText {
    static func render(plan: StudyPlan, survey: PlanSurvey, runs: String) -> String {
        let width = plan.runs.map(\.directoryName.count).max() ?? 0
        let labels = plan.runs.indices.map { survey.label($0, rounds: plan.runs[$0].config.rounds) }
        let labelWidth = max(22, labels.map(\.count).max() ?? 0)
        var lines = plan.runs.indices.map { i -> String in
            let run = plan.runs[i]
            return "\(labels[i].padding(toLength: labelWidth, withPad: " ", startingAt: 0)) "
                + "\(run.directoryName.padding(toLength: width, withPad: " ", startingAt: 0))  \(run.uses.map(\.description).joined(separator: ", "))"
        }
        let c = survey.counts
        lines.append("")
        lines.append("\(plan.runs.count) distinct runs for \(plan.useCount) row × seed cells of \(plan.studies.count) stud\(plan.studies.count == 1 ? "y" : "ies") "
                     + "(scale \(plan.settings.scale.name)) in \(runs)/: \(c.done) done, \(c.partial) partial, \(c.pending) pending"
                     + (c.unusable > 0 ? ", \(c.unusable) unusable" : "")
                     + (survey.runningCount > 0 ? " (\(survey.runningCount) of them being trained now)" : ""))
        var estimate = "\(survey.remainingSteps) of \(survey.totalSteps) local steps left"
        if let seconds = survey.estimatedSeconds {
            let starts = survey.secondsPerStart.map { String(format: ", and %.1f s per run start", $0) } ?? ""
            estimate += "; ≈ \(ProgressPrinter.duration(seconds)) of runs one after another (workers side by side share it) at the pace of the checkpoints found (\(String(format: "%.2f", survey.secondsPerStep!)) s/step, evaluation included\(starts))"
        } else {
            estimate += "; no finished round to time yet"
        }
        lines.append(estimate)
        return lines.joined(separator: "\n")
    }
}
