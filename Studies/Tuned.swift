import Federated
import Study

/// The settings `make tune` selected on validation data, per scenario: what every paper study runs.
///
/// `pilot study tuning` compares these with what the tuning runs select now and exits 1, naming each
/// method, when any differs; copy its selection here to adopt it. The grids and the criterion are in
/// `Studies/Tuning.swift`; the validation table of every grid point is `Figures/tune-*/table.md`.
enum Tuned {
    /// Visual understanding (`tune-visual`).
    static let visual = TunedSettings(source: "tune-visual", [
        Row("Centralized", .centralized, learningRate: 3e-3),
        Row("Local", .local, learningRate: 1e-3),
        Row("FedAvg", .fedAvg, learningRate: 3e-3),
        Row("FedProx", .fedProx(mu: 0.01), learningRate: 3e-3),
        Row("FedAdam", .fedAdam(serverLearningRate: 1e-2), learningRate: 3e-3),
        Row("FedDPA", .fedDPA(localWeight: 0.5), learningRate: 3e-3),
        Row("Shepherd", .shepherd, learningRate: 3e-3),
        Row("Pilot", .pilot(PilotOptions()), learningRate: 3e-3),
    ])

    /// General VQA (`tune-general-vqa`).
    static let generalVQA = TunedSettings(source: "tune-general-vqa", [
        Row("Centralized", .centralized, learningRate: 3e-3),
        Row("Local", .local, learningRate: 3e-3),
        Row("FedAvg", .fedAvg, learningRate: 3e-3),
        Row("FedProx", .fedProx(mu: 0.01), learningRate: 3e-3),
        Row("FedAdam", .fedAdam(serverLearningRate: 1e-2), learningRate: 3e-3),
        Row("FedDPA", .fedDPA(localWeight: 0.5), learningRate: 3e-3),
        Row("Shepherd", .shepherd, learningRate: 3e-3),
        Row("Pilot", .pilot(PilotOptions()), learningRate: 1e-3),
    ])
}

extension Studies {
    /// Pilot's recorded learning rate on the visual scenario, at which every Pilot variant of Tables 3–6 runs.
    static let pilotRate = Tuned.visual.learningRate("Pilot")
}
