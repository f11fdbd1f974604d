import ArgumentParser
import Checkpoint
import Federated
import Foundation
import NN
import Report
import Training
import World

/// `pilot run`: one federated run from the command line.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "One federated run: train, score every client's validation set after every round and its test set at the start and end, checkpoint, resume.")

    @OptionGroup var compute: ComputeOptions
    @OptionGroup var base: BaseOptions
    @Option(help: "Scenario: visual or general-vqa.") var scenario = "visual"
    @Option(help: "Method: \(Method.names.joined(separator: ", ")).") var method = "pilot"
    @Option(help: "Communication rounds.") var rounds = RunDefaults.rounds
    @Option(help: "Local epochs per round.") var epochs = RunDefaults.epochs
    @Option(help: "Local batch size.") var batchSize = RunDefaults.batchSize
    @Option(help: "Local learning rate.") var learningRate: Float = RunDefaults.learningRate
    @Option(help: "Training seed.") var seed: UInt64 = 0
    @Option(help: "FedAdam's server learning rate η (default \(Method.Defaults.fedAdamServerLearningRate)); only with --method fedadam.")
    var serverLearningRate: Float?
    @Option(help: "Directory of runs (one sub-directory per configuration).") var out = "runs"
    @Flag(help: "Print where this process's time went, per round and phase (training, server step, evaluation, checkpoint).")
    var profile = false

    func validate() throws {
        guard ScenarioKind(rawValue: scenario) != nil else { throw ValidationError("unknown scenario '\(scenario)' (valid: visual, general-vqa)") }
        guard Method.named(method) != nil else { throw ValidationError("unknown method '\(method)' (valid: \(Method.names.joined(separator: ", ")))") }
        guard rounds >= 1, epochs >= 1, batchSize >= 1, learningRate > 0 else {
            throw ValidationError("--rounds, --epochs, --batch-size and --learning-rate must be positive")
        }
        if let serverLearningRate {
            guard method == "fedadam" else { throw ValidationError("--server-learning-rate is FedAdam's; it needs --method fedadam") }
            guard serverLearningRate > 0, serverLearningRate.isFinite else { throw ValidationError("--server-learning-rate must be positive") }
        }
    }

    /// The method these options name, with FedAdam's η when given.
    var chosenMethod: Method {
        if let serverLearningRate { return .fedAdam(serverLearningRate: serverLearningRate) }
        return Method.named(method)!
    }

    func run() throws {
        compute.apply()
        let (baseURL, _) = try base.ensure()
        let config = RunConfig(
            scenario: Scenario.Config(kind: ScenarioKind(rawValue: scenario)!, scale: try base.scalePreset()),
            method: chosenMethod, rounds: rounds,
            training: RunDefaults.training(epochs: epochs, batchSize: batchSize, learningRate: learningRate),
            seed: seed, base: base.config)
        let directory = try config.directory(in: URL(fileURLWithPath: out))
        guard let claim = try RunClaim.acquire(directory) else {
            throw RunError.claimedElsewhere(path: directory.path, holder: RunClaim.holder(of: directory) ?? "another process")
        }
        defer { claim.release() }
        let runner = try FederatedRunner(config: config, baseURL: baseURL, directory: directory)
        let clients = runner.scenario.clients
        let stepsPerRound = clients.reduce(0) { $0 + LocalTrainer(options: config.training).steps(for: $1.train.count) }
        let progress = ProgressPrinter()
        let start = Date()
        var done = 0
        let history = try runner.run { event in
            switch event {
            case let .resumed(rounds):
                progress.update("resuming \(directory.lastPathComponent) after round \(rounds)", final: true)
                done = rounds * stepsPerRound
            case let .step(round, client, record):
                done += 1
                let rate = Double(done) / max(Date().timeIntervalSince(start), 1e-9)
                let left = Double(rounds * stepsPerRound - done) / rate
                progress.update("round \(round)/\(rounds)  client \(clients[client].name)  step \(record.step + 1)/\(record.totalSteps)  "
                                + "loss \(String(format: "%.3f", record.loss))  ETA \(ProgressPrinter.duration(left)) (+ evaluation)")
            case let .roundFinished(round, scores, seconds):
                let mean = scores.reduce(0, +) / Double(scores.count)
                progress.update("round \(round)/\(rounds) done in \(ProgressPrinter.duration(seconds)): mean validation score \(String(format: "%.1f", mean))", final: true)
            }
        }
        print(RunSummary.table(history: history, clients: clients))
        print("checkpoint: \(runner.checkpoint.path)")
        if profile {
            print("\nwall time by phase (this process; command: pilot \(CommandLine.arguments.dropFirst().joined(separator: " "))):\n")
            print(runner.profile.table)
        }
    }
}

/// The per-client table printed at the end of a run: test and validation scores by round (round 0: the starting model;
/// "–" where the test set was not scored).
enum RunSummary {
    static func table(history: RunHistory, clients: [ClientData]) -> String {
        let rounds = (history.initialScores.isEmpty ? [] : ["start"]) + (1...history.rounds).map { "round \($0)" }
        var out = ResultTable(header: ["client", "metric", "set"] + rounds + ["sent up (floats/round)"])
        for client in clients {
            let up = history.uploaded.map { $0[client.index] }.max() ?? 0
            for (set, initial, byRound) in [("test", history.initialScores, history.scores),
                                            ("validation", history.initialValidationScores, history.validationScores)] where !byRound.isEmpty {
                let values = (initial.isEmpty ? [] : [initial[client.index]]) + byRound.map { $0[client.index] }
                out.append([client.name, TaskMetric.name(of: client.task), set] + values.map { $0.isNaN ? "–" : String(format: "%.1f", $0) } + ["\(up)"])
            }
        }
        return out.render() + "\n"
    }
}
