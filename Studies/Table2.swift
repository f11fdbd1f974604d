import Federated
import Study

extension Studies {
    /// Table 2: every method on the general-VQA scenario (GQA, ScienceQA, OCR-VQA), per client,
    /// with centralized training as the reference row.
    static let table2 = Study("table2", title: "Table 2: general VQA, per client", scenario: .generalVQA) {
        Reference("Centralized", .centralized)
        Row("Local", .local)
        Row("FedAvg", .fedAvg)
        Row("FedProx", .fedProx(mu: 0.01))
        Row("FedAdam", .fedAdam(serverLearningRate: 1e-2))
        Row("FedDPA", .fedDPA(localWeight: 0.5))
        Row("Shepherd", .shepherd)
        Row("Pilot", .pilot(PilotOptions()))
        Table(.perClient)
        Figure(.clientBars)
        Figure(.roundCurves)
    }
}
