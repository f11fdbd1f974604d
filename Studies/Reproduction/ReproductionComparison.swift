import Study
import Report

/// Two reproductions of the same claims side by side (two runs directories, or two sets of bases): each check's verdict
/// and interval in both, and every flip flagged.
public struct ReproductionComparison {
    /// How a check's verdicts in the two reproductions relate.
    public enum Flip: String, Hashable, Sendable {
        /// The same verdict in both.
        case same = ""
        /// Decided (reproduced or contradicted) in one, inconclusive in the other.
        case moved = "moved"
        /// Reproduced in one, contradicted in the other: the verdict depends on what was sampled.
        case conflict = "CONFLICT"
        /// Measured in one only.
        case measuredOnce = "measured in one only"
    }

    /// One check in both.
    public struct Line: Sendable {
        public let claim: PaperClaim
        public let check: ClaimCheck
        public let a: (outcome: ClaimOutcome, decision: ClaimDecision?)
        public let b: (outcome: ClaimOutcome, decision: ClaimDecision?)

        /// How the two verdicts relate.
        public var flip: Flip {
            let va = a.decision?.verdict ?? .notMeasured, vb = b.decision?.verdict ?? .notMeasured
            if va == vb { return .same }
            if (va == .notMeasured) != (vb == .notMeasured) { return .measuredOnce }
            let decided: Set<Verdict> = [.reproduced, .contradicted]
            if decided.contains(va) && decided.contains(vb) { return .conflict }
            return .moved
        }
    }

    /// Every check of the reproduction, in `paper-repro.md`'s order.
    public let lines: [Line]

    /// `a` and `b` compared check by check (each decided as its own family, as its `paper-repro.md` decides it).
    public init(_ a: PaperReproduction, _ b: PaperReproduction) {
        let outcomesA = a.outcomes(), outcomesB = b.outcomes()
        let decisionsA = a.decisions(outcomesA), decisionsB = b.decisions(outcomesB)
        lines = outcomesA.indices.map { i in
            Line(claim: outcomesA[i].claim, check: outcomesA[i].check, a: (outcomesA[i].outcome, decisionsA[i]),
                 b: (outcomesB[i].outcome, decisionsB[i]))
        }
    }

    /// How many checks flip each way.
    public func count(_ flip: Flip) -> Int { lines.filter { $0.flip == flip }.count }

    /// The side-by-side table, then one line of totals.
    public func markdown(labelA: String, labelB: String) -> String {
        let rows = lines.map { line in
            MarkdownTable.Row(label: "(\(line.claim.id)) \(line.check.study): \(line.check.test.effectDescription)", cells: [
                .text((line.a.decision?.verdict ?? .notMeasured).rawValue), .text(Self.effect(line.a.outcome, line.check.test)),
                .text((line.b.decision?.verdict ?? .notMeasured).rawValue), .text(Self.effect(line.b.outcome, line.check.test)),
                .text(line.flip.rawValue),
            ])
        }
        let table = MarkdownTable(title: "", caption: "", groups: [MarkdownTable.ColumnGroup(title: "", columns: [
            "\(labelA): verdict", "\(labelA): effect [95 % interval]", "\(labelB): verdict", "\(labelB): effect [95 % interval]", "flip"])],
            rows: rows, boldBest: false, labelHeader: "check")
        let decided = lines.filter { $0.flip == .same && [.reproduced, .contradicted].contains($0.a.decision?.verdict) }.count
        return table.rendered().trimmingTrailingNewlines() + "\n\n"
            + "\(lines.count) checks: \(count(.same)) with the same verdict (\(decided) of them decided), \(count(.moved)) moved between "
            + "decided and inconclusive, \(count(.conflict)) reproduced in one and contradicted in the other"
            + (count(.measuredOnce) > 0 ? ", \(count(.measuredOnce)) measured in one only" : "") + ".\n"
    }

    /// "+4.1 [-1.6, +9.7]", or "—" when not measured.
    static func effect(_ outcome: ClaimOutcome, _ test: ClaimTest) -> String {
        guard let effect = outcome.effect else { return "—" }
        let mean = ReproductionText.signed(effect.mean)
        guard case .costAbove = test else {
            guard let interval = effect.comparison.interval() else { return mean }
            return "\(mean) [\(ReproductionText.signed(interval.lower)), \(ReproductionText.signed(interval.upper))]"
        }
        return (effect.mean > 0 ? "+" : "") + ReproductionText.integer(effect.mean)
    }
}
