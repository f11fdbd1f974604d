import Autodiff
import NN
import Tensors
import TestSupport
import XCTest

/// LoRA layers over one input with their A products fused give what the layers give one by one.
final class FusedLoRATests: XCTestCase {
    /// Three layers with non-zero B (as after training), their outputs and every gradient, fused or not.
    func outputsAndGradients(fused: Bool, dual: Bool) -> [Tensor] {
        var rng = RandomStream(seed: 7)
        let layers = (0..<3).map { _ in
            LoRALinear(weight: Tensor.randomNormal([12, 10], std: 0.3, using: &rng), rank: 2, alpha: 4, dual: dual, rng: &rng)
        }
        for layer in layers {
            layer.loraB.value = Tensor.randomNormal(layer.loraB.shape, std: 0.5, using: &rng)
            if let localB = layer.localB { localB.value = Tensor.randomNormal(localB.shape, std: 0.5, using: &rng) }
        }
        let x = Variable(Tensor.randomNormal([2, 5, 10], using: &rng), requiresGrad: true)
        let tape = Tape()
        let ys = fused ? LoRALinear.outputs(of: layers, x, localWeight: 0.3, on: tape) : layers.map { $0(x, localWeight: 0.3, on: tape) }
        let weights = ys.indices.map { _ in Variable(Tensor.randomNormal([2, 5, 12], using: &rng)) }
        tape.backward(tape.sum(tape.weightedSum(zip(ys, weights).map { (tape.mul($0, $1), 1) })))
        return ys.map(\.value) + [x.grad!] + layers.flatMap { [$0.loraA.grad!, $0.loraB.grad!] + ($0.localA.map { [$0.grad!] } ?? []) }
    }

    func testFusedOutputsAndGradientsEqualTheLayersOneByOne() {
        for dual in [false, true] {
            let fused = outputsAndGradients(fused: true, dual: dual), plain = outputsAndGradients(fused: false, dual: dual)
            XCTAssertEqual(fused.count, plain.count)
            for (i, (a, b)) in zip(fused, plain).enumerated() {
                XCTAssertEqual(a.shape, b.shape, "tensor \(i)")
                XCTAssertLessThan(zip(a.scalars, b.scalars).map { abs($0 - $1) }.max()!, 1e-5, "tensor \(i), dual \(dual)")
            }
        }
    }
}
