import Study
import Foundation
import Report

/// `paper-repro.md`'s variance decomposition: per study and row, how much of the variance of the row's normalised mean
/// over tasks comes from the pretrained base, the training seed and the test items.
struct VarianceSection {
    /// The rendered studies by name.
    let results: [String: StudyResults]
    /// Chance levels per scenario.
    let facts: ReproductionFacts

    func markdown() -> String {
        var parts = ["## Where the variance comes from",
                     "Per row, the variance of its normalised mean over tasks (the score of the claims' mean checks) split "
                     + "into three sources: **bases** (between pretrained bases), **seeds** (between training seeds on one base) "
                     + "and **test items** (the sampling variance of a run's score from its finite test sets, which every "
                     + "replicate shares, so it is outside the other two). Bases and seeds are one-way random-effects ANOVA "
                     + "estimates over the replicates (negative between-base estimates set to 0); σ is the square root of the "
                     + "sum, in normalised points. With one base the base-to-base share is not sampled: rerun with "
                     + "`--bases 3` (or `make reproduce BASES=3`) to measure it."]
        for name in PaperNumbers.studyNames {
            guard let r = results[name] else { continue }
            parts.append("### `\(name)` (\(r.replicateText))\n\n" + table(r).rendered().trimmingTrailingNewlines())
        }
        return parts.joined(separator: "\n\n")
    }

    /// One study's rows.
    func table(_ r: StudyResults) -> MarkdownTable {
        let chance = facts.chance[r.study.scenario] ?? [:]
        let rows = r.study.rows.indices.map { i -> MarkdownTable.Row in
            guard let c = r.varianceComponents(row: i, chance: chance) else {
                return MarkdownTable.Row(label: r.study.rows[i].label, cells: Array(repeating: .text("—"), count: 4))
            }
            let separated = c.estimatedTotal
            let share = { (v: Double?) -> MarkdownTable.Cell in
                guard let v else { return .text("not sampled") }
                return .text(separated > 0 ? String(format: "%.0f %%", 100 * v / separated) : "—")
            }
            let seedShare: MarkdownTable.Cell = c.seeds == nil && c.replicates != nil
                ? .text("with bases: " + String(format: "%.0f %%", 100 * c.replicates! / separated)) : share(c.seeds)
            return MarkdownTable.Row(label: r.study.rows[i].label, cells: [
                .text(ReproductionText.score(separated.squareRoot())),
                r.distinctBases.count > 1 && c.bases != nil ? share(c.bases) : .text("not sampled"),
                seedShare, share(c.items),
            ])
        }
        return MarkdownTable(title: "", caption: "", groups: [MarkdownTable.ColumnGroup(title: "", columns: [
            "σ (normalised points)", "bases", "seeds", "test items"])], rows: rows, boldBest: false, labelHeader: "row")
    }
}
