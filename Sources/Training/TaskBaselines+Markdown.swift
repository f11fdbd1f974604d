import Foundation

extension TaskBaselines {
    /// The per-task table (chance, zero-shot, tuned alone, centralized), then the same scores per category of each task.
    ///
    /// The second table shows which question types (ScienceQA: which families, GQA: which question
    /// types) tuning learns; categories of the scene-style tasks (COCO, RefCOCO, OCR-VQA) are background styles.
    public static func markdown(_ rows: [Row]) -> String {
        let number = { (value: Double) in String(format: "%.1f", value) }
        let scores = "chance (majority answer) | zero-shot base | tuned on the task alone | centralized tuning on the union |"
        var table = "| task | metric | \(scores)\n|---|---|---|---|---|---|\n"
        for row in rows {
            table += "| \(row.task.paperName) | \(TaskMetric.name(of: row.task)) | \(number(row.chance)) | "
                + "\(number(row.zeroShot)) | \(number(row.alone)) | \(number(row.centralized)) |\n"
        }
        table += "\n| task | category | test items | \(scores)\n|---|---|---|---|---|---|---|\n"
        for row in rows {
            for (index, chance) in row.chanceByCategory.enumerated() {
                let others = [row.zeroShotByCategory[index], row.aloneByCategory[index], row.centralizedByCategory[index]]
                precondition(others.allSatisfy { $0.name == chance.name }, "the four breakdowns cover the same test items")
                table += "| \(row.task.paperName) | \(chance.name) | \(chance.count) | \(number(chance.score)) | "
                    + others.map { number($0.score) }.joined(separator: " | ") + " |\n"
            }
        }
        return table
    }
}
