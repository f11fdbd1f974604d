import Autodiff
import Models
import NN
import Tensors

/// Tunes a model's trainable parameters on one data set: the local update of every method.
public struct LocalTrainer {
    public var options: TrainingOptions

    public init(options: TrainingOptions) { self.options = options }

    /// Steps one call takes on `count` samples (the last batch of an epoch may be smaller).
    public func steps(for count: Int) -> Int { options.epochs * ((count + options.batchSize - 1) / options.batchSize) }

    /// Trains `model` on `data` for `options.epochs`, shuffling with `rng`; returns every step's record.
    ///
    /// - Parameters:
    ///   - features: the frozen encoder's features [N, tokens, width] of `data.images`, or nil when
    ///     the encoder trains (it then runs on every batch).
    ///   - extraLoss: terms added to the loss (FedProx's proximal term), recorded on the step's tape.
    ///   - onStep: called after every step.
    public func train(_ model: MultimodalModel, on data: EncodedDataSet, features: Tensor?, rng: inout RandomStream,
                      extraLoss: ((Tape) -> Variable?)? = nil, onStep: (StepRecord) -> Void = { _ in }) -> [StepRecord] {
        precondition(data.count > 0, "no training data")
        var optimizer = AdamW(weightDecay: options.weightDecay)
        let parameters = model.trainableParameters()
        let total = steps(for: data.count)
        var records: [StepRecord] = []
        var step = 0
        for _ in 0..<options.epochs {
            let order = rng.shuffled(Array(0..<data.count))
            for start in stride(from: 0, to: order.count, by: options.batchSize) {
                let indices = Array(order[start..<min(start + options.batchSize, order.count)])
                let tape = Tape()
                let visual = features.map { Variable($0.rows(indices)) } ?? model.features(data.images.rows(indices), on: tape)
                let loss = model.loss(features: visual, batch: data.tokenBatch(indices), average: options.lossAverage, on: tape)
                var objective = loss.total
                if let extra = extraLoss?(tape) { objective = tape.add(objective, extra) }
                tape.backward(objective)
                if let clip = options.clipNorm { _ = Gradients.clip(parameters, maxNorm: clip) }
                let rate = options.schedule.rate(step: step, totalSteps: total)
                optimizer.step(parameters, learningRate: rate)
                model.zeroGradients()
                let record = StepRecord(step: step, totalSteps: total, loss: objective.value.scalar,
                                        languageModelLoss: loss.languageModel, learningRate: rate)
                records.append(record)
                onStep(record)
                step += 1
            }
        }
        return records
    }
}
