import Models
import Tensors
import Training
import World

extension FederatedRunner {
    /// Every client's score on its own test set with the state it holds after the round, and its answer loss there.
    func evaluate(round: Int) throws -> [(score: Double, loss: Double)] {
        let evaluator = Evaluator()
        if case let .fedDPA(weight) = config.method { model.localWeight = weight }
        return try clients.map { client in
            var rng = stream(round: round, client: client.index, 0xE7A1)
            try install(client, round: max(round, 1), rng: &rng)
            // A training encoder (CT-CLIP) is the client's own: its features are computed afresh, never cached.
            let features: Tensor
            if trainsEncoder { features = try FeatureCache().features(of: testImages[client.index], encoder: model.vision) }
            else { features = testFeatures[client.index] }
            let weights = try instanceWeights(of: client)
            return (evaluator.evaluate(model, on: client.test, features: features, localWeights: weights).score,
                    evaluator.answerLoss(model, on: client.test, features: features, localWeights: weights))
        }
    }

    /// FedDPA's λ of each of `client`'s test examples (nil for every other method).
    func instanceWeights(of client: ClientData) throws -> [Float]? {
        guard case let .fedDPA(maximum) = config.method else { return nil }
        let test = client.test.map { EncodedSample($0, tokenizer: tokenizer).prompt }
        return FedDPAInstanceWeight(maximum: maximum).weights(model, test: test, train: trainData[client.index].samples.map(\.prompt))
    }
}
