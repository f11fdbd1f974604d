import Foundation
import Models
import NN
import Tensors
import Training
import World
import XCTest

/// The per-category breakdown of an evaluation and the world table that shows it.
final class CategoryScoreTests: XCTestCase {
    /// Half the GQA items answered right: each category's score is its own items' share, and the count-weighted mean is the task's score.
    func testBreakdownSplitsTheScoreByCategory() {
        let examples = TrainingFixtures.examples(.gqa, 60)
        let predictions = Dictionary(uniqueKeysWithValues: examples.enumerated().map { index, example in
            (example.id, index % 3 == 0 ? example.answer : "nothing")
        })
        let references = Dictionary(uniqueKeysWithValues: examples.map { ($0.id, $0.references) })
        let (score, perItem) = TaskMetric.score(.gqa, predictions: predictions, references: references)
        let evaluation = Evaluation(task: .gqa, score: score, perItem: perItem, predictions: predictions)

        let breakdown = CategoryScore.breakdown(of: evaluation, examples: examples)

        let present = GQATask.categories.indices.filter { category in examples.contains { $0.category == category } }
        XCTAssertEqual(breakdown.map(\.name), present.map { GQATask.categories[$0] }, "categories in the generator's order")
        XCTAssertEqual(breakdown.map(\.count).reduce(0, +), examples.count)
        for entry in breakdown {
            let category = GQATask.categories.firstIndex(of: entry.name)!
            let items = examples.enumerated().filter { $0.element.category == category }
            XCTAssertEqual(entry.count, items.count)
            let right = items.filter { $0.offset % 3 == 0 }.count
            XCTAssertEqual(entry.score, 100 * Double(right) / Double(items.count), accuracy: 1e-9, entry.name)
        }
        let weighted = breakdown.reduce(0.0) { $0 + $1.score * Double($1.count) } / Double(examples.count)
        XCTAssertEqual(weighted, score, accuracy: 1e-9)
        XCTAssertGreaterThan(score, 0)
        XCTAssertLessThan(score, 100)
    }

    /// The baselines of `tasks` at smoke scale on a tiny random model, and the progress lines it logged.
    func measure(_ tasks: [TaskKind]) throws -> (TaskBaselines, [TaskBaselines.Row], [String]) {
        let options = TrainingOptions(epochs: 1, batchSize: 16,
                                      schedule: LearningRateSchedule(base: 1e-3, warmupSteps: 1, decay: .cosine, minimumFactor: 0.1))
        let plan = TaskBaselines(scale: .smoke, options: options, seed: 3, tasks: tasks)
        var lines: [String] = []
        let rows = try plan.measure(base: {
            var rng = RandomStream(seed: 5)
            return MultimodalModel(config: TrainingFixtures.tinyConfig, rng: &rng)
        }, log: { lines.append($0) })
        return (plan, rows, lines)
    }

    /// Measuring a union of two tasks gives their rows in the given order, each split into categories that add up to its score.
    func testBaselinesOfATaskSubsetCoverOnlyThoseTasks() throws {
        let (plan, rows, _) = try measure([.scienceqa, .gqa])

        XCTAssertEqual(rows.map(\.task), [.scienceqa, .gqa])
        let testItems = ScalePreset.smoke.testPerClient * plan.clientsPerTask
        for row in rows {
            for (breakdown, score) in [(row.chanceByCategory, row.chance), (row.zeroShotByCategory, row.zeroShot),
                                       (row.aloneByCategory, row.alone), (row.centralizedByCategory, row.centralized)] {
                XCTAssertEqual(breakdown.map(\.count).reduce(0, +), testItems, "\(row.task)")
                let weighted = breakdown.reduce(0.0) { $0 + $1.score * Double($1.count) } / Double(testItems)
                XCTAssertEqual(weighted, score, accuracy: 1e-9, "\(row.task)")
            }
        }
    }

    /// A task tuned alone in a union's plan trains exactly as a plan of that task alone trains centralized, and not as the union.
    func testTunedAloneIsTheOneTaskPlansCentralizedTuning() throws {
        let (_, union, unionLog) = try measure([.scienceqa, .gqa])
        let steps = { (lines: [String], label: String) in
            lines.filter { $0.hasPrefix("\(label) step ") }.map { $0.replacingOccurrences(of: label, with: "") }
        }
        for (task, row) in zip([TaskKind.scienceqa, .gqa], union) {
            let (_, single, singleLog) = try measure([task])
            let alone = steps(unionLog, "\(task.paperName) alone"), centralized = steps(singleLog, "centralized")
            XCTAssertFalse(alone.isEmpty, "\(task)")
            XCTAssertEqual(alone, centralized, "the same steps and losses: \(task)")
            XCTAssertNotEqual(alone, steps(unionLog, "centralized"), "not the union's: \(task)")
            XCTAssertEqual(row.alone, single[0].centralized, "\(task)")
            XCTAssertEqual(row.aloneByCategory, single[0].centralizedByCategory, "\(task)")
        }
    }

    /// The world table lists every task and then one line per category with the four scores.
    func testMarkdownListsEachCategoryUnderItsTask() {
        let scores = [CategoryScore(name: "color", count: 3, score: 10), CategoryScore(name: "count", count: 5, score: 20)]
        let alone = [CategoryScore(name: "color", count: 3, score: 100), CategoryScore(name: "count", count: 5, score: 60)]
        let tuned = [CategoryScore(name: "color", count: 3, score: 70), CategoryScore(name: "count", count: 5, score: 40)]
        let row = TaskBaselines.Row(task: .gqa, chance: 16.3, zeroShot: 16.3, alone: 75.0, centralized: 51.3,
                                    chanceByCategory: scores, zeroShotByCategory: scores, aloneByCategory: alone,
                                    centralizedByCategory: tuned)

        let text = TaskBaselines.markdown([row])
        // The cells of each line, padding trimmed.
        let rows = text.split(separator: "\n").map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }

        XCTAssertTrue(rows.contains(["GQA", "accuracy", "16.3", "16.3", "75.0", "51.3"]), text)
        XCTAssertTrue(rows.contains(["GQA", "color", "3", "10.0", "10.0", "100.0", "70.0"]), text)
        XCTAssertTrue(rows.contains(["GQA", "count", "5", "20.0", "20.0", "60.0", "40.0"]), text)
    }
}
