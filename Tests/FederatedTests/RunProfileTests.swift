@testable import Federated
import Foundation
import XCTest

/// Where a run's wall time goes: every phase of every round is measured, and the table adds up.
final class RunProfileTests: XCTestCase {
    func testTheTableSumsEachPhaseOverRoundsAndSharesAddUp() {
        var profile = RunProfile()
        profile.add(1.5, to: .data, round: 0)
        profile.add(2.0, to: .generation, round: 0)
        profile.add(4.0, to: .training, round: 1)
        profile.add(0.5, to: .training, round: 1)
        profile.add(2.0, to: .generation, round: 1)
        XCTAssertEqual(profile.total(.training), 4.5)
        XCTAssertEqual(profile.total(.generation), 4.0)
        XCTAssertEqual(profile.total, 10.0)
        // The cells of each line, padding trimmed.
        let rows = profile.table.split(separator: "\n").map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(rows[0], ["phase", "start", "round 1", "total (s)", "share"])
        XCTAssertTrue(rows.contains(["local training", "0.0", "4.5", "4.5", "45 %"]), profile.table)
        XCTAssertTrue(rows.contains(["evaluation: generation and scoring", "2.0", "2.0", "4.0", "40 %"]), profile.table)
        XCTAssertEqual(rows.last, ["all", "3.5", "6.5", "10.0", "100 %"])
    }

    func testMeasureAddsTheBodysWallTimeAndReturnsItsValue() {
        var profile = RunProfile()
        let value = profile.measure(.checkpoint, round: 2) { () -> Int in
            Thread.sleep(forTimeInterval: 0.02)
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertGreaterThanOrEqual(profile.total(.checkpoint), 0.02)
        XCTAssertEqual(profile.seconds.keys.sorted(), [2])
    }

    func testARunTimesEveryPhaseItGoesThrough() throws {
        let runner = try TinyRun.runner(TinyRun.config(.fedAvg, rounds: 2), "profile")
        try runner.run()
        let seconds = runner.profile.seconds
        XCTAssertEqual(seconds.keys.sorted(), [0, 1, 2])
        XCTAssertGreaterThan(seconds[0]?[.data] ?? 0, 0, "data are prepared before round 1")
        XCTAssertGreaterThan(seconds[0]?[.generation] ?? 0, 0, "the starting model is scored")
        for round in [1, 2] {
            for phase in [RunProfile.Phase.training, .aggregation, .generation, .checkpoint] {
                XCTAssertGreaterThan(seconds[round]?[phase] ?? 0, 0, "\(phase) in round \(round)")
            }
        }
        // The test answer loss is recorded after the last round only (the tables read no other).
        XCTAssertGreaterThan(seconds[2]?[.answerLoss] ?? 0, 0)
        XCTAssertNil(seconds[0]?[.answerLoss])
        XCTAssertNil(seconds[1]?[.answerLoss])
        // A profile covers this process only: a resumed run that has nothing left to do measures no round.
        let resumed = try TinyRun.runner(TinyRun.config(.fedAvg, rounds: 2), "profile")
        try resumed.run()
        XCTAssertNil(resumed.profile.seconds[1])
    }
}
