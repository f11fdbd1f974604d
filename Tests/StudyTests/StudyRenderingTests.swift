import Federated
import Report
import Study
import World
import XCTest

/// Tables and charts from hand-made histories: layout, statistics over seeds, costs.
final class StudyRenderingTests: XCTestCase {
    /// A history of 9 clients whose final score is `base + client` and whose clients upload `upload` floats per round.
    func history(base: Double, rounds: Int = 2, upload: Int = 100) -> RunHistory {
        var h = RunHistory(clients: 9)
        for r in 0..<rounds {
            h.scores.append((0..<9).map { base + Double($0) - Double(rounds - 1 - r) })
            h.uploaded.append(Array(repeating: upload, count: 9))
            h.downloaded.append(Array(repeating: upload, count: 9))
            h.seconds.append(1)
        }
        return h
    }

    let study = Study("paper", title: "Paper") {
        Reference("Centralized", .centralized)
        Row("Local", .local)
        for k in [7, 5] { Row("k = \(k)", .pilot { $0.textAggregation = .nearest(k: k) }) }
        Table(.perTask, costs: [.activatedParameters, .communicatedParameters])
        Figure(.clientBars)
        Figure(.roundCurves)
        Figure(.taskBars, tasks: [.gqa, .coco])
        Figure(.topKLine)
        Figure(.cost(.communicatedParameters))
        Figure(.difference(row: "k = 5", baseline: "Local"))
    }

    /// Two seeds per row; row i's scores are 10·i higher; seed 1 two points above seed 0.
    var results: StudyResults {
        StudyResults(study: study, settings: StudyFixtures.settings(), seeds: [0, 1], histories: (0..<4).map { row in
            [history(base: 10 * Double(row), upload: 100 * (row + 1)), history(base: 10 * Double(row) + 2, upload: 100 * (row + 1))]
        })
    }

    func testPerClientTableGroupsClientsByTaskWithAverages() throws {
        let table = results.markdownTable(Table(.perClient))
        XCTAssertEqual(table.groups.map(\.title), ["GQA (accuracy)", "COCO (CIDEr)", "RefCOCO (Acc@IoU0.5)"])
        XCTAssertEqual(table.groups[0].columns, ["GQA-1", "GQA-2", "GQA-3", "avg"])
        XCTAssertEqual(table.rows.map(\.isReference), [true, false, false, false])
        // Local (row 1): client c scores 10 + c (seed 0) and 12 + c (seed 1); GQA's avg over clients 0–2 is 11 and 13.
        XCTAssertEqual(table.rows[1].cells[0], .statistic(Statistic([10, 12])))
        XCTAssertEqual(table.rows[1].cells[3], .statistic(Statistic([11, 13])))
        XCTAssertEqual(table.rows[1].cells[7], .statistic(Statistic([14, 16])), "COCO's avg over clients 3–5")
        XCTAssertTrue(table.rendered().contains("11.0 ± 1.4"))
    }

    func testPerTaskTableHasCostColumnsWithCPFromUploadsAndAPMissing() {
        let table = results.markdownTable(study.tables[0])
        XCTAssertEqual(table.groups.map(\.columns), [["GQA (accuracy)", "COCO (CIDEr)", "RefCOCO (Acc@IoU0.5)"], ["AP", "CP"]])
        XCTAssertEqual(table.rows[2].cells[0], .statistic(Statistic([21, 23])))
        XCTAssertEqual(Array(table.rows[2].cells.suffix(2)), [.missing, .integer(300)])
    }

    func testEveryFigureKindGivesAValidChart() throws {
        let results = self.results
        for figure in study.figures {
            let chart = try results.chart(figure)
            XCTAssertNoThrow(try chart.validate(), figure.name)
            XCTAssertEqual(chart.name, figure.name)
        }
        guard case let .lines(lines) = try results.chart(Figure(.topKLine)).kind else { return XCTFail("not lines") }
        XCTAssertEqual(lines.map(\.name), ["GQA", "COCO", "RefCOCO"])
        XCTAssertEqual(lines[0].points.map(\.x), [5, 7], "top-k points in increasing k")
        guard case let .groupedBars(categories, series) = try results.chart(Figure(.difference(row: "k = 5", baseline: "Local"))).kind else {
            return XCTFail("not bars")
        }
        XCTAssertEqual(categories, ["GQA", "COCO", "RefCOCO"])
        XCTAssertEqual(series[0].values[0], Statistic([20, 20]), "k = 5 is row 3: 30 + c against Local's 10 + c, per seed")
        XCTAssertTrue(try results.chart(Figure(.difference(row: "k = 5", baseline: "Local"))).zeroLine)
        guard case let .groupedBars(clientNames, _) = try results.chart(Figure(.clientBars, tasks: [.refcoco])).kind else { return XCTFail("not bars") }
        XCTAssertEqual(clientNames, ["RefCOCO-1", "RefCOCO-2", "RefCOCO-3"])
        guard case let .lines(rounds) = try results.chart(Figure(.roundCurves)).kind else { return XCTFail("not lines") }
        XCTAssertEqual(rounds[1].points.map(\.y), [Statistic([13, 15]), Statistic([14, 16])], "Local's mean over clients per round")
    }

    func testAFigureOfAnUnrecordedCostIsAnError() {
        XCTAssertThrowsError(try results.chart(Figure(.cost(.activatedParameters)))) {
            XCTAssertTrue("\($0)".contains("AP"), "\($0)")
        }
    }
}
