import Foundation

extension Chart {
    /// Throws the first `ReportError` that would stop this chart from rendering: a bad name,
    /// nothing to draw, series of the wrong length, a NaN or infinite number, or x ≤ 0 on a log axis.
    public func validate() throws {
        guard Self.isValidName(name) else { throw ReportError.invalidChartName(name) }
        switch kind {
        case .groupedBars(let categories, let series):
            guard !categories.isEmpty, !series.isEmpty else { throw ReportError.emptyChart(chart: name) }
            for one in series {
                guard one.values.count == categories.count else {
                    throw ReportError.inconsistentSeriesLengths(chart: name, series: one.name,
                                                                expected: categories.count, actual: one.values.count)
                }
                for (category, value) in zip(categories, one.values) {
                    try requireFinite(value, at: "series '\(one.name)', category '\(category)'")
                }
            }
        case .lines(let lines):
            guard !lines.isEmpty else { throw ReportError.emptyChart(chart: name) }
            for line in lines {
                guard !line.points.isEmpty else { throw ReportError.emptySeries(chart: name, series: line.name) }
                for (index, point) in line.points.enumerated() {
                    let location = "line '\(line.name)', point \(index + 1)"
                    try requirePlottable(x: point.x, y: point.y, at: location)
                }
            }
        case .scatter(let points):
            guard !points.isEmpty else { throw ReportError.emptyChart(chart: name) }
            for point in points {
                try requirePlottable(x: point.x, y: point.y, at: "point '\(point.label)'")
            }
        case .panels(let panels):
            guard !panels.isEmpty else { throw ReportError.emptyChart(chart: name) }
            for panel in panels {
                if case .panels = panel.kind { throw ReportError.nestedPanels(chart: name) }
                try panel.validate()
            }
        }
    }

    /// Whether `name` is a non-empty file stem of `a-z`, `0-9`, `_` and `-`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
    }

    /// Throws unless `x` is finite (and positive on a log axis) and `y` is a finite statistic.
    private func requirePlottable(x: Double, y: Statistic, at location: String) throws {
        guard x.isFinite else { throw ReportError.nonFiniteValue(chart: name, location: "\(location) (x)") }
        if logScaleX && x <= 0 {
            throw ReportError.nonPositiveLogarithmicX(chart: name, location: location, x: x)
        }
        try requireFinite(y, at: location)
    }

    /// Throws unless `statistic` has values, all finite, with a finite mean and standard deviation.
    private func requireFinite(_ statistic: Statistic, at location: String) throws {
        guard statistic.isFinite, statistic.mean.isFinite, statistic.standardDeviation.isFinite else {
            throw ReportError.nonFiniteValue(chart: name, location: location)
        }
    }
}
