import Federated
import Study

extension Studies {
    /// Table 6: cross-task adapters initialised at random or from the local task adapter (Pilot's choice).
    static let table6 = Study("table6", title: "Table 6: cross-task adapter initialisation (visual understanding)", scenario: .visual) {
        Row("Random", .pilot { $0.crossInitFromLocal = false }, learningRate: pilotRate)
        Row("Pilot (local task adapter)", .pilot(PilotOptions()), learningRate: pilotRate)
        Table(.perTask)
        Figure(.taskBars)
        Figure(.roundCurves)
    }
}
