import Autodiff
import Foundation
import Models
import NN
import Tensors
import World

/// The base's first stage, the CLIP analog: trains the vision encoder alone to say what each patch shows.
///
/// LLaVA starts from a CLIP encoder trained on its own before any language model sees it; trained only
/// through the language model's loss, pilot-tiny's encoder learns too little of the pictures. Here linear heads on
/// every output token predict the `PatchLabels` of generic scenes (the corpus's own stream, never
/// a task's); the heads are thrown away afterwards, the encoder keeps what it learnt.
public struct VisionPretrainer {
    /// One linear classifier per label group on the encoder's output tokens.
    public struct Heads: ParameterContainer {
        /// heads[group]: [classes, width].
        public let linears: [Linear]

        /// Fresh heads for an encoder of `width`.
        public init(width: Int, rng: inout RandomStream) {
            linears = PatchLabels.Group.allCases.map { Linear(inputs: width, outputs: $0.classes, rng: &rng) }
        }

        /// `heads.<group>.weight`, `heads.<group>.bias`.
        public func visitParameters(_ visit: (String, Variable) -> Void) {
            for (group, linear) in zip(PatchLabels.Group.allCases, linears) {
                linear.visitParameters { visit("heads.\(group).\($0)", $1) }
            }
        }
    }

    /// Steps, batch, schedule and seed of the stage.
    public let config: PretrainConfig

    public init(config: PretrainConfig) { self.config = config }

    /// Where the stage's scenes come from: the corpus's stream, split off from the alignment stage's samples.
    public static func scenes(seed: UInt64, _ indices: Range<Int>) -> [Scene] {
        let stream = DataSetStreams.pretraining(seed: seed).split(0x71_5109)
        return indices.map { PretrainCorpus.sample($0, rng: stream).scene }
    }

    /// Mean over label groups of the patch cross-entropy of `encoder` + `heads` on `images` [B, 3, side, side].
    public static func loss(_ encoder: VisionEncoder, _ heads: Heads, images: Tensor, labels: [PatchLabels], on tape: Tape) -> Variable {
        let features = encoder(images, on: tape)                         // [B, tokens, width]
        let losses = PatchLabels.Group.allCases.map { group in
            tape.crossEntropy(heads.linears[group.rawValue](features, on: tape),      // [B, tokens, classes]
                              targets: labels.flatMap { $0[group] })
        }
        return tape.scale(losses.dropFirst().reduce(losses[0]) { tape.add($0, $1) }, by: 1 / Float(losses.count))
    }

    /// Trains `encoder` in place; returns the trained heads, the mean loss of the last 20 steps and the wall time.
    public func train(_ encoder: VisionEncoder, rng: inout RandomStream,
                      onStep: (Pretrainer.Progress) -> Void = { _ in }) -> (heads: Heads, finalLoss: Float, seconds: Double) {
        let heads = Heads(width: config.model.visionWidth, rng: &rng)
        encoder.setTrainable(true)
        heads.setTrainable(true)
        let parameters = encoder.trainableParameters(prefix: "vision.") + heads.trainableParameters()
        var optimizer = AdamW(weightDecay: config.weightDecay)
        let schedule = config.stageSchedule(steps: config.visionSteps)
        let start = Date()
        var recent: [Float] = []
        for step in 0..<config.visionSteps {
            let scenes = Self.scenes(seed: config.seed, (step * config.batchSize)..<((step + 1) * config.batchSize))
            let tape = Tape()
            let loss = Self.loss(encoder, heads, images: EncodedDataSet.images(of: scenes),
                                 labels: scenes.map { PatchLabels(scene: $0, patch: config.model.patchSize) }, on: tape)
            tape.backward(loss)
            _ = Gradients.clip(parameters, maxNorm: 1)
            optimizer.step(parameters, learningRate: schedule.rate(step: step, totalSteps: config.visionSteps))
            encoder.zeroGradients()
            heads.zeroGradients()
            recent = Array((recent + [loss.value.scalar]).suffix(20))
            onStep(Pretrainer.Progress(stage: "vision", step: step, totalSteps: config.visionSteps, loss: loss.value.scalar,
                                       elapsed: Date().timeIntervalSince(start)))
        }
        encoder.setTrainable(false)
        heads.setTrainable(false)
        return (heads, recent.reduce(0, +) / Float(max(recent.count, 1)), Date().timeIntervalSince(start))
    }

    /// Per label group, the share of patches of `scenes` whose label `encoder` + `heads` predict right.
    ///
    /// Groups a patch mostly lacks (glyphs, objects) also count their `none` patches; the glyph
    /// groups' `letterAccuracy` counts only patches that show a letter.
    public static func accuracy(_ encoder: VisionEncoder, _ heads: Heads, scenes: [Scene], patch: Int)
        -> (groups: [PatchLabels.Group: Double], letterAccuracy: Double) {
        let tape = Tape()
        let features = encoder(EncodedDataSet.images(of: scenes), on: tape)    // [B, tokens, width]
        let labels = scenes.map { PatchLabels(scene: $0, patch: patch) }
        var groups: [PatchLabels.Group: Double] = [:]
        var letters = (right: 0, total: 0)
        for group in PatchLabels.Group.allCases {
            let logits = heads.linears[group.rawValue](features, on: tape).value     // [B, tokens, classes]
            let targets = labels.flatMap { $0[group] }
            var right = 0
            logits.withUnsafePointer { l in
                for (row, target) in targets.enumerated() {
                    let scores = UnsafeBufferPointer(start: l + row * group.classes, count: group.classes)
                    let predicted = scores.indices.max { scores[$0] < scores[$1] }!
                    right += predicted == Int(target) ? 1 : 0
                    if (group == .leftGlyph || group == .rightGlyph) && Int(target) < PatchLabels.letters.count {
                        letters.total += 1
                        letters.right += predicted == Int(target) ? 1 : 0
                    }
                }
            }
            groups[group] = Double(right) / Double(max(targets.count, 1))
        }
        return (groups, Double(letters.right) / Double(max(letters.total, 1)))
    }
}
