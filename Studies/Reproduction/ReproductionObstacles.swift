import Study
import Report
import World

/// The "why it may not reproduce" section: reasons read off measured numbers, each citing its number.
struct ReproductionObstacles {
    /// A task is near chance when its best compared row scores less than this many points above the majority answer.
    static let nearChanceMargin = 5.0
    /// Collaboration has little room when centralized training beats local training by less than this many points.
    static let smallHeadroom = 2.0
    /// The paper's model: LLaVA-1.5 with Vicuna-7B.
    static let paperParameters = 7e9

    /// The rendered studies by name.
    let results: [String: StudyResults]
    /// Chance levels and model size.
    let facts: ReproductionFacts
    /// Every check's outcome and decision, for the count of undecided checks.
    let outcomes: [(claim: PaperClaim, check: ClaimCheck, outcome: ClaimOutcome)]
    let decisions: [ClaimDecision?]

    /// The section's markdown (from "## Why it may not reproduce").
    func markdown() -> String {
        var lines = ["## Why it may not reproduce", "",
                     "Read off the numbers in this file; nothing here is a guess about the paper's setup beyond what it prints.", ""]
        lines += scale().map { "- " + $0 }
        lines += nearChance().map { "- " + $0 }
        lines += headroom().map { "- " + $0 }
        lines += noise().map { "- " + $0 }
        lines += ["", chanceTable().rendered()]
        return lines.joined(separator: "\n")
    }

    /// Any rendered study's settings.
    var settings: StudySettings? { results.keys.sorted().first.map { results[$0]!.settings } }

    /// Model, data and schedule against the paper's.
    func scale() -> [String] {
        let n = facts.modelParameters
        var lines = ["Model scale: pilot-tiny has \(ReproductionText.integer(Double(n))) parameters, about "
                     + "\(ReproductionText.integer(Self.paperParameters / Double(max(n, 1))))× fewer than the paper's LLaVA-1.5 "
                     + "(CLIP ViT-L/14 and Vicuna-7B, ≈ 7 billion); effects the paper measures at that size need not exist at ours."]
        if let settings {
            lines.append("Data scale: each client trains on \(settings.scale.trainPerClient) synthetic examples and is tested on "
                         + "\(settings.scale.testPerClient) (scale `\(settings.scale.name)`), images of \(facts.imageSize)×\(facts.imageSize) px; "
                         + "the paper splits the real data sets (GQA, COCO, RefCOCO, ScienceQA, OCR-VQA) into its clients. With "
                         + "\(settings.scale.testPerClient) test examples, one example moves an accuracy by "
                         + "\(ReproductionText.score(100 / Double(max(settings.scale.testPerClient, 1)))) points.")
            let rounds = Set(results.values.map(\.study.rounds)).sorted().map(String.init).joined(separator: "/")
            lines.append("Schedule: \(rounds) rounds of \(settings.training.epochs) local epoch\(settings.training.epochs == 1 ? "" : "s"), "
                         + "as the paper's 3 rounds of 1 epoch" + (rounds == "3" && settings.training.epochs == 1 ? "." : " (they differ)."))
        }
        return lines
    }

    /// Per scenario and task: the best compared row over every rendered study on that scenario.
    func bestCompared() -> [(scenario: StudyScenario, task: TaskKind, score: Double, row: String, study: String)] {
        var best: [StudyScenario: [TaskKind: (Double, String, String)]] = [:]
        for name in results.keys.sorted() {
            let result = results[name]!
            for r in result.study.rows.indices where !result.study.rows[r].isReference {
                for task in result.study.scenario.tasks {
                    let score = Statistic(result.taskMeans(row: r, task: task)).mean
                    if score > best[result.study.scenario]?[task]?.0 ?? -.infinity {
                        best[result.study.scenario, default: [:]][task] = (score, result.study.rows[r].label, name)
                    }
                }
            }
        }
        return best.keys.sorted { String(describing: $0) < String(describing: $1) }.flatMap { scenario in
            scenario.tasks.compactMap { task in best[scenario]![task].map { (scenario, task, $0.0, $0.1, $0.2) } }
        }
    }

