import Federated
import Study

extension Studies {
    /// Figure 1(b): Shepherd, a federated instruction-tuning method, relative to local training on
    /// each task of the visual scenario (the paper's motivation: it falls below local training).
    static let figure1b = Study("figure1b", title: "Figure 1(b): Shepherd relative to local training", scenario: .visual) {
        Row(Tuned.visual.row("Local"))
        Row(Tuned.visual.row("Shepherd"))
        Table(.perTask)
        Figure(.difference(row: "Shepherd", baseline: "Local"))
    }
}
