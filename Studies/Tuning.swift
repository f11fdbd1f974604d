import Federated
import Study

extension Studies {
    /// The learning-rate grid every method is searched over (a log grid around `pilot run`'s 5e-3).
    static let learningRates: [Float] = [1e-3, 3e-3, 1e-2]

    /// Every method of Tables 1–2 at its best setting on `scenario`, as the paper tunes every baseline: a
    /// learning rate from `learningRates`, crossed with FedProx's μ, FedAdam's server rate η and FedDPA's
    /// largest local weight λ. Pilot tunes one rate; its stage 2 runs at twice it (the paper's 2e-5 / 4e-5).
    static func tuning(_ name: String, title: String, scenario: StudyScenario, recorded: TunedSettings) -> Study {
        Study(name, title: title, scenario: scenario) {
            Seeds(1)
            Tune("Centralized", .centralized, learningRates: learningRates, recorded: recorded.row("Centralized"))
            Tune("Local", .local, learningRates: learningRates, recorded: recorded.row("Local"))
            Tune("FedAvg", .fedAvg, learningRates: learningRates, recorded: recorded.row("FedAvg"))
            Tune("FedProx", [0.01, 0.1].map { .fedProx(mu: $0) }, learningRates: learningRates, recorded: recorded.row("FedProx"))
            Tune("FedAdam", [3e-3, 1e-2].map { .fedAdam(serverLearningRate: $0) }, learningRates: learningRates,
                 recorded: recorded.row("FedAdam"))
            Tune("FedDPA", [0.5, 0.7].map { .fedDPA(localWeight: $0) }, learningRates: learningRates, recorded: recorded.row("FedDPA"))
            Tune("Shepherd", .shepherd, learningRates: learningRates, recorded: recorded.row("Shepherd"))
            Tune("Pilot", .pilot(PilotOptions()), learningRates: learningRates, recorded: recorded.row("Pilot"))
            Table(.validation)
        }
    }

    /// The grid on the visual-understanding scenario (Tables 1, 3–6 and Figure 1(b) use its choices).
    static let tuneVisual: Study = tuning("tune-visual", title: "Tuning on validation data: visual understanding",
                                   scenario: .visual, recorded: Tuned.visual)

    /// The grid on the general-VQA scenario (Table 2 uses its choices).
    static let tuneGeneralVQA: Study = tuning("tune-general-vqa", title: "Tuning on validation data: general VQA",
                                       scenario: .generalVQA, recorded: Tuned.generalVQA)
}
