import Foundation
import Report

extension TaskBaselines {
    /// The per-task table (chance, zero-shot, tuned alone, centralized), then the same scores per category of each task.
    ///
    /// The second table shows which question types (ScienceQA: which families, GQA: which question
    /// types) tuning learns; categories of the scene-style tasks (COCO, RefCOCO, OCR-VQA) are background styles.
    public static func markdown(_ rows: [Row]) -> String {
        let number = { (value: Double) in String(format: "%.1f", value) }
        let scores = ["chance (majority answer)", "zero-shot base", "tuned on the task alone", "centralized tuning on the union"]
        var tasks = ResultTable(header: ["task", "metric"] + scores)
        for row in rows {
            tasks.append([row.task.paperName, TaskMetric.name(of: row.task)] + [row.chance, row.zeroShot, row.alone, row.centralized].map(number))
        }
        var categories = ResultTable(header: ["task", "category", "test items"] + scores)
        for row in rows {
            for (index, chance) in row.chanceByCategory.enumerated() {
                let others = [row.zeroShotByCategory[index], row.aloneByCategory[index], row.centralizedByCategory[index]]
                precondition(others.allSatisfy { $0.name == chance.name }, "the four breakdowns cover the same test items")
                categories.append([row.task.paperName, chance.name, "\(chance.count)", number(chance.score)] + others.map { number($0.score) })
            }
        }
        return tasks.render() + "\n\n" + categories.render() + "\n"
    }
}
