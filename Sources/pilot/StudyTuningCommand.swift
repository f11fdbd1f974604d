import ArgumentParser
import Foundation
import Study

/// `pilot study tuning`: what the tuning studies select on validation data, beside what `Studies/Tuned.swift` records.
struct StudyTuningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tuning",
        abstract: "Each tuned method's selection from the tuning runs beside the recorded setting; exits 1 when any differs.")

    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @Option(help: "Directory of runs.") var runs = "runs"

    func run() throws {
        let plan = try selection.plan(base: base, tuning: true)
        let changed = try Self.report(try StudyRenderer.tuningSelections(plan, runs: URL(fileURLWithPath: runs)))
        if changed > 0 { throw ExitCode(1) }
    }

    /// Prints one line per tuned method and a loud line per change; returns how many changed.
    static func report(_ studies: [(study: String, selections: [TuningSelection])]) throws -> Int {
        var changed = 0
        for (study, selections) in studies {
            for s in selections {
                let recorded = s.recorded.map(TuningSelection.settingText) ?? "nothing"
                let line = "\(study): \(s.group) selects \(TuningSelection.settingText(s.selected)) "
                    + "(normalised validation score \(String(format: "%.3f", s.score))); recorded: \(recorded)"
                if s.changed {
                    changed += 1
                    FileHandle.standardError.write(Data("TUNING CHANGED: \(line) — update Studies/Tuned.swift\n".utf8))
                } else {
                    print(line)
                }
            }
        }
        if changed == 0 && !studies.isEmpty { print("every selection matches Studies/Tuned.swift") }
        return changed
    }
}
