import Autodiff
import Checkpoint
import Foundation
import Models
import NN
import Tensors
import Training
import World

/// Runs one federated run: N clients and one server in one process, round by round, with a checkpoint after every round.
///
/// Clients own their data and send only named parameter sets (`ClientUpdate`); the server sees
/// nothing else. Clients train in index order; client i's randomness in round r comes from
/// (run seed, r, i), so a resumed run continues exactly where the interrupted one would have.
public final class FederatedRunner {
    /// What to run.
    public let config: RunConfig
    /// The data.
    public let scenario: Scenario
    /// The checkpoint file (rewritten atomically after every round).
    public let checkpoint: URL
    private let model: MultimodalModel
    private let baseConnector: MLPAdapter
    private let initialAdapters: NamedTensors
    private var strategy: any Strategy
    private var states: [NamedTensors]
    /// What has been measured.
    public internal(set) var history: RunHistory
    /// Per client, made once per process: training sets (pictures rendered, texts tokenized) and encoder features.
    private var trainData: [EncodedDataSet] = [], trainFeatures: [Tensor] = [], testFeatures: [Tensor] = []
    private let tokenizer = Tokenizer()

    /// Progress events.
    public enum Event {
        /// A local step of client `client` in `round`.
        case step(round: Int, client: Int, record: StepRecord)
        /// A round finished, with every client's score.
        case roundFinished(round: Int, scores: [Double], seconds: Double)
        /// Resumed after `rounds` completed rounds.
        case resumed(rounds: Int)
    }

    /// Prepares a run of `config` from the base at `baseURL`, checkpointing into `directory`; resumes a partial run found there.
    public init(config: RunConfig, baseURL: URL, directory: URL) throws {
        self.config = config
        scenario = try Scenario(config.scenario)
        checkpoint = directory.appendingPathComponent("run.h5")
        var rng = RandomStream(seed: config.seed).split(0x10AD)
        let dual: Bool
        if case .fedDPA = config.method { dual = true } else { dual = false }
        model = try BaseModel.load(from: baseURL, dualLoRA: dual, rng: &rng).model
        baseConnector = MLPAdapter(copying: model.connector as! MLPAdapter)
        initialAdapters = model.parameterValues().filter { $0.key.contains("lora_") }
        switch config.method {
        case .local, .centralized: strategy = LocalStrategy()
        case .fedAvg, .fedProx: strategy = FedAvgStrategy()
        case .shepherd: strategy = FedAvgStrategy(shared: { $0.contains("lora_") })
        case .fedDPA: strategy = FedAvgStrategy(shared: { !$0.contains("local_lora") })
        case let .fedAdam(rate):
            strategy = FedAdamStrategy(serverLearningRate: rate, initial: initialAdapters.merging(
                baseConnector.parameterValues(prefix: "connector")) { a, _ in a })
        case let .pilot(options): strategy = PilotStrategy(options: options)
        }
        history = RunHistory(clients: scenario.clients.count)
        states = []
        for client in scenario.clients {
            var stream = RandomStream(seed: config.seed).split(0, UInt64(client.index))
            states.append(try initialState(for: client, rng: &stream))
        }
        try resumeIfPossible()
    }

    /// The state every client starts from: the base's connector (in the method's round-1 form) and fresh adapters.
    private func initialState(for client: ClientData, rng: inout RandomStream) throws -> NamedTensors {
        try model.load(initialAdapters, allowMissing: true)
        try ClientModel.install(config.method, round: 1, task: client.task, tasks: scenario.tasks, state: [:], taskAdapters: [:],
                                base: baseConnector, into: model, rng: &rng)
        return ClientModel.state(of: model)
    }

    /// What every client holds now, by client index.
    var clientStates: [NamedTensors] { states }
    /// What the server holds now.
    var serverState: NamedTensors { strategy.state }

    /// Puts a checkpoint's states and history back.
    func restore(clientStates: [NamedTensors], serverState: NamedTensors, history: RunHistory) throws {
        states = clientStates
        try strategy.restore(serverState)
        self.history = history
    }

    private var taskAdapters: [TaskKind: NamedTensors] { (strategy as? PilotStrategy)?.taskAdapters ?? [:] }

    /// Runs the remaining rounds (or those up to `lastRound`); returns the history.
    @discardableResult
    public func run(through lastRound: Int? = nil, onEvent: (Event) -> Void = { _ in }) throws -> RunHistory {
        if history.rounds > 0 { onEvent(.resumed(rounds: history.rounds)) }
        try computeFeatures()
        while history.rounds < min(config.rounds, lastRound ?? config.rounds) {
            let round = history.rounds + 1
            let start = Date()
            let (uploaded, downloaded) = try runRound(round, onEvent: onEvent)
            let scores = try evaluate(round: round).map { Double(Float($0)) }     // as the checkpoint stores them
            history.scores.append(scores)
            history.uploaded.append(uploaded)
            history.downloaded.append(downloaded)
            history.seconds.append(Date().timeIntervalSince(start))
            try writeCheckpoint()
            onEvent(.roundFinished(round: round, scores: scores, seconds: history.seconds.last!))
        }
        return history
    }

