import Federated
import Report
import Study
import World
import XCTest

/// ScienceQA's question families reported apart, from per-item scores and the test items' categories.
final class CategoryTableTests: XCTestCase {
    let study = Study("sqa", title: "SQA", scenario: .generalVQA) {
        Row("Local", .local)
        Table(.perClient)
    }

    /// Clients 3–5 are ScienceQA's: each has four items of families 0, 1, 2, 2 scoring 100, 0, 100, `picture`.
    func results(picture: Double, seeds: Int = 2) -> StudyResults {
        let histories = [(0..<seeds).map { seed -> RunHistory in
            var h = RunHistory(clients: 9)
            h.scores = [Array(repeating: 50, count: 9)]
            h.testItemScores = [(0..<9).map { _ in [100, 0, 100, picture + Double(seed)] }]
            return h
        }]
        return StudyResults(study: study, settings: StudyFixtures.smoke, seeds: (0..<UInt64(seeds)).map { $0 }, histories: histories)
    }

    let categories = Array(repeating: [0, 1, 2, 2], count: 9)

    func testFamiliesArePooledOverTheTasksClients() throws {
        let scores = try XCTUnwrap(results(picture: 0).categoryScores(task: .scienceqa, row: 0, categories: categories))
        XCTAssertEqual(scores.map(\.mean), [100, 0, 50.25])       // family 2: (100 + seed) / 2 over seeds 0 and 1
        let facts = ReproductionFacts(chance: [:], testCategories: [.generalVQA: categories], modelParameters: 1, imageSize: 32)
        let text = try XCTUnwrap(results(picture: 0).categoryTable(task: .scienceqa, facts: facts)).rendered()
        XCTAssertTrue(text.contains("shape-picture (6 items)"), text)
        XCTAssertTrue(text.contains("needs the picture"), text)
    }

    func testNoTableWithoutItemScoresOrForAnotherScenario() {
        var bare = RunHistory(clients: 9)
        bare.scores = [Array(repeating: 50, count: 9)]
        let without = StudyResults(study: study, settings: StudyFixtures.smoke, seeds: [0], histories: [[bare]])
        XCTAssertNil(without.categoryScores(task: .scienceqa, row: 0, categories: categories))
        let facts = ReproductionFacts(chance: [:], testCategories: [.generalVQA: categories], modelParameters: 1, imageSize: 32)
        XCTAssertNil(results(picture: 0).categoryTable(task: .coco, facts: facts))
    }
}
