import Autodiff
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// FedDPA's dual LoRA with one local weight per row: each row behaves as if it ran alone with its weight.
final class DualLoRATests: XCTestCase {
    static let weights: [Float] = [0.1, 0.5, 0.9]

    /// A dual layer whose B matrices are not zero, so both adapters change the output.
    func makeLayer(seed: UInt64) -> LoRALinear {
        var rng = RandomStream(seed: seed)
        let layer = LoRALinear(weight: Tensor.randomNormal([6, 5], std: 0.3, using: &rng), rank: 2, alpha: 4, dual: true, rng: &rng)
        layer.loraB.value = Tensor.randomNormal([6, 2], std: 0.5, using: &rng)
        layer.localB!.value = Tensor.randomNormal([6, 2], std: 0.5, using: &rng)
        return layer
    }

    func testPerRowWeightsEqualEachRowAloneForwardAndBackward() {
        let layer = makeLayer(seed: 1)
        let x = randn([3, 4, 5], seed: 2), upstream = randn([3, 4, 6], seed: 3)      // [B, T, in], [B, T, out]
        let adapters = [layer.loraA, layer.loraB, layer.localA!, layer.localB!]

        let tape = Tape()
        let y = layer(Variable(x), localWeight: .perRow(Self.weights), on: tape)
        tape.backward(tape.sum(tape.mul(y, Variable(upstream))))
        let batched = adapters.map { $0.grad! }
        layer.zeroGradients()

        var summed = adapters.map { Tensor(zeros: $0.shape) }
        for (b, w) in Self.weights.enumerated() {
            let t = Tape()
            let row = t.slice(Variable(x), axis: 0, b..<(b + 1))
            let alone = layer(row, localWeight: .uniform(w), on: t)
            assertClose(t.slice(y, axis: 0, b..<(b + 1)).value, alone.value, tolerance: Tolerance.rounding, "forward, row \(b)")
            t.backward(t.sum(t.mul(alone, t.slice(Variable(upstream), axis: 0, b..<(b + 1)))))
            for (i, p) in adapters.enumerated() { summed[i] = Tape().add(Variable(summed[i]), Variable(p.grad!)).value }
            layer.zeroGradients()
        }
        for (i, name) in ["lora_A", "lora_B", "local_lora_A", "local_lora_B"].enumerated() {
            assertClose(batched[i], summed[i], tolerance: Tolerance.rounding, "gradient of \(name)")
            XCTAssertGreaterThan(maxAbs(batched[i]), 0, "\(name) gets a gradient")
        }
    }

    func testTheWeightMattersSoTheComparisonCanFail() {
        let layer = makeLayer(seed: 4)
        let x = Variable(randn([1, 2, 5], seed: 5))
        XCTAssertGreaterThan(maxAbsDifference(layer(x, localWeight: 0.1, on: Tape()).value, layer(x, localWeight: 0.9, on: Tape()).value), 1e-3)
    }

    func testModelGenerationWithPerSequenceWeightsEqualsEachSequenceAlone() {
        var c = ModelBehaviourTests.small
        c.vocabulary = 40
        var rng = RandomStream(seed: 6)
        let model = MultimodalModel(config: c, dualLoRA: true, rng: &rng)
        for block in model.llm.layers {
            for p in [block.q, block.k, block.v, block.o] {
                p.loraB.value = Tensor.randomNormal(p.loraB.shape, std: 0.3, using: &rng)
                p.localB!.value = Tensor.randomNormal(p.localB!.shape, std: 0.3, using: &rng)
            }
        }
        let features = model.features(Tensor.randomNormal([3, 3, 32, 32], using: &rng), on: Tape()).value
        let prompts = (0..<15).map { _ in Int32(rng.nextInt(below: 40)) }                 // [3, 5]
        model.localWeights = Self.weights
        let together = model.generate(features: features, prompts: prompts, batch: 3, maxNewTokens: 8, endToken: -1)
        model.localWeights = nil
        var differs = false
        for (b, w) in Self.weights.enumerated() {
            model.localWeight = w
            let rowFeatures = Tape().slice(Variable(features), axis: 0, b..<(b + 1)).value
            let alone = model.generate(features: rowFeatures, prompts: Array(prompts[(b * 5)..<((b + 1) * 5)]), batch: 1,
                                       maxNewTokens: 8, endToken: -1)
            XCTAssertEqual(together[b], alone[0], "sequence \(b) with λ = \(w)")
            model.localWeight = 1 - w
            differs = differs || model.generate(features: rowFeatures, prompts: Array(prompts[(b * 5)..<((b + 1) * 5)]), batch: 1,
                                                maxNewTokens: 8, endToken: -1)[0] != alone[0]
        }
        XCTAssertTrue(differs, "another λ changes some sequence's answer, so the comparison can fail")
    }
}
