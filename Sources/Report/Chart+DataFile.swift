import Foundation

extension Chart {
    /// The contents of `<name>.dat`: a header naming the columns, then the numbers in `%.6g`.
    ///
    /// Error bars are 95 % t intervals over seeds, clipped to the chart's `yBounds`:
    /// - grouped bars: one row per category: the quoted category, then mean, lower and upper per series;
    /// - lines: one block per line (gnuplot `index 0, 1, …`, blocks separated by two blank lines),
    ///   rows `x mean lower upper n`;
    /// - scatter: one row per point: `x mean lower upper n "label"`;
    /// - panels: each panel's blocks in turn (`panelIndexOffsets` gives each panel's first index).
    func dataFile() -> String {
        (["# \(name).dat: \(GnuplotText.singleLine(title))"] + dataBlocks()).joined(separator: "\n") + "\n"
    }

    /// The lines after the title line; blocks separated by two blank lines.
    func dataBlocks() -> [String] {
        var lines: [String] = []
        switch kind {
        case .groupedBars(let categories, let series):
            lines.append("# grouped bars: one row per category; lower and upper bound the 95 % interval over seeds")
            var columns = ["1 category"]
            for (index, one) in series.enumerated() {
                let label = GnuplotText.dataString(one.name)
                columns += ["\(3 * index + 2) \(label) mean", "\(3 * index + 3) \(label) lower", "\(3 * index + 4) \(label) upper"]
            }
            lines.append("# columns: " + columns.joined(separator: " | "))
            for (row, category) in categories.enumerated() {
                let numbers = series.flatMap { [$0.values[row].mean] + errorBar($0.values[row]) }
                lines.append(([GnuplotText.dataString(category)] + numbers.map(GnuplotText.number)).joined(separator: " "))
            }
        case .lines(let chartLines):
            lines.append("# lines: one block per line (gnuplot index 0, 1, ...), blocks separated by two blank lines")
            lines.append("# columns: 1 x | 2 mean | 3 lower | 4 upper (95 % interval over seeds) | 5 seeds")
            for (index, line) in chartLines.enumerated() {
                if index > 0 { lines += ["", ""] }
                lines.append("# index \(index): \(GnuplotText.dataString(line.name))")
                for point in line.points {
                    lines.append(row(x: point.x, y: point.y))
                }
            }
        case .scatter(let points):
            lines.append("# scatter: one row per labelled point")
            lines.append("# columns: 1 x | 2 mean | 3 lower | 4 upper (95 % interval over seeds) | 5 seeds | 6 label")
            for point in points {
                lines.append(row(x: point.x, y: point.y) + " " + GnuplotText.dataString(point.label))
            }
        case .panels(let panels):
            let offsets = panelIndexOffsets
            for (index, panel) in panels.enumerated() {
                if index > 0 { lines += ["", ""] }
                lines.append("# panel \(index + 1) (from index \(offsets[index])): \(GnuplotText.singleLine(panel.title))")
                lines += panel.dataBlocks()
            }
        }
        return lines
    }

    /// How many gnuplot data blocks (indices) the chart writes.
    var blockCount: Int {
        switch kind {
        case .groupedBars, .scatter: return 1
        case .lines(let lines): return lines.count
        case .panels(let panels): return panels.reduce(0) { $0 + $1.blockCount }
        }
    }

    /// For panels, the index of each panel's first block.
    var panelIndexOffsets: [Int] {
        guard case .panels(let panels) = kind else { return [0] }
        return panels.indices.map { i in panels[..<i].reduce(0) { $0 + $1.blockCount } }
    }

    /// `x mean lower upper n` for one point.
    private func row(x: Double, y: Statistic) -> String {
        ([x, y.mean] + errorBar(y)).map(GnuplotText.number).joined(separator: " ") + " \(y.values.count)"
    }
}
