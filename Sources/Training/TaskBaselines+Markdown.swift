import Foundation

extension TaskBaselines {
    /// The per-task table (chance, zero-shot, centralized), then the same scores per category of each task.
    ///
    /// The second table shows which question types (ScienceQA: which families, GQA: which question
    /// types) tuning learns; categories of the scene-style tasks (COCO, RefCOCO, OCR-VQA) are background styles.
    public static func markdown(_ rows: [Row]) -> String {
        let number = { (value: Double) in String(format: "%.1f", value) }
        var table = "| task | metric | chance (majority answer) | zero-shot base | centralized tuning |\n|---|---|---|---|---|\n"
        for row in rows {
            table += "| \(row.task.paperName) | \(TaskMetric.name(of: row.task)) | \(number(row.chance)) | "
                + "\(number(row.zeroShot)) | \(number(row.centralized)) |\n"
        }
        table += "\n| task | category | test items | chance (majority answer) | zero-shot base | centralized tuning |\n|---|---|---|---|---|---|\n"
        for row in rows {
            for (chance, (zeroShot, centralized)) in zip(row.chanceByCategory, zip(row.zeroShotByCategory, row.centralizedByCategory)) {
                precondition(chance.name == zeroShot.name && chance.name == centralized.name, "the three breakdowns cover the same test items")
                table += "| \(row.task.paperName) | \(chance.name) | \(chance.count) | \(number(chance.score)) | "
                    + "\(number(zeroShot.score)) | \(number(centralized.score)) |\n"
            }
        }
        return table
    }
}
