import Models
import Tensors
import Training
import World

/// What `paper-repro.md` knows besides the runs: each task's chance level and the model's size.
///
/// Both follow from the plan's settings alone (the data are generated from fixed seeds), so every
/// rendering of the same plan measures the same facts.
public struct ReproductionFacts: Hashable, Sendable {
    /// Per scenario and task: the mean over the task's clients of the score of always giving the
    /// client's most frequent training answer (`MajorityBaseline`).
    public let chance: [StudyScenario: [TaskKind: Double]]
    /// The same on each client's validation set: the floor of the normalised validation scores settings are selected by.
    public let validationChance: [StudyScenario: [TaskKind: Double]]
    /// Per scenario and client, the category (question family) of each test item, in the client's test order.
    public let testCategories: [StudyScenario: [[Int]]]
    /// Parameters of the pretrained base's model (all activated per forward pass).
    public let modelParameters: Int
    /// Side of the synthetic images in pixels.
    public let imageSize: Int

    /// Facts given directly (tests).
    public init(chance: [StudyScenario: [TaskKind: Double]], validationChance: [StudyScenario: [TaskKind: Double]] = [:],
                testCategories: [StudyScenario: [[Int]]] = [:], modelParameters: Int, imageSize: Int) {
        self.chance = chance
        self.validationChance = validationChance
        self.testCategories = testCategories
        self.modelParameters = modelParameters
        self.imageSize = imageSize
    }

    /// Measures the facts for `scenarios` at `settings`' scale: generates their data and builds the base's model shape.
    public static func measure(settings: StudySettings, scenarios: [StudyScenario]) throws -> ReproductionFacts {
        var chance: [StudyScenario: [TaskKind: Double]] = [:], validationChance: [StudyScenario: [TaskKind: Double]] = [:]
        var categories: [StudyScenario: [[Int]]] = [:]
        for scenario in Set(scenarios) {
            let data = try Scenario(scenario.config(scale: settings.scale))
            categories[scenario] = data.clients.map { $0.test.map(\.category) }
            chance[scenario] = majority(data, scenario.tasks, heldOut: \.test)
            validationChance[scenario] = majority(data, scenario.tasks, heldOut: \.validation)
        }
        var rng = RandomStream(seed: 0)
        let model = MultimodalModel(config: settings.base.model, rng: &rng)
        return ReproductionFacts(chance: chance, validationChance: validationChance, testCategories: categories,
                                 modelParameters: ParameterCount(model).total,
                                 imageSize: settings.base.model.imageSize)
    }

    /// Per task, the mean over its clients of the majority answer's score on each client's `heldOut` set.
    static func majority(_ data: Scenario, _ tasks: [TaskKind], heldOut: KeyPath<ClientData, [Example]>) -> [TaskKind: Double] {
        var perTask: [TaskKind: Double] = [:]
        for task in tasks {
            let scores = data.clients.filter { $0.task == task && !$0.train.isEmpty && !$0[keyPath: heldOut].isEmpty }
                .map { MajorityBaseline.evaluate(train: $0.train, test: $0[keyPath: heldOut]).score }
            if !scores.isEmpty { perTask[task] = scores.reduce(0, +) / Double(scores.count) }
        }
        return perTask
    }
}
