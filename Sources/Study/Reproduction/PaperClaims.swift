/// The claims the paper draws from Tables 1–6 and Figure 1(b) ("Introduction", "Experimental Results",
/// "Ablation Studies", "Further Remarks"), each with the checks that measure it on our studies.
public enum PaperClaims {
    /// Baselines Pilot is compared with in Tables 1–2 (centralized training is a reference, not a baseline).
    public static let baselines = ["Local", "FedAvg", "FedProx", "FedAdam", "FedDPA", "Shepherd"]

    /// Table 3's rows in the order the components are added.
    public static let ablationRows = ["none"] + [PilotComponent.adaptiveTextAggregation, .crossTaskAdapters, .auxiliaryLosses, .differenceLoss]
        .map { "+ \($0.label)" }

    /// (a)–(h), in the order of `paper-repro.md`.
    public static let all: [PaperClaim] = [
        PaperClaim("a", "Pilot beats every baseline on every client",
                   quote: "Our framework outperforms all baselines in two task scenarios.",
                   checks: ["table1", "table2"].map { ClaimCheck($0, .aboveEveryRivalOnEveryClient(row: "Pilot", rivals: baselines)) }),
        PaperClaim("b", "FedAvg falls below local training",
                   quote: "We found that the performance of FedAVG method is lower than local training.",
                   checks: ["table1", "table2"].map { ClaimCheck($0, .rowAbove(better: "Local", worse: "FedAvg")) }),
        PaperClaim("c", "FedAvg beats Shepherd",
                   quote: "we observed that FedAvg method is better than Shepherd.",
                   checks: ["table1", "table2"].map { ClaimCheck($0, .rowAbove(better: "FedAvg", worse: "Shepherd")) }),
        PaperClaim("d", "Each ablation component adds to the previous row",
                   quote: "The above results demonstrate the importance of each component in our method.",
                   checks: zip(ablationRows.dropFirst(), ablationRows).map { ClaimCheck("table3", .rowAbove(better: $0, worse: $1)) }),
        PaperClaim("e", "ATA (k = 6) beats aggregating over same-task clients and over all clients",
                   quote: "the results showed that the adopted adaptive aggregation method can benefit from positive influences while reducing negative interference.",
                   checks: ["Same task client", "All clients"].map { ClaimCheck("table5", .rowAbove(better: "Pilot (k = 6)", worse: $0)) }),
        PaperClaim("f", "Cross-task adapters initialised from the local task adapter beat random initialisation",
                   quote: "training from scratch leads to performance degradation for all tasks.",
                   checks: [ClaimCheck("table6", .rowAbove(better: "Pilot (local task adapter)", worse: "Random"))]),
        PaperClaim("g", "CT-CLIP beats Pilot, at higher AP and CP",
                   quote: "although CT-CLIP outperforms the Pilot, it comes at the expense of additional training parameters and communication parameters.",
                   checks: [ClaimCheck("table4", .rowAbove(better: "CT-CLIP", worse: "Pilot"))]
                       + [CostMeasure.activatedParameters, .communicatedParameters].map {
                           ClaimCheck("table4", .costAbove(higher: "CT-CLIP", lower: "Pilot", measure: $0))
                       }),
        PaperClaim("h", "Shepherd falls below local training (Figure 1(b))",
                   quote: "The results show that the traditional FedIT method does not perform well on the FedMIT task.",
                   checks: [ClaimCheck(PaperNumbers.figure1bStudy, .rowAbove(better: "Local", worse: "Shepherd"))]),
    ]
}
