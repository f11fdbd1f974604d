import ArgumentParser
import Foundation
import Tensors
import Training
import World

/// `pilot pretrain`: build (or reuse) the pretrained base MLLM.
struct PretrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretrain",
        abstract: "Build the pretrained base (encoder, language model, connector) on generic data; reuse it when it exists.")

    @OptionGroup var compute: ComputeOptions
    @OptionGroup var base: BaseOptions
    @Flag(help: "Train again even when a base with this configuration exists.") var force = false
    @Option(help: "Held-out corpus samples to probe the base's skills with (0: no probe).") var probe = 256
    @Option(help: "How many bases: seeds --base-seed, --base-seed + 1, … (what `pilot study run --bases` starts from).") var bases = 1

    func validate() throws {
        if bases < 1 { throw ValidationError("--bases must be at least 1, got \(bases)") }
        if bases > 1 && base.baseFile != nil { throw ValidationError("--base names one file; --bases needs --base-dir") }
    }

    func run() throws {
        compute.apply()
        for seed in base.baseSeed..<(base.baseSeed + UInt64(bases)) { try pretrain(base.seeded(seed)) }
    }

    /// Builds or reuses the base `options` name, then probes it.
    func pretrain(_ options: BaseOptions) throws {
        let (url, seconds) = try options.ensure(force: force)
        if let seconds {
            print("wrote \(url.path) in \(ProgressPrinter.duration(seconds))")
        } else {
            print("reusing \(url.path) (same configuration); --force trains again")
        }
        if probe > 0 {
            var rng = RandomStream(seed: 0)
            let (model, config) = try BaseModel.load(from: url, rng: &rng)
            let (vision, language) = try BaseModel.stageAccuracies(at: url)
            if !vision.isEmpty {
                print("vision stage, held-out patch accuracy: "
                      + vision.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", 100 * $0.value))" }.joined(separator: " / "))
            }
            if let language {
                print("language stage, held-out multiple-choice accuracy: \(String(format: "%.1f", 100 * language))")
            }
            print(BaseProbe.measure(model, config: config, count: probe).summary)
        }
    }
}

/// Options that choose the pretrained base.
struct BaseOptions: ParsableArguments {
    @Option(help: "Scale preset: smoke, small or paper.") var scale = "small"
    @Option(name: .customLong("base-seed"), help: "Seed of the base's weights and corpus.") var baseSeed: UInt64 = 0
    @Option(name: .customLong("base-steps"), help: "Override the preset's alignment steps (last pretraining stage).") var baseSteps: Int?
    @Option(name: .customLong("base-language-steps"), help: "Override the preset's language steps (text-only pretraining stage).") var baseLanguageSteps: Int?
    @Option(name: .customLong("base-vision-steps"), help: "Override the preset's vision steps (encoder pretraining stage).") var baseVisionSteps: Int?
    @Option(name: .customLong("base-instruction-steps"),
            help: "Override the preset's instruction steps (stage after alignment on four tasks' formats, LLaVA-1.5's analog).")
    var baseInstructionSteps: Int?
    @Option(name: .customLong("base-dir"), help: "Directory of pretrained bases.") var baseDirectory = "runs/base"
    @Option(name: .customLong("base"), help: "Use this base file as it is (no configuration check, no pretraining).") var baseFile: String?
    @Option(name: .customLong("test-per-client"),
            help: "Override the scale's test items per client (validation keeps the scale's size); runs with it are distinct runs.")
    var testPerClient: Int?

    func validate() throws {
        guard PretrainConfig.preset(scale) != nil else { throw ValidationError("unknown scale '\(scale)' (valid: smoke, small, paper)") }
        if let baseSteps, baseSteps < 1 { throw ValidationError("--base-steps must be at least 1, got \(baseSteps)") }
        if let baseVisionSteps, baseVisionSteps < 0 { throw ValidationError("--base-vision-steps must be at least 0, got \(baseVisionSteps)") }
        if let baseLanguageSteps, baseLanguageSteps < 0 { throw ValidationError("--base-language-steps must be at least 0, got \(baseLanguageSteps)") }
        if let baseInstructionSteps, baseInstructionSteps < 0 {
            throw ValidationError("--base-instruction-steps must be at least 0, got \(baseInstructionSteps)")
        }
        if let testPerClient, testPerClient < 1 { throw ValidationError("--test-per-client must be at least 1, got \(testPerClient)") }
    }

    /// The data of `--scale`, with `--test-per-client` when given.
    func scalePreset() throws -> ScalePreset {
        var preset = try ScalePreset.named(scale)
        if let testPerClient { preset.testPerClient = testPerClient }
        return preset
    }

    /// These options as command-line arguments (for job scripts), with the base directory made absolute.
    var arguments: [String] {
        var out = ["--scale", scale, "--base-seed", "\(baseSeed)"]
        if let baseSteps { out += ["--base-steps", "\(baseSteps)"] }
        if let baseLanguageSteps { out += ["--base-language-steps", "\(baseLanguageSteps)"] }
        if let baseVisionSteps { out += ["--base-vision-steps", "\(baseVisionSteps)"] }
        if let baseInstructionSteps { out += ["--base-instruction-steps", "\(baseInstructionSteps)"] }
        if let testPerClient { out += ["--test-per-client", "\(testPerClient)"] }
        if let baseFile { return out + ["--base", URL(fileURLWithPath: baseFile).path] }
        return out + ["--base-dir", URL(fileURLWithPath: baseDirectory).path]
    }

    /// The configuration these options name.
    var config: PretrainConfig {
        let preset = PretrainConfig.preset(scale)!
        return preset.with(seed: baseSeed, languageSteps: baseLanguageSteps, visionSteps: baseVisionSteps, steps: baseSteps,
                           instructionSteps: baseInstructionSteps)
    }

    /// These options with base seed `seed`.
    func seeded(_ seed: UInt64) -> BaseOptions {
        var options = self
        options.baseSeed = seed
        return options
    }

    /// The files of the bases with `seeds` (these options with each seed), pretraining each one that is missing.
    func ensure(seeds: [UInt64]) throws -> [UInt64: URL] {
        var urls: [UInt64: URL] = [:]
        for seed in seeds { urls[seed] = try seeded(seed).ensure().url }
        return urls
    }

    /// The base's file, pretraining it (with progress) when missing; seconds is nil when it was reused.
    func ensure(force: Bool = false) throws -> (url: URL, seconds: Double?) {
        if let baseFile {
            guard FileManager.default.fileExists(atPath: baseFile) else { throw ValidationError("--base \(baseFile): no such file") }
            return (URL(fileURLWithPath: baseFile), nil)
        }
        let config = self.config
        let progress = ProgressPrinter()
        var seconds: Double?, stageSeconds: [String: Double] = [:]
        let (url, reused) = try BaseModel.ensure(config, in: URL(fileURLWithPath: baseDirectory), force: force) { p in
            stageSeconds[p.stage] = p.elapsed
            seconds = stageSeconds.values.reduce(0, +)
            let rate = Double(p.step + 1) / max(p.elapsed, 1e-9)
            progress.update("pretrain \(p.stage) step \(p.step + 1)/\(p.totalSteps)  loss \(String(format: "%.3f", p.loss))  "
                            + "\(String(format: "%.0f", rate * Double(config.batchSize))) samples/s  "
                            + "ETA \(ProgressPrinter.duration(Double(p.totalSteps - p.step - 1) / rate))",
                            final: p.step + 1 == p.totalSteps)
        }
        return (url, reused ? nil : seconds)
    }
}
