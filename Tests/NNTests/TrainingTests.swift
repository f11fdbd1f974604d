import Autodiff
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// Gradient accumulation, determinism of training, LoRA behaviour.
final class TrainingTests: XCTestCase {
    /// Mean squared error of a LoRA layer's output against a target, on rows `rows`.
    func loss(_ layer: LoRALinear, _ x: Tensor, _ y: Tensor, rows: Range<Int>, tape: Tape) -> Variable {
        let xs = tape.slice(Variable(x), axis: 0, rows), ys = tape.slice(Variable(y), axis: 0, rows)
        let d = tape.sub(layer(xs, on: tape), ys)
        return tape.mean(tape.mul(d, d))
    }

    func testAccumulatingTwoHalfBatchesEqualsTheFullBatch() {
        var rng = RandomStream(seed: 1)
        let layer = LoRALinear(weight: randn([4, 6], seed: 2), rank: 2, alpha: 4, rng: &rng)
        layer.loraB.value = randn([4, 2], seed: 3)
        let x = randn([8, 6], seed: 4), y = randn([8, 4], seed: 5)
        let full = Tape()
        full.backward(loss(layer, x, y, rows: 0..<8, tape: full))
        let expected = layer.trainableParameters().map { $0.variable.grad! }
        layer.zeroGradients()
        for half in [0..<4, 4..<8] {
            let t = Tape()
            t.backward(loss(layer, x, y, rows: half, tape: t))
        }
        Gradients.scale(layer.trainableParameters(), by: 0.5)
        for (got, want) in zip(layer.trainableParameters().map { $0.variable.grad! }, expected) {
            assertClose(got, want, tolerance: Tolerance.rounding)
        }
        XCTAssertNil(layer.weight.grad, "the frozen base weight must not get a gradient")
    }

    /// A few AdamW steps on one LLaMA block from `seed`; returns the trainable parameters' values.
    func train(seed: UInt64) -> [Tensor] {
        var rng = RandomStream(seed: seed)
        let block = LlamaBlock(width: 32, heads: 2, mlpWidth: 48, eps: 1e-6, loraRank: 4, loraAlpha: 8, rng: &rng)
        let rotary = Rotary(headDim: 16, maxPositions: 8)
        var data = rng.split(99)
        let x = Tensor.randomNormal([2, 8, 32], using: &data), target = Tensor.randomNormal([2, 8, 32], using: &data)
        var adam = AdamW()
        var losses: [Float] = []
        for _ in 0..<5 {
            let tape = Tape()
            let d = tape.sub(block(Variable(x), rotary: rotary, on: tape), Variable(target))
            let l = tape.mean(tape.mul(d, d))
            losses.append(l.value.scalar)
            tape.backward(l)
            adam.step(block.trainableParameters(), learningRate: 1e-2)
            block.zeroGradients()
        }
        XCTAssertLessThan(losses.last!, losses.first!, "training did not reduce the loss: \(losses)")
        return block.trainableParameters().map { $0.variable.value }
    }

    func testSameSeedGivesBitIdenticalTrainingAndAnotherSeedDoesNot() {
        let a = train(seed: 5), b = train(seed: 5), c = train(seed: 6)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
    }

    func testOnlyLoRAIsTrainableInALlamaBlockAndFrozenWeightsStayPut() {
        var rng = RandomStream(seed: 1)
        let block = LlamaBlock(width: 16, heads: 2, mlpWidth: 24, eps: 1e-6, loraRank: 2, loraAlpha: 4, rng: &rng)
        XCTAssertEqual(Set(block.trainableParameters().map(\.name)),
                       Set(["q", "k", "v", "o"].flatMap { ["\($0).lora_A", "\($0).lora_B"] }))
        let frozenBefore = block.namedParameters().filter { !$0.variable.requiresGrad }.map { $0.variable.value }
        let tape = Tape()
        let x = randn([1, 4, 16], seed: 2)
        tape.backward(tape.sum(block(Variable(x), rotary: Rotary(headDim: 8, maxPositions: 4), on: tape)))
        var adam = AdamW()
        adam.step(block.trainableParameters(), learningRate: 0.1)
        XCTAssertEqual(block.namedParameters().filter { !$0.variable.requiresGrad }.map { $0.variable.value }, frozenBefore)
    }
}
