import Foundation
import Report
import XCTest

/// Charts that cannot be drawn are refused with the right `ReportError`, before anything is written.
final class ChartValidationTests: ReportTestCase {
    func assertRenderThrows(_ chart: Chart, _ expected: ReportError, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try subdirectory("out")
        XCTAssertThrowsError(try GnuplotRenderer().render(chart, into: output), file: file, line: line) { error in
            XCTAssertEqual(error as? ReportError, expected, file: file, line: line)
        }
        XCTAssertEqual(try contents(of: output), [], "nothing written", file: file, line: line)
    }

    func testBadNamesAreRefused() throws {
        for name in ["", "Table1", "a b", "a/b", "fig.png", "é"] {
            var chart = Self.bars
            chart.name = name
            try assertRenderThrows(chart, .invalidChartName(name))
        }
        XCTAssertTrue(Chart.isValidName("table1_bars-2"))
    }

    func testSeriesOfTheWrongLengthIsRefused() throws {
        let chart = Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .groupedBars(
            categories: ["a", "b"], series: [.init(name: "ok", values: [Statistic([1]), Statistic([2])]),
                                             .init(name: "short", values: [Statistic([1])])]))
        try assertRenderThrows(chart, .inconsistentSeriesLengths(chart: "x", series: "short", expected: 2, actual: 1))
    }

    func testNaNInfinityAndEmptyStatisticsAreRefused() throws {
        let nanBar = Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .groupedBars(
            categories: ["a"], series: [.init(name: "s", values: [Statistic([1, .nan])])]))
        try assertRenderThrows(nanBar, .nonFiniteValue(chart: "x", location: "series 's', category 'a'"))
        let infiniteX = Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .lines([
            .init(name: "l", points: [.init(x: 1, y: Statistic([1])), .init(x: .infinity, y: Statistic([1]))])]))
        try assertRenderThrows(infiniteX, .nonFiniteValue(chart: "x", location: "line 'l', point 2 (x)"))
        let noValues = Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .scatter([
            .init(label: "p", x: 1, y: Statistic([]))]))
        try assertRenderThrows(noValues, .nonFiniteValue(chart: "x", location: "point 'p'"))
    }

    func testNonPositiveXOnALogAxisAndEmptyChartsAreRefused() throws {
        let chart = Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .scatter([
            .init(label: "p", x: 0, y: Statistic([1]))]), logScaleX: true)
        try assertRenderThrows(chart, .nonPositiveLogarithmicX(chart: "x", location: "point 'p'", x: 0))
        try assertRenderThrows(Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .lines([])), .emptyChart(chart: "x"))
        try assertRenderThrows(Chart(name: "x", title: "", xLabel: "", yLabel: "", kind: .lines([.init(name: "l", points: [])])),
                               .emptySeries(chart: "x", series: "l"))
    }

    func testErrorMessagesNameWhatToDo() {
        XCTAssertTrue(ReportError.gnuplotMissing(executable: "gnuplot").description.contains("gnuplot-nox"))
        let failed = ReportError.gnuplotFailed(chart: "fig", status: 1, standardError: "line 3: undefined variable\n")
        XCTAssertTrue(failed.description.contains("'fig'"))
        XCTAssertTrue(failed.description.contains("line 3: undefined variable"))
    }
}
