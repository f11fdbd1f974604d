import Federated
import Study

extension Studies {
    /// Table 4: Pilot against CT-CLIP (the vision encoder's MLP layers trained and aggregated per
    /// task like the connector's task adapters), with activated (AP) and communicated (CP)
    /// parameters per client.
    static let table4 = Study("table4", title: "Table 4: Pilot vs CT-CLIP (visual understanding)", scenario: .visual) {
        Row("Pilot", .pilot(PilotOptions()), learningRate: pilotRate)
        Row("CT-CLIP", .pilot { $0.trainVisionMLP = true }, learningRate: pilotRate)
        Table(.perTask, costs: [.activatedParameters, .communicatedParameters])
        Figure(.cost(.communicatedParameters))
        Figure(.roundCurves)
    }
}
