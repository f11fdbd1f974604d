import ArgumentParser
import Foundation
import PaperStudies
import Study

/// `pilot study compare`: the paper's claims decided on two sets of runs, side by side, with every flipped verdict flagged.
struct StudyCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Decide the paper's claims on two runs directories (or two sets of bases) and flag every verdict that flips.",
        discussion: """
        A is RUNS_A with the bases --base-seed … --base-seed + bases − 1; B is RUNS_B with the same number of bases from \
        --b-base-seed (default: A's). Exits 1 when a check is reproduced in one and contradicted in the other.
        """)

    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @Argument(help: "Runs directory of A.") var runsA: String
    @Argument(help: "Runs directory of B.") var runsB: String
    @Option(name: .customLong("b-base-seed"), help: "First base seed of B (default: --base-seed).") var baseSeedB: UInt64?

    func validate() throws {
        if runsA == runsB && (baseSeedB ?? base.baseSeed) == base.baseSeed {
            throw ValidationError("A and B are the same runs on the same bases; give another directory or --b-base-seed")
        }
    }

    func run() throws {
        let baseB = base.seeded(baseSeedB ?? base.baseSeed)
        let planA = try selection.plan(base: base, tuning: false), planB = try selection.plan(base: baseB, tuning: false)
        let missing = PaperReproduction.missingStudies(among: planA.studies.map(\.name))
        guard missing.isEmpty else { throw ValidationError("the comparison needs the paper's studies; missing: \(missing.joined(separator: ", "))") }
        let facts = try ReproductionFacts.measure(settings: planA.settings, scenarios: planA.studies.map(\.scenario))
        let a = PaperReproduction(results: try planA.results(in: URL(fileURLWithPath: runsA)), facts: facts)
        let b = PaperReproduction(results: try planB.results(in: URL(fileURLWithPath: runsB)), facts: facts)
        let comparison = ReproductionComparison(a, b)
        print(comparison.markdown(labelA: label("A", base.baseSeed, planA), labelB: label("B", baseB.baseSeed, planB)), terminator: "")
        if comparison.count(.conflict) > 0 { throw ExitCode(1) }
    }

    /// "A (base 0)", "B (bases 3–5)".
    func label(_ name: String, _ first: UInt64, _ plan: StudyPlan) -> String {
        let count = UInt64(plan.baseSeeds.count)
        return "\(name) (" + (count == 1 ? "base \(first)" : "bases \(first)–\(first + count - 1)") + ")"
    }
}
