import Foundation

/// Why a table or figure could not be rendered or written, with what to do about it.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// The gnuplot executable was not found or cannot be run.
    case gnuplotMissing(executable: String)
    /// gnuplot ran but failed on a chart's script.
    case gnuplotFailed(chart: String, status: Int32, standardError: String)
    /// A chart's name is not a valid file stem (`[a-z0-9_-]+`).
    case invalidChartName(String)
    /// A series or row does not have one value per category or column.
    case inconsistentSeriesLengths(chart: String, series: String, expected: Int, actual: Int)
    /// A table row does not have one cell per column.
    case inconsistentRowLength(table: String, row: String, expected: Int, actual: Int)
    /// A chart holds a NaN or infinite number (or a statistic without values).
    case nonFiniteValue(chart: String, location: String)
    /// A chart on a logarithmic x axis holds an x that is not positive.
    case nonPositiveLogarithmicX(chart: String, location: String, x: Double)
    /// A chart has nothing to draw.
    case emptyChart(chart: String)
    /// A panel of a multi-panel chart is itself made of panels.
    case nestedPanels(chart: String)
    /// A line of a chart has no points.
    case emptySeries(chart: String, series: String)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)

    /// One message for the user.
    public var description: String {
        switch self {
        case .gnuplotMissing(let executable):
            return "cannot run gnuplot ('\(executable)'): it is not installed or not executable; install it with `sudo apt-get install gnuplot-nox`"
        case .gnuplotFailed(let chart, let status, let standardError):
            let detail = standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            return "gnuplot failed (exit status \(status)) on chart '\(chart)': \(detail.isEmpty ? "no message" : detail)"
        case .invalidChartName(let name):
            return "invalid chart name '\(name)': a chart name is a file stem made of a-z, 0-9, '_' and '-'"
        case .inconsistentSeriesLengths(let chart, let series, let expected, let actual):
            return "chart '\(chart)': series '\(series)' has \(actual) values, expected \(expected) (one per category)"
        case .inconsistentRowLength(let table, let row, let expected, let actual):
            return "table '\(table)': row '\(row)' has \(actual) cells, expected \(expected) (one per column)"
        case .nonFiniteValue(let chart, let location):
            return "chart '\(chart)': \(location) is not a finite number (NaN, infinite or no values)"
        case .nonPositiveLogarithmicX(let chart, let location, let x):
            return "chart '\(chart)': \(location) has x = \(x), which a logarithmic x axis cannot show"
        case .emptyChart(let chart):
            return "chart '\(chart)' has nothing to draw"
        case .nestedPanels(let chart):
            return "chart '\(chart)': a panel cannot itself hold panels"
        case .emptySeries(let chart, let series):
            return "chart '\(chart)': line '\(series)' has no points"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
