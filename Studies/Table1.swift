import Federated
import Study

extension Studies {
    /// Table 1: every method on the visual-understanding scenario (GQA, COCO, RefCOCO), per client,
    /// with centralized training as the reference row. Every row runs at the setting `Tuned` records for it.
    static let table1 = Study("table1", title: "Table 1: visual understanding, per client", scenario: .visual) {
        Reference(Tuned.visual.row("Centralized"))
        for method in ["Local", "FedAvg", "FedProx", "FedAdam", "FedDPA", "Shepherd", "Pilot"] { Row(Tuned.visual.row(method)) }
        Table(.perClient)
        Figure(.clientBars)
        Figure(.roundCurves)
    }
}
