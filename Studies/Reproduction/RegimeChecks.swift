import Study
import Report
import Training
import World

/// Whether the runs are in a regime where the paper's claims can be tested at all, checked before any claim:
///
/// - R1: Centralized ≥ Local on every task's mean over clients (test; else no federated method has headroom);
/// - R2: Local and Centralized have converged: the last round adds at most a quarter of the total gain over the
///   starting model in the mean normalised validation score;
/// - R3: every task's mean over its clients is measured to ±3 points (accuracies) or ±8 (CIDEr): the half-width
///   of a 95 % stratified bootstrap interval over test items, the widest over rows and seeds;
/// - R4: every method scores above the base's zero-shot score and the majority answer on every task's mean;
///   one that does not is named as failing to train.
///
/// Computed on the studies that hold every method (Tables 1 and 2), from their checkpoints alone.
public struct RegimeChecks {
    /// One check on one study.
    public struct Outcome: Hashable, Sendable {
        /// "R1" … "R4".
        public let id: String
        /// The study it was computed on.
        public let study: String
        /// Passed, failed, or nil when not measurable (the study or a row is missing).
        public let passed: Bool?
        /// The numbers behind the verdict.
        public let detail: String
    }

    public static let studies = ["table1", "table2"]
    /// R2's bound on the last round's share of the total gain.
    public static let lastRoundShare = 0.25
    /// R3's bound on the interval's half-width: accuracies and Acc@IoU0.5 in points, CIDEr-D × 100.
    public static func precisionBound(_ task: TaskKind) -> Double { task == .coco ? 8 : 3 }

    /// The rendered studies by name.
    public let results: [String: StudyResults]
    /// Chance levels on test and validation sets.
    public let facts: ReproductionFacts

    public init(results: [String: StudyResults], facts: ReproductionFacts) {
        self.results = results
        self.facts = facts
    }

    /// Every check on every checked study, R1 to R4.
    public func outcomes() -> [Outcome] {
        ["R1", "R2", "R3", "R4"].flatMap { id in
            Self.studies.map { name -> Outcome in
                guard let r = results[name] else { return Outcome(id: id, study: name, passed: nil, detail: "study not rendered") }
                switch id {
                case "R1": return centralizedAboveLocal(r)
                case "R2": return converged(r)
                case "R3": return precise(r)
                default: return aboveFloor(r)
                }
            }
        }
    }

    /// R1: Centralized's task means against Local's, test scores after the last round.
    func centralizedAboveLocal(_ r: StudyResults) -> Outcome {
        guard let c = r.rowIndex("Centralized"), let l = r.rowIndex("Local") else { return missing("R1", r, "Centralized and Local") }
        let tasks = r.study.scenario.tasks
        let pairs = tasks.map { (r.taskScores(row: c, tasks: [$0])[0].mean, r.taskScores(row: l, tasks: [$0])[0].mean) }
        guard pairs.allSatisfy({ $0.0.isFinite && $0.1.isFinite }) else { return nonFinite("R1", r) }
        let detail = zip(tasks, pairs).map { "\($0.paperName) \(ReproductionText.score($1.0)) vs \(ReproductionText.score($1.1))" }
            .joined(separator: ", ")
        return Outcome(id: "R1", study: r.study.name, passed: pairs.allSatisfy { $0.0 >= $0.1 }, detail: "Centralized vs Local: " + detail)
    }

    /// R2: the normalised validation curves of Local and Centralized from round 0 on.
    func converged(_ r: StudyResults) -> Outcome {
        let chance = facts.validationChance[r.study.scenario] ?? [:]
        var passed = true, parts: [String] = []
        for label in ["Local", "Centralized"] {
            guard let row = r.rowIndex(label) else { return missing("R2", r, label) }
            guard let curve = r.normalisedValidationCurve(row: row, chance: chance) else {
                return Outcome(id: "R2", study: r.study.name, passed: nil, detail: "\(label)'s runs hold no validation scores")
            }
            guard curve.allSatisfy(\.isFinite) else { return nonFinite("R2", r) }
            let total = curve.last! - curve.first!, last = curve.last! - curve[curve.count - 2]
            let ok = total > 0 && last <= Self.lastRoundShare * total
            passed = passed && ok
            parts.append("\(label) \(curve.map { String(format: "%.2f", $0) }.joined(separator: " → ")) (last round "
                         + "\(String(format: "%+.2f", last)) of \(String(format: "%+.2f", total)))")
        }
        return Outcome(id: "R2", study: r.study.name, passed: passed, detail: "normalised validation score by round, from the starting model: "
                       + parts.joined(separator: "; "))
    }

