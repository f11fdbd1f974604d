import Report
import Training
import World

extension StudyResults {
    /// Per category of `task` (in its generator's order): over seeds, the mean after the last round of the
    /// test items of that category, pooled over the task's clients; nil when the runs hold no item scores or
    /// `categories` (per client, each test item's category) does not match them.
    public func categoryScores(task: TaskKind, row: Int, categories: [[Int]]) -> [Statistic]? {
        let members = clients(of: [task])
        let names = task.generator.categories
        var perSeed: [[Double]] = []     // [seed][category]
        for h in histories[row] {
            guard let items = h.testItemScores.last, items.count == categories.count,
                  members.allSatisfy({ items[$0].count == categories[$0].count }) else { return nil }
            perSeed.append(names.indices.map { category in
                let scores = members.flatMap { c in zip(items[c], categories[c]).filter { $0.1 == category }.map(\.0) }
                return scores.isEmpty ? .nan : scores.reduce(0, +) / Double(scores.count)
            })
        }
        return names.indices.map { c in Statistic(perSeed.map { $0[c] }) }
    }

    /// The table of `task`'s question families beside each other (ScienceQA's context and picture families), or
    /// nil when the study's scenario lacks the task or its runs hold no per-item scores.
    public func categoryTable(task: TaskKind, facts: ReproductionFacts) -> MarkdownTable? {
        guard study.scenario.tasks.contains(task), let categories = facts.testCategories[study.scenario] else { return nil }
        var rows: [MarkdownTable.Row] = []
        for r in study.rows.indices {
            guard let scores = categoryScores(task: task, row: r, categories: categories) else { return nil }
            rows.append(MarkdownTable.Row(label: study.rows[r].label, cells: scores.map { .statistic($0) }, isReference: study.rows[r].isReference))
        }
        let members = clients(of: [task])
        let counts = task.generator.categories.indices.map { c in members.reduce(0) { $0 + categories[$1].filter { $0 == c }.count } }
        let columns = zip(task.generator.categories, counts).map { "\($0) (\($1) items)" }
        let caption = "\(task.paperName) per question family: the \(TaskMetric.name(of: task)) over the family's test items pooled over "
            + "the task's clients after round \(study.rounds), mean ± std over seeds."
            + (task == .scienceqa ? " \(ScienceQATask.pictureCategories.sorted().map { ScienceQATask.categories[$0] }.joined(separator: ", ")) "
               + "needs the picture (SQA-IMG's analog); the other families are answered from the context." : "")
        return MarkdownTable(title: "", caption: caption, groups: [MarkdownTable.ColumnGroup(title: "", columns: columns)], rows: rows)
    }
}
