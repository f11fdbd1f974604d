import Federated
import Study

extension Studies {
    /// Table 3: Pilot's components added one at a time on the visual scenario, as docs/design.md reads
    /// the paper: none, + ATA, + cross-task adapter, + aux loss, + difference loss (= full Pilot,
    /// the same runs as Table 1's Pilot). Local training is the reference the paper compares with.
    static let table3 = Study("table3", title: "Table 3: ablation of Pilot's components (visual understanding)", scenario: .visual) {
        Reference(Tuned.visual.row("Local"))
        Ablation(adding: [.adaptiveTextAggregation, .crossTaskAdapters, .auxiliaryLosses, .differenceLoss],
                 learningRate: Tuned.visual.learningRate("Pilot"))
        Table(.perTask)
        Figure(.taskBars)
        Figure(.roundCurves)
    }
}