    private func computeFeatures() throws {
        guard trainFeatures.isEmpty else { return }
        let cache = FeatureCache()
        for client in scenario.clients {
            trainData.append(EncodedDataSet(client.train, tokenizer: tokenizer))
            trainFeatures.append(try cache.features(of: trainData.last!.images, encoder: model.vision))
            testFeatures.append(try cache.features(of: EncodedDataSet(client.test, tokenizer: tokenizer).images, encoder: model.vision))
        }
    }

    /// Local training of every client, then the server step; returns floats sent up and down per client.
    private func runRound(_ round: Int, onEvent: (Event) -> Void) throws -> ([Int], [Int]) {
        let trainer = LocalTrainer(options: config.training)
        if case .centralized = config.method { return try runCentralizedRound(round, trainer: trainer, onEvent: onEvent) }
        var updates: [ClientUpdate] = []
        for client in scenario.clients {
            var rng = RandomStream(seed: config.seed).split(UInt64(round), UInt64(client.index))
            try ClientModel.install(config.method, round: round, task: client.task, tasks: scenario.tasks, state: states[client.index],
                                    taskAdapters: taskAdapters, base: baseConnector, into: model, rng: &rng)
            let records = trainer.train(model, on: trainData[client.index], features: trainFeatures[client.index], rng: &rng,
                                        extraLoss: proximalTerm()) { onEvent(.step(round: round, client: client.index, record: $0)) }
            history.trainLoss[client.index] += records.map(\.loss)
            states[client.index] = ClientModel.state(of: model)
            updates.append(ClientUpdate(client: client.index, task: client.task, dataSize: client.train.count,
                                        parameters: states[client.index].filter { strategy.uploads($0.key, round: round) }))
        }
        if let bad = NonFiniteCheck.firstNonFinite(in: updates) {
            throw RunError.nonFinite(round: round, client: scenario.clients[bad.client].name, detail: "\(bad)")
        }
        let downloads = try strategy.aggregate(updates, round: round)
        var extraDown = 0
        if case .pilot = config.method, round < config.rounds {          // the other tasks' adapters for stage 2
            extraDown = (scenario.tasks.count - 1) * baseConnector.parameterCount
        }
        for (client, download) in downloads { states[client].merge(download) { _, new in new } }
        return (updates.map { $0.parameters.values.reduce(0) { $0 + $1.count } },
                scenario.clients.map { c in (downloads[c.index]?.values.reduce(0) { $0 + $1.count } ?? 0) + (downloads.isEmpty ? 0 : extraDown) })
    }

    /// Centralized: one model trains on every client's data (E epochs per round) and every client evaluates it.
    private func runCentralizedRound(_ round: Int, trainer: LocalTrainer, onEvent: (Event) -> Void) throws -> ([Int], [Int]) {
        var rng = RandomStream(seed: config.seed).split(UInt64(round), 0xCE47)
        try ClientModel.install(config.method, round: round, task: scenario.clients[0].task, tasks: scenario.tasks, state: states[0],
                                taskAdapters: [:], base: baseConnector, into: model, rng: &rng)
        let examples = scenario.clients.flatMap(\.train)
        let features = Tensor.concatenatingRows(trainFeatures)
        let records = trainer.train(model, on: EncodedDataSet(examples, tokenizer: tokenizer), features: features, rng: &rng,
                                    extraLoss: nil) { onEvent(.step(round: round, client: 0, record: $0)) }
        history.trainLoss[0] += records.map(\.loss)
        let state = ClientModel.state(of: model)
        for i in states.indices { states[i] = state }
        let zeros = Array(repeating: 0, count: scenario.clients.count)
        return (zeros, zeros)
    }

    /// FedProx's (μ/2)·‖θ − θ_global‖² over the shared parameters, or nil for other methods.
    private func proximalTerm() -> ((Tape) -> Variable?)? {
        guard case let .fedProx(mu) = config.method, let anchor = (strategy as? FedAvgStrategy)?.global, !anchor.isEmpty else { return nil }
        let parameters = model.trainableParameters().filter { anchor[$0.name] != nil }
        return { tape in
            let terms = parameters.map { p -> (Variable, Float) in
                let d = tape.sub(p.variable, Variable(anchor[p.name]!))
                return (tape.sum(tape.mul(d, d)), mu / 2)
            }
            return terms.isEmpty ? nil : tape.weightedSum(terms)
        }
    }

    /// Every client's score on its own test set with the state it holds after the round.
    private func evaluate(round: Int) throws -> [Double] {
        let evaluator = Evaluator()
        if case let .fedDPA(weight) = config.method { model.localWeight = weight }
        return try scenario.clients.map { client in
            var rng = RandomStream(seed: config.seed).split(UInt64(round), UInt64(client.index), 0xE7A1)
            try ClientModel.install(config.method, round: max(round, 1), task: client.task, tasks: scenario.tasks,
                                    state: states[client.index], taskAdapters: taskAdapters, base: baseConnector, into: model, rng: &rng)
            return evaluator.evaluate(model, on: client.test, features: testFeatures[client.index]).score
        }
    }
}
