import Federated
import Study

extension Studies {
    /// Table 2: every method on the general-VQA scenario (GQA, ScienceQA, OCR-VQA), per client,
    /// with centralized training as the reference row.
    static let table2 = Study("table2", title: "Table 2: general VQA, per client", scenario: .generalVQA) {
        Reference("Centralized", .centralized)
        Row("Local", .local)
        Row("FedAvg", .fedAvg)
        Row("FedProx", .fedProx(mu: Method.Defaults.fedProxMu))
        Row("FedAdam", .fedAdam(serverLearningRate: Method.Defaults.fedAdamServerLearningRate))
        Row("FedDPA", .fedDPA(localWeight: Method.Defaults.fedDPAMaximumLocalWeight))
        Row("Shepherd", .shepherd)
        Row("Pilot", .pilot(PilotOptions()))
        Table(.perClient)
        Figure(.clientBars)
        Figure(.roundCurves)
    }
}
