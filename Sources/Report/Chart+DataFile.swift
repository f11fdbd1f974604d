import Foundation

extension Chart {
    /// The contents of `<name>.dat`: a header naming the columns, then the numbers in `%.6g`.
    ///
    /// - grouped bars: one row per category: the quoted category, then mean and standard deviation per series;
    /// - lines: one block per line (gnuplot `index 0, 1, …`, blocks separated by two blank lines),
    ///   rows `x mean std n`;
    /// - scatter: one row per point: `x mean std n "label"`.
    func dataFile() -> String {
        var lines = ["# \(name).dat: \(GnuplotText.singleLine(title))"]
        switch kind {
        case .groupedBars(let categories, let series):
            lines.append("# grouped bars: one row per category; standard deviations are over seeds")
            var columns = ["1 category"]
            for (index, one) in series.enumerated() {
                let label = GnuplotText.dataString(one.name)
                columns.append("\(2 * index + 2) \(label) mean")
                columns.append("\(2 * index + 3) \(label) std")
            }
            lines.append("# columns: " + columns.joined(separator: " | "))
            for (row, category) in categories.enumerated() {
                let numbers = series.flatMap { [$0.values[row].mean, $0.values[row].standardDeviation] }
                lines.append(([GnuplotText.dataString(category)] + numbers.map(GnuplotText.number)).joined(separator: " "))
            }
        case .lines(let chartLines):
            lines.append("# lines: one block per line (gnuplot index 0, 1, ...), blocks separated by two blank lines")
            lines.append("# columns: 1 x | 2 mean | 3 std | 4 seeds")
            for (index, line) in chartLines.enumerated() {
                if index > 0 { lines += ["", ""] }
                lines.append("# index \(index): \(GnuplotText.dataString(line.name))")
                for point in line.points {
                    lines.append(Self.row(x: point.x, y: point.y))
                }
            }
        case .scatter(let points):
            lines.append("# scatter: one row per labelled point")
            lines.append("# columns: 1 x | 2 mean | 3 std | 4 seeds | 5 label")
            for point in points {
                lines.append(Self.row(x: point.x, y: point.y) + " " + GnuplotText.dataString(point.label))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `x mean std n` for one point.
    private static func row(x: Double, y: Statistic) -> String {
        [x, y.mean, y.standardDeviation].map(GnuplotText.number).joined(separator: " ") + " \(y.values.count)"
    }
}
