import Federated
import Study
import World
import XCTest

/// The DSL collects the rows, settings and outputs it is given, including from loops and conditions.
final class StudyBuilderTests: XCTestCase {
    func testLoopsAndConditionsBuildTheExpectedRows() {
        for withBaseline in [true, false] {
            let study = Study("sweep", title: "Sweep", scenario: .visual) {
                if withBaseline {
                    Reference("Local", .local)
                } else {
                    Row("FedAvg", .fedAvg)
                }
                for k in [2, 4] {
                    Row("k = \(k)", .pilot { $0.textAggregation = .nearest(k: k) })
                    if k == 4 { Row("k = 4 random init", .pilot { $0.textAggregation = .nearest(k: k); $0.crossInitFromLocal = false }) }
                }
                Table(.perTask)
            }
            XCTAssertEqual(study.rows.map(\.label),
                           [withBaseline ? "Local" : "FedAvg", "k = 2", "k = 4", "k = 4 random init"])
            XCTAssertEqual(study.rows[0].isReference, withBaseline)
            XCTAssertEqual(study.rows.map(\.topK), [nil, 2, 4, 4])
            XCTAssertEqual(study.rows[3].method.pilotOptions?.crossInitFromLocal, false)
            XCTAssertEqual(study.tables, [Table(.perTask)])
        }
    }

    func testSeedsAndRoundsDefaultToThePapersAndCanBeSet() {
        let plain = Study("a", title: "A") { Row("Local", .local); Table(.perTask) }
        XCTAssertEqual(plain.seeds, 3)
        XCTAssertEqual(plain.rounds, RunDefaults.rounds)
        let set = Study("b", title: "B") { Seeds(5); Rounds(2); Row("Local", .local); Table(.perTask) }
        XCTAssertEqual(set.seeds, 5)
        XCTAssertEqual(set.rounds, 2)
    }

    func testAblationAddsComponentsInOrderAndEndsAtFullPilot() {
        let rows = Ablation(adding: [.adaptiveTextAggregation, .crossTaskAdapters, .auxiliaryLosses, .differenceLoss]).rows
        XCTAssertEqual(rows.map(\.label), ["none", "+ ATA", "+ cross-task adapter", "+ aux loss", "+ difference loss"])
        let options = rows.map { $0.method.pilotOptions! }
        XCTAssertEqual(options[0].textAggregation, .allClients)
        XCTAssertFalse(options[0].crossTaskAdapters || options[0].auxiliaryLosses || options[0].differenceLoss)
        XCTAssertEqual(options[1].textAggregation, .nearest(k: 6))
        XCTAssertFalse(options[1].crossTaskAdapters)
        XCTAssertTrue(options[2].crossTaskAdapters)
        XCTAssertFalse(options[2].auxiliaryLosses)
        XCTAssertTrue(options[3].auxiliaryLosses)
        XCTAssertFalse(options[3].differenceLoss)
        XCTAssertEqual(options[4], PilotOptions(), "the last row is full Pilot")
    }

    func testFiguresTakeTheirKindsNameUnlessNamed() {
        XCTAssertEqual(Figure(.clientBars).name, "clients")
        XCTAssertEqual(Figure(.cost(.communicatedParameters)).name, "cost-cp")
        XCTAssertEqual(Figure(.taskBars, name: "bars", tasks: [.gqa]).name, "bars")
    }
}
