import Foundation
import Models
import Tensors
import World

/// Per task: the chance level, the pretrained base's zero-shot score and the scores after tuning on the task alone and on the union.
///
/// This is the learnability check of the synthetic world (issue: "each task must be learnable by
/// pilot-tiny and not trivial"): tuning trains the LLaVA connector and LoRA, once on each task's
/// training data alone (can pilot-tiny learn the task?) and once, centralized, on the union of the
/// tasks' training data (all five unless told), and scores each task's test set. The union matters:
/// the loss is a mean over answer tokens, so a task with short answers gets little of it beside
/// COCO's captions (see `docs/notes.md` on ScienceQA).
public struct TaskBaselines {
    /// One task's row.
    public struct Row: Codable, Hashable, Sendable {
        public let task: TaskKind
        /// Majority-answer score.
        public let chance: Double
        /// The pretrained base, untuned.
        public let zeroShot: Double
        /// After tuning on this task's training set alone.
        public let alone: Double
        /// After centralized tuning on the union.
        public let centralized: Double
        /// The four scores split by the task's categories (question types or scene styles), in the same order.
        public let chanceByCategory: [CategoryScore], zeroShotByCategory: [CategoryScore], aloneByCategory: [CategoryScore],
                   centralizedByCategory: [CategoryScore]

        public init(task: TaskKind, chance: Double, zeroShot: Double, alone: Double, centralized: Double,
                    chanceByCategory: [CategoryScore], zeroShotByCategory: [CategoryScore], aloneByCategory: [CategoryScore],
                    centralizedByCategory: [CategoryScore]) {
            self.task = task
            self.chance = chance
            self.zeroShot = zeroShot
            self.alone = alone
            self.centralized = centralized
            self.chanceByCategory = chanceByCategory
            self.zeroShotByCategory = zeroShotByCategory
            self.aloneByCategory = aloneByCategory
            self.centralizedByCategory = centralizedByCategory
        }
    }

    /// Data sizes (per task: clients × per-client sizes of the scale).
    public let scale: ScalePreset
    /// Clients per task the data set stands for.
    public let clientsPerTask: Int
    /// How both tunings (each task alone, the union) train.
    public let options: TrainingOptions
    /// Data and training seed.
    public let seed: UInt64
    /// The tasks whose training sets make the union, in table order.
    public let tasks: [TaskKind]

    /// A measurement plan.
    ///
    /// - Precondition: `tasks` is not empty and has no task twice.
    public init(scale: ScalePreset, clientsPerTask: Int = 3, options: TrainingOptions, seed: UInt64 = 0, tasks: [TaskKind] = TaskKind.allCases) {
        precondition(!tasks.isEmpty && Set(tasks).count == tasks.count, "the tasks of a union: at least one, none twice")
        self.tasks = tasks
        self.scale = scale
        self.clientsPerTask = clientsPerTask
        self.options = options
        self.seed = seed
    }

    /// Measures every task; `base` loads a fresh copy of the pretrained base; `log` reports progress.
    ///
    /// - Parameter show: how many tuned predictions per task to pass to `log`, for a person to read.
    public func measure(base: () throws -> MultimodalModel, show: Int = 0, log: (String) -> Void) throws -> [Row] {
        var train: [TaskKind: [Example]] = [:], test: [TaskKind: [Example]] = [:]
        for task in tasks {
            let streams = DataSetStreams(task: task, seed: seed)
            train[task] = task.examples(count: scale.trainPerClient * clientsPerTask, prefix: "\(task.rawValue)-train", rng: streams.train)
            test[task] = task.examples(count: scale.testPerClient * clientsPerTask, prefix: "\(task.rawValue)-test", rng: streams.test)
        }
        let evaluator = Evaluator()
        let cache = FeatureCache()
        let zeroShotModel = try base()
        var zeroShot: [TaskKind: Evaluation] = [:]
        var testFeatures: [TaskKind: Tensor] = [:]
        for task in tasks {
            let data = EncodedDataSet(test[task]!, tokenizer: evaluator.tokenizer)
            testFeatures[task] = cache.features(of: data.images, encoder: zeroShotModel.vision)
            zeroShot[task] = evaluator.evaluate(zeroShotModel, on: test[task]!, features: testFeatures[task])
            log("zero-shot \(task.paperName): \(String(format: "%.1f", zeroShot[task]!.score))")
        }
        var alone: [TaskKind: Evaluation] = [:]
        if tasks.count > 1 {
            for task in tasks {
                let model = try tune(base(), on: train[task]!, label: "\(task.paperName) alone", cache: cache, evaluator: evaluator, log: log)
                alone[task] = evaluator.evaluate(model, on: test[task]!, features: testFeatures[task])
                log("tuned alone \(task.paperName): \(String(format: "%.1f", alone[task]!.score))")
            }
        }
        let tuned = try tune(base(), on: tasks.flatMap { train[$0]! }, label: "centralized", cache: cache, evaluator: evaluator, log: log)
        return tasks.map { task in
            let evaluation = evaluator.evaluate(tuned, on: test[task]!, features: testFeatures[task])
            for example in test[task]!.prefix(show) {
                log("\(task.paperName) \(example.id): \(example.instruction) → '\(evaluation.predictions[example.id]!)' (reference '\(example.answer)')")
            }
            let chance = MajorityBaseline.evaluate(train: train[task]!, test: test[task]!)
            let aloneEvaluation = alone[task] ?? evaluation                     // a one-task union is the task alone
            let byCategory = { (evaluation: Evaluation) in CategoryScore.breakdown(of: evaluation, examples: test[task]!) }
            return Row(task: task, chance: chance.score, zeroShot: zeroShot[task]!.score, alone: aloneEvaluation.score,
                       centralized: evaluation.score, chanceByCategory: byCategory(chance), zeroShotByCategory: byCategory(zeroShot[task]!),
                       aloneByCategory: byCategory(aloneEvaluation), centralizedByCategory: byCategory(evaluation))
        }
    }

    /// `model` after tuning on `examples` with this plan's options and seed, logging every 20th step under `label`.
    private func tune(_ model: MultimodalModel, on examples: [Example], label: String, cache: FeatureCache,
                      evaluator: Evaluator, log: (String) -> Void) throws -> MultimodalModel {
        let data = EncodedDataSet(examples, tokenizer: evaluator.tokenizer)
        let features = cache.features(of: data.images, encoder: model.vision)
        var rng = RandomStream(seed: seed).split(0xCE47)
        _ = LocalTrainer(options: options).train(model, on: data, features: features, rng: &rng, onStep: { record in
            if record.step % 20 == 0 || record.step + 1 == record.totalSteps {
                log("\(label) step \(record.step + 1)/\(record.totalSteps) loss \(String(format: "%.3f", record.languageModelLoss))")
            }
        })
        return model
    }
}
