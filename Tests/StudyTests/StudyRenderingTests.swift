import Federated
import Report
import Study
import World
import XCTest

/// Tables and charts from hand-made histories: layout, statistics over seeds, costs.
final class StudyRenderingTests: XCTestCase {
    /// A history of 9 clients whose final test score is `base + client`, whose validation scores are 5 below and one
    /// lower per earlier round (the test set scored after the last round only), and whose clients upload `upload` floats per round.
    func history(base: Double, rounds: Int = 2, upload: Int = 100) -> RunHistory {
        var h = RunHistory(clients: 9)
        for r in 0..<rounds {
            h.scores.append((0..<9).map { r == rounds - 1 ? base + Double($0) : .nan })
            h.validationScores.append((0..<9).map { base - 5 + Double($0) - Double(rounds - 1 - r) })
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
        // One panel per task, each on its metric's axis and bounded to its range.
        guard case let .panels(topK) = try results.chart(Figure(.topKLine)).kind else { return XCTFail("not panels") }
        XCTAssertEqual(topK.map(\.title), ["GQA", "COCO", "RefCOCO"])
        XCTAssertEqual(topK.map(\.yLabel), ["accuracy (%)", "CIDEr-D × 100", "Acc@IoU0.5 (%)"])
        XCTAssertEqual(topK.map(\.yBounds), [0 ... 100, 0 ... .infinity, 0 ... 100])
        guard case let .lines(lines) = topK[0].kind else { return XCTFail("not lines") }
        XCTAssertEqual(lines[0].points.map(\.x), [5, 7], "top-k points in increasing k")
        let difference = try results.chart(Figure(.difference(row: "k = 5", baseline: "Local")))
        guard case let .panels(differences) = difference.kind, case let .groupedBars(categories, series) = differences[0].kind else {
            return XCTFail("not panels of bars")
        }
        XCTAssertEqual(categories, ["GQA"])
        XCTAssertEqual(series[0].values[0], Statistic([20, 20]), "k = 5 is row 3: 30 + c against Local's 10 + c, per seed")
        XCTAssertTrue(differences.allSatisfy(\.zeroLine))
        XCTAssertEqual(differences[0].yBounds, -.infinity ... .infinity, "a difference may be negative")
        XCTAssertEqual(difference.title, "\(study.title) — k = 5 − Local per task")
        let oneTask = try results.chart(Figure(.clientBars, tasks: [.refcoco]))
        guard case let .groupedBars(clientNames, _) = oneTask.kind else { return XCTFail("one task: a single plot") }
        XCTAssertEqual(clientNames, ["1", "2", "3"])
        XCTAssertTrue(oneTask.title.hasSuffix("(RefCOCO)"), oneTask.title)
        guard case let .panels(roundPanels) = try results.chart(Figure(.roundCurves)).kind, case let .lines(rounds) = roundPanels[0].kind else {
            return XCTFail("not panels of lines")
        }
        XCTAssertEqual(rounds[1].points.map(\.y), [Statistic([5, 7]), Statistic([6, 8])], "Local's mean validation score over GQA's clients per round")
    }

    func testAFigureOfAnUnrecordedCostIsAnError() {
        XCTAssertThrowsError(try results.chart(Figure(.cost(.activatedParameters)))) {
            XCTAssertTrue("\($0)".contains("AP"), "\($0)")
        }
    }
}