    /// R3: per task, the widest bootstrap half-width over rows and seeds.
    func precise(_ r: StudyResults) -> Outcome {
        let tasks = r.study.scenario.tasks
        var widest: [Double] = []
        for task in tasks {
            let members = r.clients(of: [task])
            var width = 0.0
            for histories in r.histories {
                for h in histories {
                    guard let items = h.testItemScores.last, members.allSatisfy({ !items[$0].isEmpty }) else {
                        return Outcome(id: "R3", study: r.study.name, passed: nil, detail: "runs hold no per-item test scores for every client")
                    }
                    guard members.allSatisfy({ items[$0].allSatisfy(\.isFinite) }) else { return nonFinite("R3", r) }
                    let interval = StratifiedBootstrap.interval(members.map { items[$0] })
                    width = max(width, (interval.upper - interval.lower) / 2)
                }
            }
            widest.append(width)
        }
        let detail = zip(tasks, widest).map { "\($0.paperName) ±\(ReproductionText.score($1)) (bound ±\(Int(Self.precisionBound($0))))" }
            .joined(separator: ", ")
        return Outcome(id: "R3", study: r.study.name, passed: zip(tasks, widest).allSatisfy { $1 <= Self.precisionBound($0) },
                       detail: "widest 95 % interval over rows and seeds: " + detail
                       + " with \(r.settings.scale.testPerClient) test items per client")
    }

    /// R4: every row's task means against the larger of the base's zero-shot score and the majority answer.
    func aboveFloor(_ r: StudyResults) -> Outcome {
        guard let local = r.rowIndex("Local") else { return missing("R4", r, "Local") }
        let tasks = r.study.scenario.tasks
        guard r.histories[local].allSatisfy({ !$0.initialScores.isEmpty }) else {
            return Outcome(id: "R4", study: r.study.name, passed: nil, detail: "runs hold no zero-shot (round 0) scores")
        }
        let zeroShot = tasks.map { task -> Double in
            let perSeed = r.histories[local].map { r.taskMean($0.initialScores, task: task) }
            return perSeed.reduce(0, +) / Double(perSeed.count)
        }
        let chance = facts.chance[r.study.scenario] ?? [:]
        let scores = r.study.rows.indices.map { i in tasks.map { r.taskScores(row: i, tasks: [$0])[0].mean } }
        guard (zeroShot + scores.flatMap { $0 }).allSatisfy(\.isFinite), tasks.allSatisfy({ chance[$0] != nil }) else { return nonFinite("R4", r) }
        var failures: [String] = []
        for (i, row) in r.study.rows.enumerated() {
            let below = tasks.indices.filter { !(scores[i][$0] > max(zeroShot[$0], chance[tasks[$0]]!)) }.map { t in
                "\(tasks[t].paperName) \(ReproductionText.score(scores[i][t])) ≤ \(ReproductionText.score(max(zeroShot[t], chance[tasks[t]]!)))"
            }
            if !below.isEmpty { failures.append("\(row.label) (\(below.joined(separator: ", ")))") }
        }
        let floors = tasks.indices.map { "\(tasks[$0].paperName) zero-shot \(ReproductionText.score(zeroShot[$0])), chance "
            + ReproductionText.score(chance[tasks[$0]] ?? .nan) }.joined(separator: "; ")
        return Outcome(id: "R4", study: r.study.name, passed: failures.isEmpty,
                       detail: (failures.isEmpty ? "every method above both floors" : "fails to train: " + failures.joined(separator: ", "))
                       + " (" + floors + ")")
    }

    private func nonFinite(_ id: String, _ r: StudyResults) -> Outcome {
        Outcome(id: id, study: r.study.name, passed: nil, detail: "a score it needs is missing or not finite")
    }

    private func missing(_ id: String, _ r: StudyResults, _ what: String) -> Outcome {
        Outcome(id: id, study: r.study.name, passed: nil, detail: "the study lacks \(what)")
    }

    /// The section of `paper-repro.md`.
    public func markdown() -> String {
        let outcomes = self.outcomes()
        let rows = outcomes.map { o in
            MarkdownTable.Row(label: o.id, cells: [.text(o.study), .text(o.passed.map { $0 ? "pass" : "FAIL" } ?? "not measured"), .text(o.detail)])
        }
        let table = MarkdownTable(title: "", caption: "", groups: [MarkdownTable.ColumnGroup(title: "", columns: ["study", "result", "numbers"])],
                                  rows: rows, boldBest: false, labelHeader: "check")
        let failed = outcomes.filter { $0.passed == false }.map { "\($0.id) (\($0.study))" }
        return """
        ## Regime checks

        Whether these runs are in a regime where the paper's claims can be tested at all, decided by rules fixed before \
        any result was read: **R1** Centralized ≥ Local on every task's mean over clients (test); **R2** Local and \
        Centralized have converged: the last round adds at most a quarter of the total gain over the starting model in \
        the mean normalised validation score ((score − chance) / (best row − chance), averaged over tasks); **R3** every \
        task's mean over its clients is measured to ±3 points (accuracies) or ±8 (CIDEr): the half-width of a 95 % \
        stratified bootstrap interval over test items, the widest over rows and seeds; **R4** every method scores \
        above the base's zero-shot score (the Local runs' round 0) and the majority answer on every task's mean.
        \(failed.isEmpty ? "" : "\n**Failed: \(failed.joined(separator: ", ")).** Read the claims below with that in mind.\n")
        \(table.rendered())
        """
    }
}
