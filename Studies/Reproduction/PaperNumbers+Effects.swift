import Study
import Foundation
import Report

extension PaperNumbers {
    /// The paper's own effect for `check`, from its printed numbers, in its units: per-task differences (tasks in column
    /// order, " / " between) for a normalised mean, one difference for one task, billions of parameters for a cost; nil
    /// where the paper prints no numbers (Figure 1(b)) or lacks a row.
    public static func effect(of check: ClaimCheck) -> String? {
        guard let table = tables.first(where: { $0.study == check.study }) else { return nil }
        return effect(of: check.test, in: table)
    }

    static func effect(of test: ClaimTest, in table: PaperTable) -> String? {
        let perTask = { (label: String) in
            table.row(forStudyRow: label)?.scores.taskAverages(clientsPerTask: table.scenario.clientsPerTask)
        }
        switch test {
        case let .rowAbove(better, worse):
            guard let high = perTask(better), let low = perTask(worse) else { return nil }
            return zip(high, low).map { ReproductionText.signed($0 - $1) }.joined(separator: " / ")
        case let .rowAboveOnTask(better, worse, task):
            guard let high = perTask(better), let low = perTask(worse), let t = table.scenario.tasks.firstIndex(of: task) else { return nil }
            return ReproductionText.signed(high[t] - low[t])
        case let .costAbove(higher, lower, measure):
            let billions = { (label: String) in table.row(forStudyRow: label)?.costs.first { $0.measure == measure }?.billions }
            guard let high = billions(higher), let low = billions(lower) else { return nil }
            return String(format: "%+gB", high - low)
        case let .unmeasurable(inner, _):
            return effect(of: inner, in: table)
        }
    }
}
