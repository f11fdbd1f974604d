import ArgumentParser
import Foundation
import Study

/// `pilot figures`: re-render the studies' tables and figures from the HDF5 checkpoints alone, without training.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Re-render every study's table and figures from the runs' checkpoints (no training); the same files `pilot study run` writes.")

    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @OptionGroup var paperRepro: PaperReproOptions
    @Option(help: "Directory of runs.") var runs = "runs"
    @Option(help: "Directory of the rendered tables and figures.") var out = "Figures"

    func run() throws {
        let plan = try selection.plan(base: base)
        let files = try StudyRenderer().render(plan, runs: URL(fileURLWithPath: runs), into: URL(fileURLWithPath: out),
                                               report: paperRepro.report(for: plan))
        print(StudyRenderer.summary(of: files, out: out))
    }
}
