import Models
import Tensors
import Training
import World

extension FederatedRunner {
    /// Which of a client's held-out sets an evaluation answers.
    enum HeldOutSet {
        /// What settings are selected on.
        case validation
        /// What tables report.
        case test
    }

    /// One client's evaluation: its score, each item's score (same scale, the client's order) and, on the test set
    /// after a round (the starting model's is not recorded), its answer loss.
    struct ClientScore {
        var score: Double, items: [Double], loss: Double?
    }

    /// Every client's score on its own `set` with the state it holds after `round` (0: the state it starts from).
    func evaluate(round: Int, on set: HeldOutSet) throws -> [ClientScore] {
        let evaluator = Evaluator()
        return try clients.map { client in
            let examples = set == .test ? client.test : client.validation
            guard !examples.isEmpty else { return ClientScore(score: .nan, items: [], loss: set == .test ? .nan : nil) }
            var rng = stream(round: round, client: client.index, 0xE7A1)
            try install(client, round: max(round, 1), rng: &rng)
            // A training encoder (CT-CLIP) is the client's own: its features are computed afresh, never cached.
            let features: Tensor
            if trainsEncoder {
                features = profile.measure(.data, round: round) {
                    FeatureCache().features(of: (set == .test ? testImages : validationImages)[client.index], encoder: model.vision)
                }
            } else {
                features = (set == .test ? testFeatures : validationFeatures)[client.index]
            }
            let weights = try instanceWeights(of: client, examples: examples)
            let evaluation = profile.measure(.generation, round: round) {
                evaluator.evaluate(model, on: examples, features: features, localWeights: weights)
            }
            // Per-item scores on the corpus score's scale (TaskMetric gives them on 0…1, CIDEr-D raw).
            let items = examples.map { 100 * evaluation.perItem[$0.id]! }
            let loss = set == .test && round > 0 ? profile.measure(.answerLoss, round: round) {
                evaluator.answerLoss(model, on: examples, features: features, localWeights: weights)
            } : nil
            return ClientScore(score: evaluation.score, items: items, loss: loss)
        }
    }

    /// Records round `round`'s evaluations (0: the initial state's) in the history, as the checkpoint stores them.
    ///
    /// Validation is scored after every round (curves and selection read it); the test set only at the start and
    /// after the last round, the two points the tables read. Rounds between hold NaN test scores and losses and no
    /// item scores. Each evaluation draws its own random stream, so skipping one changes no other number.
    func recordEvaluation(round: Int) throws {
        let scoresTest = round == 0 || round == config.rounds
        let test = scoresTest ? try evaluate(round: round, on: .test) : nil
        let validation = try evaluate(round: round, on: .validation)
        let stored = { (x: Double) in Double(Float(x)) }
        if round == 0 {
            history.initialScores = test!.map { stored($0.score) }
            history.initialValidationScores = validation.map { stored($0.score) }
            return
        }
        let unmeasured = [Double](repeating: .nan, count: clients.count)
        history.scores.append(test?.map { stored($0.score) } ?? unmeasured)
        history.testLoss.append(test?.map { stored($0.loss!) } ?? unmeasured)
        history.validationScores.append(validation.map { stored($0.score) })
        history.testItemScores.append(test?.map { $0.items.map(stored) } ?? [[Double]](repeating: [], count: clients.count))
    }

    /// FedDPA's λ of each of `client`'s `examples` (nil for every other method).
    func instanceWeights(of client: ClientData, examples: [Example]) throws -> [Float]? {
        guard case let .fedDPA(maximum) = config.method else { return nil }
        let prompts = examples.map { EncodedSample($0, tokenizer: tokenizer).prompt }
        return FedDPAInstanceWeight(maximum: maximum).weights(model, test: prompts, train: trainData[client.index].samples.map(\.prompt))
    }
}
