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
    public let config: RunConfig
    public let scenario: Scenario
    /// The checkpoint file (rewritten atomically after every round).
    public let checkpoint: URL
    /// The clients, by index: the scenario's, unless a test replaced them (`Hooks`).
    let clients: [ClientData]
    let hooks: Hooks
    let model: MultimodalModel
    let baseConnector: MLPAdapter
    let initialAdapters: NamedTensors
    var strategy: any Strategy
    var states: [NamedTensors]
    public internal(set) var history: RunHistory
    /// The OpenBLAS kernel families that computed the rounds of an earlier process (read back on resume). Families
    /// round differently, and over training that changes every score, so the checkpoint names them.
    var earlierKernelFamilies: [String] = []
    /// Where this process's time went, by round and phase.
    public internal(set) var profile = RunProfile()
    /// Per client, made once per process: training sets (pictures rendered, texts tokenized), and either the
    /// frozen encoder's features or, when the encoder trains (CT-CLIP), the held-out pictures.
    var trainData: [EncodedDataSet] = [], trainFeatures: [Tensor] = [], testFeatures: [Tensor] = [], testImages: [Tensor] = []
    var validationFeatures: [Tensor] = [], validationImages: [Tensor] = []
    let tokenizer = Tokenizer()

    /// Progress events.
    public enum Event {
        /// A local step of client `client` in `round`.
        case step(round: Int, client: Int, record: StepRecord)
        /// A round finished, with every client's validation score (scored after every round; the test set is not).
        case roundFinished(round: Int, validationScores: [Double], seconds: Double)
        /// Resumed after `rounds` completed rounds.
        case resumed(rounds: Int)
    }

    /// Prepares a run of `config` from the base at `baseURL`, checkpointing into `directory`; resumes a partial run found there.
    public convenience init(config: RunConfig, baseURL: URL, directory: URL) throws {
        try self.init(config: config, baseURL: baseURL, directory: directory, hooks: Hooks())
    }

    /// The same, with test seams.
    init(config: RunConfig, baseURL: URL, directory: URL, hooks: Hooks) throws {
        self.config = config
        self.hooks = hooks
        scenario = try Scenario(config.scenario)
        let clients = hooks.clients ?? scenario.clients
        precondition(clients.count == scenario.clients.count && clients.indices.allSatisfy { clients[$0].index == $0 },
                     "replacement clients must keep the scenario's count and indices")
        self.clients = clients
        checkpoint = directory.appendingPathComponent("run.h5")
        var rng = RandomStream(seed: config.seed).split(0x10AD)
        let dual: Bool
        if case .fedDPA = config.method { dual = true } else { dual = false }
        model = try BaseModel.load(from: baseURL, dualLoRA: dual, rng: &rng).model
        baseConnector = MLPAdapter(copying: model.connector as! MLPAdapter)
        // FedDPA trains and evaluates with its λ from the first step on, whether the run starts or resumes.
        if case let .fedDPA(weight) = config.method { model.localWeight = weight }
        if case let .pilot(options) = config.method, options.trainVisionMLP { model.vision.setMLPTrainable(true) }
        initialAdapters = model.parameterValues().filter { ParameterGroup.llmAdapters.contains($0.key) }
        strategy = config.method.makeStrategy(
            initial: initialAdapters.merging(baseConnector.parameterValues(prefix: "connector")) { a, _ in a })
        history = RunHistory(clients: clients.count)
        states = []
        for client in clients {
            var stream = stream(round: 0, client: client.index)
            states.append(try initialState(for: client, rng: &stream))
        }
        try resumeIfPossible()
        try backfillActivated()
    }

    /// Client `client`'s random stream in `round` (0: its initial state), from (run seed, round, client).
    func stream(round: Int, client: Int, _ purpose: UInt64...) -> RandomStream {
        let base = RandomStream(seed: config.seed).split(UInt64(round), UInt64(hooks.streamClient(client)))
        return purpose.reduce(base) { $0.split($1) }
    }

    /// Whether the vision encoder's MLP layers train (CT-CLIP), so its features change with every step.
    var trainsEncoder: Bool { model.vision.namedParameters().contains { $0.variable.requiresGrad } }

    /// The state every client starts from: the base's connector (in the method's round-1 form) and fresh adapters.
    func initialState(for client: ClientData, rng: inout RandomStream) throws -> NamedTensors {
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

    var taskAdapters: [TaskKind: NamedTensors] { (strategy as? PilotStrategy)?.taskAdapters ?? [:] }

    /// Runs the remaining rounds (or those up to `lastRound`); returns the history.
    @discardableResult
    public func run(through lastRound: Int? = nil, onEvent: (Event) -> Void = { _ in }) throws -> RunHistory {
        if history.rounds > 0 { onEvent(.resumed(rounds: history.rounds)) }
        let setupStart = Date(), startsHere = trainData.isEmpty
        try profile.measure(.data, round: 0) { try prepareData() }
        if history.rounds == 0 && history.initialScores.isEmpty { try recordEvaluation(round: 0) }
        if startsHere && history.rounds < config.rounds { history.setupSeconds.append(Date().timeIntervalSince(setupStart)) }
        while history.rounds < min(config.rounds, lastRound ?? config.rounds) {
            let round = history.rounds + 1
            let start = Date()
            let result = try runRound(round, onEvent: onEvent)
            try recordEvaluation(round: round)
            let scores = history.validationScores.last!
            history.uploaded.append(result.uploaded)
            history.downloaded.append(result.downloaded)
            history.activated.append(result.activated)
            history.seconds.append(Date().timeIntervalSince(start))
            try profile.measure(.checkpoint, round: round) { try writeCheckpoint() }
            onEvent(.roundFinished(round: round, validationScores: scores, seconds: history.seconds.last!))
        }
        return history
    }

    /// Renders and tokenizes every client's data once; runs the frozen encoder once over it (not when it trains).
    private func prepareData() throws {
        guard trainData.isEmpty else { return }
        let cache = FeatureCache()
        for client in clients {
            let train = EncodedDataSet(client.train, tokenizer: tokenizer), test = EncodedDataSet(client.test, tokenizer: tokenizer)
            let validation = EncodedDataSet(client.validation, tokenizer: tokenizer)
            trainData.append(train)
            if trainsEncoder {
                testImages.append(test.images)
                validationImages.append(validation.images)
            } else {
                trainFeatures.append(cache.features(of: train.images, encoder: model.vision))
                testFeatures.append(cache.features(of: test.images, encoder: model.vision))
                validationFeatures.append(cache.features(of: validation.images, encoder: model.vision))
            }
        }
    }
}
