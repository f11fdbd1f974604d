import PaperStudies
import Study
import XCTest

/// Two reproductions side by side: flips are classified, totals counted.
final class ReproductionComparisonTests: XCTestCase {
    typealias F = ReproductionFixtures

    /// Every paper study with scores 50 + client + offset(row) + seed · spread(row) (so a row's spread makes a check undecided).
    func reproduction(offset: [String: Double], spread: [String: Double] = [:]) -> PaperReproduction {
        PaperReproduction(results: Studies.all.map { study in
            F.results(study, score: { label, s, c in 50 + Double(c) + (offset[label] ?? 0) + Double(s) * (spread[label] ?? 0) * (s == 1 ? -1 : 1) },
                      activated: { _ in 1000 })
        }, facts: F.facts)
    }

    func testFlipsAreClassifiedAndCounted() throws {
        // A: Local above FedAvg and FedAvg above Shepherd on every seed alike (decided by sign). B: Local below FedAvg
        // (a conflict on (b)), and Shepherd's scores spread over seeds so (c) becomes inconclusive (moved).
        let a = reproduction(offset: ["Local": 2, "Shepherd": -2])
        let b = reproduction(offset: ["Local": -2, "Shepherd": -2], spread: ["Shepherd": 30])
        let comparison = ReproductionComparison(a, b)
        func line(_ claim: String, _ study: String) throws -> ReproductionComparison.Line {
            try XCTUnwrap(comparison.lines.first { $0.claim.id == claim && $0.check.study == study })
        }
        XCTAssertEqual(try line("b", "table1").flip, .conflict)
        XCTAssertEqual(try line("b", "table1").a.decision?.verdict, .reproduced)
        XCTAssertEqual(try line("b", "table1").b.decision?.verdict, .contradicted)
        XCTAssertEqual(try line("c", "table1").flip, .moved)
        XCTAssertEqual(try line("c", "table1").b.decision?.verdict, .inconclusive)
        XCTAssertEqual(try line("g", "table4").flip, .same, "AP is not measured in either")
        XCTAssertEqual(comparison.count(.conflict) + comparison.count(.moved) + comparison.count(.same) + comparison.count(.measuredOnce),
                       comparison.lines.count)
        let text = comparison.markdown(labelA: "A (base 0)", labelB: "B (base 1)")
        XCTAssertTrue(text.contains("| A (base 0): verdict |"), text)
        XCTAssertTrue(text.contains("CONFLICT"), text)
        XCTAssertTrue(text.hasSuffix("reproduced in one and contradicted in the other.\n"), text)
        XCTAssertTrue(text.contains("\(comparison.lines.count) checks: "), text)

        let same = ReproductionComparison(a, a)
        XCTAssertEqual(same.count(.same), same.lines.count)
    }
}
