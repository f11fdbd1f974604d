import ArgumentParser
import Foundation
import Training

/// `pilot pretrain`: build (or reuse) the pretrained base MLLM.
struct PretrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretrain",
        abstract: "Build the pretrained base (encoder, language model, connector) on generic data; reuse it when it exists.")

    @OptionGroup var compute: ComputeOptions
    @Option(help: "Scale preset: smoke, small or paper.") var scale = "small"
    @Option(help: "Seed of the weights and the corpus.") var seed: UInt64 = 0
    @Option(help: "Override the preset's number of steps.") var steps: Int?
    @Option(help: "Directory of pretrained bases.") var dir = "runs/base"
    @Flag(help: "Train again even when a base with this configuration exists.") var force = false

    func validate() throws {
        guard PretrainConfig.preset(scale) != nil else { throw ValidationError("unknown scale '\(scale)' (valid: smoke, small, paper)") }
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1, got \(steps)") }
    }

    func run() throws {
        compute.apply()
        var config = PretrainConfig.preset(scale)!
        config.seed = seed
        if let steps { config = PretrainConfig(model: config.model, seed: seed, steps: steps, batchSize: config.batchSize) }
        let url = URL(fileURLWithPath: dir).appendingPathComponent(try BaseModel.fileName(for: config))
        if FileManager.default.fileExists(atPath: url.path) && !force {
            print("reusing \(url.path) (same configuration); --force trains again")
            return
        }
        let progress = ProgressPrinter()
        let result = Pretrainer(config: config).train { p in
            let rate = Double(p.step + 1) / max(p.elapsed, 1e-9)
            let eta = Double(p.totalSteps - p.step - 1) / rate
            progress.update("pretrain step \(p.step + 1)/\(p.totalSteps)  loss \(String(format: "%.3f", p.loss))  "
                            + "\(String(format: "%.1f", rate * Double(config.batchSize))) samples/s  ETA \(ProgressPrinter.duration(eta))",
                            final: p.step + 1 == p.totalSteps)
        }
        let seconds = result.seconds
        try BaseModel.save(result.model, config: config, finalLoss: result.finalLoss, seconds: seconds, to: url)
        print("wrote \(url.path): \(config.steps) steps of \(config.batchSize) in \(ProgressPrinter.duration(seconds)), final loss \(String(format: "%.3f", result.finalLoss))")
    }
}
