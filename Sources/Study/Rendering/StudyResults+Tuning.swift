import Report
import Training
import World

extension StudyResults {
    /// Per task (scenario order): the mean over clients and seeds of `row`'s validation score after the last round.
    public func validationTaskMeans(row: Int) -> [Double] {
        study.scenario.tasks.map { task in
            let perSeed = histories[row].map { h -> Double in
                guard let last = h.validationScores.last, last.count == study.scenario.clientCount else { return .nan }
                return taskMean(last, task: task)
            }
            return perSeed.reduce(0, +) / Double(perSeed.count)
        }
    }

    /// Per task, the normalisation's ceiling: the highest `validationTaskMeans` of any row of the study.
    func validationCeilings() -> [Double] { ceilings(study.rows.indices.map(validationTaskMeans)) }

    /// Per task, the highest of `rowMeans` (one array of per-task means per row) that is finite.
    func ceilings(_ rowMeans: [[Double]]) -> [Double] {
        study.scenario.tasks.indices.map { t in rowMeans.map { $0[t] }.filter(\.isFinite).max() ?? .nan }
    }

    /// Per row: the mean over tasks of (v − chance) / (ceiling − chance), v the row's validation task mean,
    /// chance the majority answer's validation score and ceiling the study's best row on the task (a task on
    /// which no row rises above chance counts 0 for every row); NaN for a row whose runs lack a validation score.
    public func normalisedValidationScores(chance: [TaskKind: Double]) -> [Double] {
        let ceilings = validationCeilings()
        return study.rows.indices.map { normalised(validationTaskMeans(row: $0), chance: chance, ceilings: ceilings) }
    }

    /// The mean over tasks of (mean − chance) / (ceiling − chance) for per-task `means` in scenario order.
    func normalised(_ means: [Double], chance: [TaskKind: Double], ceilings: [Double]) -> Double {
        let tasks = study.scenario.tasks
        guard means.allSatisfy(\.isFinite) else { return .nan }
        let terms = tasks.indices.map { t -> Double in
            let floor = chance[tasks[t]] ?? 0, span = ceilings[t] - floor
            return span > 0 ? (means[t] - floor) / span : 0
        }
        return terms.reduce(0, +) / Double(terms.count)
    }

    /// Per tuning group, the grid point with the highest normalised validation score (the first on ties).
    public func tuningSelections(chance: [TaskKind: Double]) -> [TuningSelection] {
        let scores = normalisedValidationScores(chance: chance)
        return study.tuningGroups.compactMap { group in
            // A grid point whose runs lack a validation score cannot be selected (its table row says non-finite).
            let members = study.rows.indices.filter { study.rows[$0].tuningGroup == group.name && scores[$0].isFinite }
            guard let best = members.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }) else { return nil }
            return TuningSelection(group: group.name, selected: study.rows[best], score: scores[best], recorded: group.recorded)
        }
    }

    /// The tuning study's table: every grid point's validation scores per task, its normalised score, and the choice.
    public func tuningTable(chance: [TaskKind: Double]) -> MarkdownTable {
        let scores = normalisedValidationScores(chance: chance)
        let selections = tuningSelections(chance: chance)
        let rows = study.rows.indices.map { r -> MarkdownTable.Row in
            let row = study.rows[r]
            let perTask = study.scenario.tasks.map { task -> MarkdownTable.Cell in
                .statistic(Statistic(histories[r].map { h in h.validationScores.last.map { taskMean($0, task: task) } ?? .nan }))
            }
            let selection = selections.first { $0.group == row.tuningGroup }
            var mark = ""
            if selection?.selected == row { mark = "selected" }
            if let recorded = selection?.recorded, recorded.method == row.method, recorded.learningRate == row.learningRate {
                mark += mark.isEmpty ? "recorded" : ", recorded"
            }
            return MarkdownTable.Row(label: row.label, cells: perTask + [.text(String(format: "%.3f", scores[r])), .text(mark)])
        }
        let columns = study.scenario.tasks.map(Self.heading) + ["normalised", "choice"]
        let chanceText = study.scenario.tasks.map { "\($0.paperName) \(String(format: "%.1f", chance[$0] ?? .nan))" }.joined(separator: ", ")
        let caption = "Validation scores (mean ± std over \(replicateText) of the mean over a task's clients) after round "
            + "\(study.rounds), scale \(settings.scale.name) (\(settings.scale.trainPerClient) training and \(settings.scale.validationPerClient) "
            + "validation examples per client); no test item is read. normalised: the mean over tasks of (score − chance) / (best row − chance), "
            + "chance the majority answer on the validation sets (\(chanceText)). Per method, the grid point with the highest normalised score "
            + "is selected; recorded marks what Studies/Tuned.swift holds and the paper's studies use."
        return MarkdownTable(title: study.title, caption: caption, groups: [MarkdownTable.ColumnGroup(title: "", columns: columns)],
                             rows: rows, boldBest: false)
    }
}

extension StudyResults {
    /// `row`'s mean normalised validation score (as `normalisedValidationScores`) from its starting model (round 0)
    /// through every round, averaged over seeds; nil when its runs hold no validation scores.
    public func normalisedValidationCurve(row: Int, chance: [TaskKind: Double]) -> [Double]? {
        let runs = histories[row]
        guard runs.allSatisfy({ !$0.initialValidationScores.isEmpty && $0.validationScores.count == $0.rounds }) else { return nil }
        let tasks = study.scenario.tasks, ceilings = validationCeilings()
        let rounds = runs.map(\.rounds).min() ?? 0
        return (0...rounds).map { round in
            let perSeed = runs.map { h -> Double in
                let scores = round == 0 ? h.initialValidationScores : h.validationScores[round - 1]
                return normalised(tasks.map { taskMean(scores, task: $0) }, chance: chance, ceilings: ceilings)
            }
            return perSeed.reduce(0, +) / Double(perSeed.count)
        }
    }
}
