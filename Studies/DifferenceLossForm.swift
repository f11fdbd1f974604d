import Federated
import Study

extension Studies {
    /// The two readings of Pilot's difference loss (paper Eq. 3) beside stage 1 with one adapter and
    /// no difference loss (Table 3's "+ aux loss" row): the released code's batch correlation, which
    /// Pilot uses, and docs/design.md's per-token Gram form, which dominates the LM loss early in stage 1.
    static let differenceLossForm = Study("difference-loss-form",
                                          title: "Difference loss: released code's form vs per-token form (visual understanding)",
                                          scenario: .visual) {
        Row("One adapter, no difference loss", .pilot { $0.differenceLoss = false }, learningRate: pilotRate)
        Row("Pilot (released code's form)", .pilot(PilotOptions()), learningRate: pilotRate)
        Row("Per-token form", .pilot { $0.differenceForm = .tokenGram }, learningRate: pilotRate)
        Table(.perTask)
        Figure(.taskBars)
    }
}
