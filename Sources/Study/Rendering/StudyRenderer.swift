import Foundation
import Report

/// Renders a plan's studies from the checkpoints in a runs directory: `<out>/<study>/table.md`,
/// `<out>/<study>/<figure>.{dat,gp,png,svg}` and the index `<out>/README.md` (`<out>/tuning.md` for the tuning studies).
///
/// Reads nothing but the checkpoints, so rendering right after training and re-rendering later
/// (`pilot figures`) give byte-identical files.
public struct StudyRenderer: Sendable {
    /// Draws the figures.
    public let gnuplot: GnuplotRenderer

    public init(gnuplot: GnuplotRenderer = GnuplotRenderer()) { self.gnuplot = gnuplot }

    /// Renders every study of `plan`; returns the files written, index last (then `report`'s when given).
    ///
    /// Every run is read and every table, chart and the report is built and checked before the first file is
    /// written, so a missing run or a bad value writes nothing.
    @discardableResult
    public func render(_ plan: StudyPlan, runs: URL, into out: URL, report: ResultsReport? = nil) throws -> [URL] {
        let results = try plan.results(in: runs)
        let facts = try ReproductionFacts.measure(settings: plan.settings, scenarios: plan.studies.map(\.scenario))
        let reportText = report.map { $0.markdown(results, facts) }
        let outputs = try results.map { result in
            (study: result.study,
             tables: result.study.tables.map { table -> String in
                 let main = result.markdownTable(table, facts: facts).rendered()
                 guard table.layout != .validation, let families = result.categoryTable(task: .scienceqa, facts: facts) else { return main }
                 return main + "\n" + families.rendered()
             },
             charts: try result.study.figures.map { figure -> Chart in
                 let chart = try result.chart(figure)
                 try chart.validate()
                 return chart
             })
        }
        var written: [URL] = []
        for output in outputs {
            let directory = out.appendingPathComponent(output.study.name)
            for table in output.tables {
                let url = directory.appendingPathComponent("table.md")
                try ReportFile.write(table, to: url)
                written.append(url)
            }
            for chart in output.charts { written += try gnuplot.render(chart, into: directory) }
        }
        // A tuning plan keeps its own index, so that `make tune` and `make reproduce` can share one output directory.
        let index = out.appendingPathComponent(plan.studies.allSatisfy(\.isTuning) ? "tuning.md" : "README.md")
        try ReportFile.write(StudyIndex.markdown(plan: plan), to: index)
        written.append(index)
        if let report, let reportText {
            try ReportFile.write(reportText, to: report.destination)
            written.append(report.destination)
        }
        return written
    }

    /// "wrote N files into OUT/ (index: OUT/README.md); paper comparison: PATH" for what `render` returned (with a report).
    public static func summary(of files: [URL], out: String) -> String {
        let indexNames = ["README.md", "tuning.md"]
        let index = files.last { indexNames.contains($0.lastPathComponent) }?.lastPathComponent ?? "README.md"
        let paper = files.last.flatMap { indexNames.contains($0.lastPathComponent) ? nil : "; paper comparison: \($0.path)" } ?? ""
        return "wrote \(files.count) files into \(out)/ (index: \(out)/\(index))\(paper)"
    }

    /// Per tuning study of `plan`, what each of its groups selects from the checkpoints in `runs`, beside what `Tuned` records.
    public static func tuningSelections(_ plan: StudyPlan, runs: URL) throws -> [(study: String, selections: [TuningSelection])] {
        let tuning = plan.studies.filter(\.isTuning)
        guard !tuning.isEmpty else { return [] }
        let tuningPlan = try StudyPlan(studies: tuning, settings: plan.settings)
        let facts = try ReproductionFacts.measure(settings: plan.settings, scenarios: tuning.map(\.scenario))
        return try tuningPlan.results(in: runs).map { result in
            (result.study.name, result.tuningSelections(chance: facts.validationChance[result.study.scenario] ?? [:]))
        }
    }
}
