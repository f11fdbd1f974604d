import ArgumentParser
import Foundation
import PaperStudies
import Study

/// `--paper-repro PATH`: where `pilot study run` and `pilot figures` write `paper-repro.md`.
struct PaperReproOptions: ParsableArguments {
    @Option(name: .customLong("paper-repro"),
            help: "Write the paper comparison here (default: paper-repro.md, only when all seven paper studies are rendered).")
    var path: String?

    /// These options as command-line arguments (for job scripts), the path made absolute.
    var arguments: [String] { path.map { ["--paper-repro", URL(fileURLWithPath: $0).path] } ?? [] }

    /// The paper's reproduction as the renderer's report, written to `destination(for:)`; nil when it is not written.
    func report(for plan: StudyPlan) -> ResultsReport? {
        destination(for: plan).map { ResultsReport(destination: $0) { PaperReproduction(results: $0, facts: $1).markdown() } }
    }

    /// The file to write for `plan`: the given path, or `paper-repro.md` when the plan holds every paper study; nil (with a note) otherwise.
    func destination(for plan: StudyPlan) -> URL? {
        if let path { return URL(fileURLWithPath: path) }
        let missing = PaperReproduction.missingStudies(among: plan.studies.map(\.name))
        guard missing.isEmpty else {
            print("note: \(PaperReproduction.fileName) not written: studies \(missing.joined(separator: ", ")) are not selected "
                  + "(pass --paper-repro PATH to write it with them marked not measured)")
            return nil
        }
        return URL(fileURLWithPath: PaperReproduction.fileName)
    }
}
