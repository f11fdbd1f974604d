import Foundation

extension Chart {
    /// The file names of a rendered chart, in the order `GnuplotRenderer.render` returns them.
    public var fileNames: [String] {
        ["dat", "gp", "png", "svg"].map { "\(name).\($0)" }
    }

    /// The contents of `<name>.gp`: run from the chart's directory, it reads `<name>.dat` and writes
    /// `<name>.png` (pngcairo) and `<name>.svg`, both 800×480 in DejaVu Sans with a fixed palette.
    ///
    /// `GnuplotRenderer` runs it with `gnuplot -d`, which reads no initialization file. Run by hand,
    /// its opening `reset` and explicit settings (decimal sign, encoding, every linetype it uses,
    /// terminals) undo what a user's `~/.gnuplot` may set. (Not `reset session`: that re-reads `~/.gnuplot`.)
    func gnuplotScript() -> String {
        let data = GnuplotText.quoted("\(name).dat")
        var lines = [
            "# \(name).gp: \(GnuplotText.singleLine(title))",
            "# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot \(name).gp",
            "# Reads \(name).dat; writes \(name).png (pngcairo) and \(name).svg.",
            "reset",
            "unset decimalsign",
            "set encoding utf8",
        ]
        lines += (0..<max(seriesCount, 1)).map(ChartStyle.linetype)
        lines += [
            "set title \(GnuplotText.quoted(title))",
            "set xlabel \(GnuplotText.quoted(xLabel))",
            "set ylabel \(GnuplotText.quoted(yLabel))",
            "set border 3",
            "set tics nomirror",
            "set grid ytics lt 1 lc rgb '\(ChartStyle.gridColour)' lw 1",
            "set key outside right top vertical Left reverse",
        ]
        if zeroLine {
            lines += [
                "set xzeroaxis lc rgb '\(ChartStyle.zeroLineColour)' lw 1 dt 2",
                "set yrange [*<0:0<*]",
            ]
        }
        let plot: String
        switch kind {
        case .groupedBars(let categories, let series):
            lines += [
                "set style data histograms",
                "set style histogram errorbars gap 2 lw 1",
                "set style fill solid 0.85 border rgb '#333333'",
                "set yrange [*<0:0<*]",
                "set xtics scale 0",
            ]
            if categories.count > 8 || categories.contains(where: { $0.count > 12 }) {
                lines.append("set xtics rotate by 30 right")
            }
            let columns = series.enumerated().map { index, one in
                let using = index == 0 ? "using 2:3:xtic(1)" : "using \(2 * index + 2):\(2 * index + 3)"
                return "\(data) \(using) title \(GnuplotText.quoted(one.name)) lt \(index + 1)"
            }
            plot = "plot " + columns.joined(separator: ", \\\n     ")
        case .lines(let chartLines):
            lines += xAxisSettings(xs: chartLines.flatMap { $0.points.map(\.x) }, ticAtEveryX: true)
            lines.append("set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05")
            let curves = chartLines.enumerated().map { index, line in
                "\(data) index \(index) using 1:2:3 with yerrorlines lt \(index + 1) title \(GnuplotText.quoted(line.name))"
            }
            plot = "plot " + curves.joined(separator: ", \\\n     ")
        case .scatter(let points):
            lines += xAxisSettings(xs: points.map(\.x), ticAtEveryX: false)
            lines += [
                "unset key",
                "set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1",
            ]
            plot = "plot \(data) using 1:2:3:(int($0) % \(ChartStyle.palette.count) + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \\\n"
                + "     \(data) using 1:2:5 with labels left offset char 0.8,0.6 notitle"
        }
        lines += [
            ChartStyle.terminal("pngcairo"),
            "set output \(GnuplotText.quoted("\(name).png"))",
            plot,
            ChartStyle.terminal("svg"),
            "set output \(GnuplotText.quoted("\(name).svg"))",
            "replot",
            "unset output",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many linetypes the chart uses: series, lines, or (scatter) as many colours as points up to the palette.
    var seriesCount: Int {
        switch kind {
        case .groupedBars(_, let series): return series.count
        case .lines(let lines): return lines.count
        case .scatter(let points): return min(points.count, ChartStyle.palette.count)
        }
    }

    /// The x axis: exact data range (plus the offsets), log scale when asked, and either a tick at
    /// every x (at most 12 distinct values, spread out enough to keep labels apart: rounds, top-k)
    /// or automatic ticks, printed as 10k, 1M, … for large values.
    private func xAxisSettings(xs: [Double], ticAtEveryX: Bool) -> [String] {
        var settings = ["set autoscale xfix"]
        if logScaleX { settings.append("set logscale x 10") }
        let distinct = Array(Set(xs)).sorted()
        let positions = logScaleX ? distinct.map(log10) : distinct
        let span = (positions.last ?? 0) - (positions.first ?? 0)
        let closestGap = zip(positions.dropFirst(), positions).map { $0 - $1 }.min() ?? span
        if ticAtEveryX && distinct.count <= 12 && closestGap >= span / 20 {
            let tics = distinct.map { "\(GnuplotText.quoted(GnuplotText.compact($0))) \(GnuplotText.number($0))" }
            settings.append("set xtics (\(tics.joined(separator: ", ")))")
        } else if let largest = xs.map(abs).max(), largest >= 10_000 {
            settings.append(logScaleX ? "set format x '%.0s%c'" : "set format x '%.1s%c'")
        }
        return settings
    }
}
