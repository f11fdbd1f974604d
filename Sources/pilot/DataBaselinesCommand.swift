import ArgumentParser
import Foundation
import Models
import NN
import Tensors
import Training
import World

/// `pilot data baselines`: chance, zero-shot, tuned-alone and centralized scores per task — is each task learnable and not trivial?
struct DataBaselinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baselines",
        abstract: "Per task: chance (majority answer), the pretrained base's zero-shot score, the scores after tuning on the task alone and on the union.")

    @OptionGroup var compute: ComputeOptions
    @OptionGroup var base: BaseOptions
    @Option(help: "Data and tuning seed.") var seed: UInt64 = 0
    @Option(help: "Epochs of tuning.") var epochs = 6
    @Option(help: "Learning rate of tuning (connector and LoRA).") var learningRate: Float = 5e-3
    @Option(help: "Batch size of tuning.") var batchSize = 16
    @Option(help: "How tuning's loss averages answer tokens: tokens (LLaVA's mean over the batch's tokens) or examples (each example weighs the same).")
    var lossAverage = LossAverage.answerTokens
    @Option(help: "Also write the markdown table to this file.") var out: String?
    @Option(help: "Print this many tuned predictions per task.") var show = 0
    @Option(help: "Comma-separated tasks, each tuned alone and their union centralized (default: all five).")
    var tasks = TaskKind.allCases.map(\.rawValue).joined(separator: ",")

    func validate() throws {
        guard epochs >= 1, batchSize >= 1, learningRate > 0 else { throw ValidationError("--epochs, --batch-size and --learning-rate must be positive") }
        _ = try taskList()
    }

    func run() throws {
        compute.apply()
        let start = Date()
        let (url, _) = try base.ensure()
        let scale = try base.scalePreset()
        let options = TrainingOptions(epochs: epochs, batchSize: batchSize,
                                      schedule: LearningRateSchedule(base: learningRate, warmupSteps: 10, decay: .cosine, minimumFactor: 0.1),
                                      lossAverage: lossAverage)
        let progress = ProgressPrinter()
        let plan = TaskBaselines(scale: scale, options: options, seed: seed, tasks: try taskList())
        let rows = try plan.measure(base: {
            var rng = RandomStream(seed: seed).split(0x10AD)
            return try BaseModel.load(from: url, rng: &rng).model
        }, show: show, log: { message in
            if message.contains("→") { progress.update(message, final: true) } else { progress.update(message) }
        })
        progress.update("done in \(ProgressPrinter.duration(Date().timeIntervalSince(start)))", final: true)
        var table = TaskBaselines.markdown(rows)
        table += "\n`\(commandLineString())` (base \(url.lastPathComponent); \(scale.trainPerClient * plan.clientsPerTask) training and "
            + "\(scale.testPerClient * plan.clientsPerTask) test examples per task; each task tuned alone, then centralized tuning on the union of \(rows.map(\.task.paperName).joined(separator: ", ")))\n"
        print(table)
        if let out { try table.write(toFile: out, atomically: true, encoding: .utf8) }
    }

    /// The tasks of `--tasks`, or a message naming the unknown or repeated one.
    private func taskList() throws -> [TaskKind] {
        let names = tasks.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        var list: [TaskKind] = []
        for name in names {
            guard let task = TaskKind(rawValue: name) else {
                throw ValidationError(DataError.unknownTask(name, valid: TaskKind.allCases.map(\.rawValue)).description)
            }
            guard !list.contains(task) else { throw ValidationError("--tasks names \(name) twice") }
            list.append(task)
        }
        return list
    }
}

extension LossAverage: ExpressibleByArgument {}
