import Foundation
import Models
import Tensors
import Training
import World

extension FederatedRunner {
    /// What one round measured besides scores, per client: floats sent up and down (CP) and activated parameters (AP).
    struct RoundResult {
        var uploaded: [Int], downloaded: [Int], activated: [Int]
    }

    /// Local training of every client, then the server step.
    func runRound(_ round: Int, onEvent: (Event) -> Void) throws -> RoundResult {
        let trainer = LocalTrainer(options: trainingOptions(round: round))
        if case .centralized = config.method { return try runCentralizedRound(round, trainer: trainer, onEvent: onEvent) }
        var updates: [ClientUpdate] = []
        var activated: [Int] = []
        for client in clients {
            var rng = stream(round: round, client: client.index)
            try install(client, round: round, rng: &rng)
            activated.append(ParameterCount(model).activated)
            let records = profile.measure(.training, round: round) {
                trainer.train(model, on: trainData[client.index], features: trainsEncoder ? nil : trainFeatures[client.index],
                              rng: &rng, extraLoss: (strategy as? FedProxStrategy)?.proximalTerm(for: model)) { onEvent(.step(round: round, client: client.index, record: $0)) }
            }
            history.trainLoss[client.index] += records.map(\.loss)
            states[client.index] = ClientModel.state(of: model)
            updates.append(ClientUpdate(client: client.index, task: client.task, dataSize: client.train.count,
                                        parameters: states[client.index].filter { strategy.uploads($0.key, round: round) }))
        }
        hooks.updates(round, &updates)
        if let bad = NonFiniteCheck.firstNonFinite(in: updates) {
            throw RunError.nonFinite(round: round, client: clients[bad.client].name, detail: "\(bad)")
        }
        let downloads = try profile.measure(.aggregation, round: round) { try strategy.aggregate(updates, round: round) }
        var extraDown = 0
        if case .pilot = config.method, round < config.rounds {          // the other tasks' adapters for stage 2
            extraDown = (scenario.tasks.count - 1) * baseConnector.parameterCount
        }
        for (client, download) in downloads { states[client].merge(download) { _, new in new } }
        return RoundResult(
            uploaded: updates.map { $0.parameters.values.reduce(0) { $0 + $1.count } },
            downloaded: clients.map { c in (downloads[c.index]?.values.reduce(0) { $0 + $1.count } ?? 0) + (downloads.isEmpty ? 0 : extraDown) },
            activated: activated)
    }

    /// Local training in `round`: the run's options, with Pilot's stage-2 rounds at `stageTwoRateFactor` times the rate.
    func trainingOptions(round: Int) -> TrainingOptions {
        var options = config.training
        if case let .pilot(pilot) = config.method, round >= 2 { options.schedule.base *= pilot.stageTwoRateFactor }
        return options
    }

    /// Builds `client`'s model for `round` in the shared model from its state and the server's task adapters.
    func install(_ client: ClientData, round: Int, rng: inout RandomStream) throws {
        try ClientModel.install(config.method, round: round, task: client.task, tasks: scenario.tasks, state: states[client.index],
                                taskAdapters: taskAdapters, base: baseConnector, into: model, rng: &rng)
    }

    /// Centralized: one model trains on every client's data (E epochs per round) and every client evaluates it.
    private func runCentralizedRound(_ round: Int, trainer: LocalTrainer, onEvent: (Event) -> Void) throws -> RoundResult {
        var rng = RandomStream(seed: config.seed).split(UInt64(round), 0xCE47)
        try install(clients[0], round: round, rng: &rng)
        let activated = ParameterCount(model).activated
        let examples = clients.flatMap(\.train)
        let features = Tensor.concatenatingRows(trainFeatures)
        let records = profile.measure(.training, round: round) {
            trainer.train(model, on: EncodedDataSet(examples, tokenizer: tokenizer), features: features, rng: &rng,
                          extraLoss: nil) { onEvent(.step(round: round, client: 0, record: $0)) }
        }
        history.trainLoss[0] += records.map(\.loss)
        let state = ClientModel.state(of: model)
        for i in states.indices { states[i] = state }
        let zeros = Array(repeating: 0, count: clients.count)
        return RoundResult(uploaded: zeros, downloaded: zeros, activated: Array(repeating: activated, count: clients.count))
    }

    /// Fills the activated-parameter counts of rounds a checkpoint from before they were recorded lacks.
    ///
    /// AP depends only on the model each client builds in a round, so installing it again (with a throwaway
    /// stream: the next round installs afresh) gives the count the round would have recorded.
    func backfillActivated() throws {
        while history.activated.count < history.rounds {
            let round = history.activated.count + 1
            var row: [Int] = []
            for client in clients {
                var rng = RandomStream(seed: 0)
                try install(client, round: round, rng: &rng)
                row.append(ParameterCount(model).activated)
            }
            history.activated.append(row)
        }
    }
}
