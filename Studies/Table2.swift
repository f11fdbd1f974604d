import Federated
import Study

extension Studies {
    /// Table 2: every method on the general-VQA scenario (GQA, ScienceQA, OCR-VQA), per client,
    /// with centralized training as the reference row. Every row runs at the setting `Tuned` records for it.
    static let table2 = Study("table2", title: "Table 2: general VQA, per client", scenario: .generalVQA) {
        Reference(Tuned.generalVQA.row("Centralized"))
        for method in ["Local", "FedAvg", "FedProx", "FedAdam", "FedDPA", "Shepherd", "Pilot"] { Row(Tuned.generalVQA.row(method)) }
        Table(.perClient)
        Figure(.clientBars)
        Figure(.roundCurves)
    }
}
