import Federated
import Study

extension Studies {
    /// Table 1: every method on the visual-understanding scenario (GQA, COCO, RefCOCO), per client,
    /// with centralized training as the reference row. Baselines use `pilot run`'s default settings.
    static let table1 = Study("table1", title: "Table 1: visual understanding, per client", scenario: .visual) {
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