    /// Tasks whose best compared row is within `nearChanceMargin` of chance.
    func nearChance() -> [String] {
        let near = bestCompared().compactMap { best -> String? in
            guard let chance = facts.chance[best.scenario]?[best.task], best.score - chance < Self.nearChanceMargin else { return nil }
            return "\(best.task.paperName) (\(best.scenario.kind.rawValue)): best compared row \(best.row) (\(best.study)) scores "
                + "\(ReproductionText.score(best.score)) against \(ReproductionText.score(chance)) for the majority answer"
        }
        guard !near.isEmpty else {
            return ["No task is within \(ReproductionText.score(Self.nearChanceMargin)) points of chance (table below)."]
        }
        return ["Near chance (best compared row less than \(ReproductionText.score(Self.nearChanceMargin)) points above the majority "
                + "answer; differences between methods there are differences between near-chance scores): " + near.joined(separator: "; ") + "."]
    }

    /// Tasks where centralized training gains little over local training (Tables 1–2).
    func headroom() -> [String] {
        var small: [String] = []
        for name in ["table1", "table2"] {
            guard let result = results[name], let central = result.rowIndex("Centralized"), let local = result.rowIndex("Local") else { continue }
            for task in result.study.scenario.tasks {
                let gap = Statistic(result.taskMeans(row: central, task: task)).mean - Statistic(result.taskMeans(row: local, task: task)).mean
                if gap < Self.smallHeadroom {
                    small.append("\(task.paperName) in \(name): Centralized − Local = \(ReproductionText.signed(gap))")
                }
            }
        }
        guard !small.isEmpty else { return [] }
        return ["Little to gain from other clients' data (centralized training less than \(ReproductionText.score(Self.smallHeadroom)) "
                + "points above local training, so federated methods have little room to beat Local): " + small.joined(separator: "; ") + "."]
    }

    /// Checks the design cannot decide.
    func noise() -> [String] {
        let measured = outcomes.indices.filter { decisions[$0] != nil }
        let undecided = measured.filter { decisions[$0]?.verdict == .inconclusive }
        guard !measured.isEmpty else { return [] }
        let names = undecided.map { "(\(outcomes[$0].claim.id)) \(outcomes[$0].check.study): \(outcomes[$0].check.test.effectDescription)" }
        return ["Too little power: \(undecided.count) of \(measured.count) measured checks are inconclusive after Holm's correction"
                + (names.isEmpty ? "." : ": " + names.joined(separator: "; ") + ".")]
    }

    /// Chance, best compared row and centralized training per scenario and task.
    func chanceTable() -> MarkdownTable {
        let rows = bestCompared().map { best -> MarkdownTable.Row in
            let chance = facts.chance[best.scenario]?[best.task]
            let centralStudy = ["table1", "table2"].compactMap { results[$0] }.first { $0.study.scenario == best.scenario }
            let central = centralStudy.flatMap { r in r.rowIndex("Centralized").map { Statistic(r.taskMeans(row: $0, task: best.task)) } }
            return MarkdownTable.Row(label: "\(best.task.paperName) (\(best.scenario.kind.rawValue))", cells: [
                chance.map { .statistic(Statistic([$0])) } ?? .missing,
                .statistic(Statistic([best.score])), .text("\(best.row) (\(best.study))"),
                central.map { .statistic($0) } ?? .missing,
            ])
        }
        return MarkdownTable(title: "Chance and ceilings per task", caption: "Chance: always the client's most frequent training answer, "
                             + "mean over the task's clients. Best compared: the highest mean task average of a non-reference row in any "
                             + "rendered study on that scenario. Centralized: Table 1–2's reference row, mean ± std over seeds.",
                             groups: [MarkdownTable.ColumnGroup(title: "", columns: ["chance", "best compared", "row", "Centralized (ours)"])],
                             rows: rows, boldBest: false, labelHeader: "task")
    }
}
