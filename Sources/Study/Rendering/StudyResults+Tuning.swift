import Report
import Training
import World

/// What a tuning group selected on validation data, beside what `Tuned` records.
public struct TuningSelection: Hashable, Sendable {
    /// The group (method) name.
    public let group: String
    /// The grid point with the highest mean normalised validation score.
    public let selected: Row
    /// Its mean normalised validation score.
    public let score: Double
    /// What `Tuned` records for the group (nil: nothing yet).
    public let recorded: Row?

    /// Whether the selection differs from the recorded setting (or nothing is recorded).
    public var changed: Bool {
        guard let recorded else { return true }
        return recorded.method != selected.method || recorded.learningRate != selected.learningRate
    }

    /// "lr 5e-3, μ 0.01".
    public static func settingText(_ row: Row) -> String {
        (row.learningRate.map { ["lr \(Tune.text($0))"] } ?? []) .appending(row.method.hyperparameterText).joined(separator: ", ")
    }
}

extension Array where Element == String {
    fileprivate func appending(_ item: String?) -> [String] { item.map { self + [$0] } ?? self }
}

extension StudyResults {
    /// Per task (scenario order): the mean over clients and seeds of `row`'s validation score after the last round.
    public func validationTaskMeans(row: Int) -> [Double] {
        study.scenario.tasks.map { task in
            let members = clients(of: [task])
            let perSeed = histories[row].map { h -> Double in
                let last = h.validationScores.last ?? []
                guard last.count > members.max() ?? 0 else { return .nan }
                return members.reduce(0) { $0 + last[$1] } / Double(members.count)
            }
            return perSeed.reduce(0, +) / Double(perSeed.count)
        }
    }

    /// Per task, the normalisation's ceiling: the highest `validationTaskMeans` of any row of the study.
    func validationCeilings() -> [Double] {
        let means = study.rows.indices.map(validationTaskMeans)
        return study.scenario.tasks.indices.map { t in means.map { $0[t] }.filter(\.isFinite).max() ?? .nan }
    }

    /// Per row: the mean over tasks of (v − chance) / (ceiling − chance), v the row's validation task mean,
    /// chance the majority answer's validation score and ceiling the study's best row on the task (a task on
    /// which no row rises above chance counts 0 for every row).
    public func normalisedValidationScores(chance: [TaskKind: Double]) -> [Double] {
        let tasks = study.scenario.tasks, ceilings = validationCeilings()
        return study.rows.indices.map { r in
            let means = validationTaskMeans(row: r)
            let terms = tasks.indices.map { t -> Double in
                let floor = chance[tasks[t]] ?? 0, span = ceilings[t] - floor
                return span > 0 ? (means[t] - floor) / span : 0
            }
            return terms.reduce(0, +) / Double(terms.count)
        }
    }

    /// Per tuning group, the grid point with the highest normalised validation score (the first on ties).
    public func tuningSelections(chance: [TaskKind: Double]) -> [TuningSelection] {
        let scores = normalisedValidationScores(chance: chance)
        return study.tuningGroups.compactMap { group in
            let members = study.rows.indices.filter { study.rows[$0].tuningGroup == group.name }
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
                let members = clients(of: [task])
                return .statistic(Statistic(histories[r].map { h in members.reduce(0) { $0 + (h.validationScores.last?[$1] ?? .nan) } / Double(members.count) }))
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
        let caption = "Validation scores (mean ± std over \(seeds.count) seed\(seeds.count == 1 ? "" : "s") of the mean over a task's clients) after round "
            + "\(study.rounds), scale \(settings.scale.name) (\(settings.scale.trainPerClient) training and \(settings.scale.validationPerClient) "
            + "validation examples per client); no test item is read. normalised: the mean over tasks of (score − chance) / (best row − chance), "
            + "chance the majority answer on the validation sets (\(chanceText)). Per method, the grid point with the highest normalised score "
            + "is selected; recorded marks what `Tuned` (Studies/Tuned.swift) holds and the paper's studies use."
        return MarkdownTable(title: study.title, caption: caption, groups: [MarkdownTable.ColumnGroup(title: "", columns: columns)],
                             rows: rows, boldBest: false)
    }
}

extension StudyResults {
    /// `row`'s mean normalised validation score (as `normalisedValidationScores`) from its starting model (round 0)
    /// through every round, averaged over seeds; nil when its runs hold no validation scores.
    func normalisedValidationCurve(row: Int, chance: [TaskKind: Double]) -> [Double]? {
        let runs = histories[row]
        guard runs.allSatisfy({ !$0.initialValidationScores.isEmpty && $0.validationScores.count == $0.rounds }) else { return nil }
        let tasks = study.scenario.tasks, ceilings = validationCeilings()
        let rounds = runs.map(\.rounds).min() ?? 0
        return (0...rounds).map { round in
            let perSeed = runs.map { h -> Double in
                let scores = round == 0 ? h.initialValidationScores : h.validationScores[round - 1]
                let terms = tasks.indices.map { t -> Double in
                    let members = clients(of: [tasks[t]])
                    let mean = members.reduce(0) { $0 + scores[$1] } / Double(members.count)
                    let floor = chance[tasks[t]] ?? 0, span = ceilings[t] - floor
                    return span > 0 ? (mean - floor) / span : 0
                }
                return terms.reduce(0, +) / Double(terms.count)
            }
            return perSeed.reduce(0, +) / Double(perSeed.count)
        }
    }
}
