import Foundation
import Report

/// Renders a plan's studies from the checkpoints in a runs directory: `<out>/<study>/table.md`,
/// `<out>/<study>/<figure>.{dat,gp,png,svg}` and the index `<out>/README.md`.
///
/// Reads nothing but the checkpoints, so rendering right after training and re-rendering later
/// (`pilot figures`) give byte-identical files.
public struct StudyRenderer: Sendable {
    /// Draws the figures.
    public let gnuplot: GnuplotRenderer

    /// A renderer that draws with `gnuplot`.
    public init(gnuplot: GnuplotRenderer = GnuplotRenderer()) { self.gnuplot = gnuplot }

    /// Renders every study of `plan`; returns the files written, index last (then `paperRepro` when given).
    ///
    /// Every run is read and every table, chart and the paper comparison is built and checked before
    /// the first file is written, so a missing run or a bad value writes nothing.
    ///
    /// - Parameter paperRepro: where to write `paper-repro.md` (`PaperReproduction`); nil: not written.
    @discardableResult
    public func render(_ plan: StudyPlan, runs: URL, into out: URL, paperRepro: URL? = nil) throws -> [URL] {
        let results = try plan.results(in: runs)
        let reproduction = try paperRepro.map { _ in
            PaperReproduction(results: results, facts: try ReproductionFacts.measure(settings: plan.settings,
                                                                                       scenarios: plan.studies.map(\.scenario))).markdown()
        }
        let outputs = try results.map { result in
            (study: result.study,
             tables: result.study.tables.map { result.markdownTable($0).rendered() },
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
        let index = out.appendingPathComponent("README.md")
        try ReportFile.write(StudyIndex.markdown(plan: plan), to: index)
        written.append(index)
        if let paperRepro, let reproduction {
            try ReportFile.write(reproduction, to: paperRepro)
            written.append(paperRepro)
        }
        return written
    }
}
