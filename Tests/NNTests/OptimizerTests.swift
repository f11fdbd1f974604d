import Autodiff
import NN
import Tensors
import TestSupport
import XCTest

/// Optimisers against reference updates computed here in Double, state save and restore, schedules, clipping.
final class OptimizerTests: XCTestCase {
    /// A parameter with a fixed gradient sequence: g_t = values · (t + 1) · sign.
    func run(_ optimizer: inout some Optimizer, steps: Int, lr: Float, start: [Float], grads: (Int) -> [Float]) -> [Float] {
        let p = Variable(Tensor(shape: [start.count], scalars: start), requiresGrad: true)
        for t in 0..<steps {
            p.setGrad(Tensor(shape: [start.count], scalars: grads(t)))
            optimizer.step([("p", p)], learningRate: lr)
        }
        return p.value.scalars
    }

    func grads(_ t: Int) -> [Float] { [0.5, -1.0, 2.0].map { $0 * Float(t + 1) * (t % 2 == 0 ? 1 : -0.5) } }

    func testAdamWMatchesTheAlgorithm() {
        var adam = AdamW(beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.1)
        let got = run(&adam, steps: 5, lr: 0.01, start: [1, 2, -3], grads: grads)
        var p: [Double] = [1, 2, -3], m = [Double](repeating: 0, count: 3), v = m
        for t in 0..<5 {
            let g = grads(t).map(Double.init)
            for i in 0..<3 {
                p[i] -= 0.01 * 0.1 * p[i]
                m[i] = 0.9 * m[i] + 0.1 * g[i]
                v[i] = 0.99 * v[i] + 0.01 * g[i] * g[i]
                let mh = m[i] / (1 - pow(0.9, Double(t + 1))), vh = v[i] / (1 - pow(0.99, Double(t + 1)))
                p[i] -= 0.01 * mh / (vh.squareRoot() + 1e-8)
            }
        }
        for i in 0..<3 { XCTAssertEqual(Double(got[i]), p[i], accuracy: 1e-5) }
    }

    func testSGDWithMomentumMatchesTheAlgorithm() {
        var sgd = SGD(momentum: 0.9)
        let got = run(&sgd, steps: 4, lr: 0.1, start: [1, 2, -3], grads: grads)
        var p: [Double] = [1, 2, -3], b = [Double](repeating: 0, count: 3)
        for t in 0..<4 {
            let g = grads(t).map(Double.init)
            for i in 0..<3 { b[i] = t == 0 ? g[i] : 0.9 * b[i] + g[i]; p[i] -= 0.1 * b[i] }
        }
        for i in 0..<3 { XCTAssertEqual(Double(got[i]), p[i], accuracy: 1e-5) }
    }

    func testParametersWithoutGradientsAreLeftAlone() {
        var adam = AdamW()
        let p = Variable(Tensor(shape: [2], scalars: [1, 2]), requiresGrad: true)
        adam.step([("p", p)], learningRate: 0.1)
        XCTAssertEqual(p.value.scalars, [1, 2])
    }

    func testRestoredStateContinuesBitIdentically() throws {
        for make in [{ AdamW(weightDecay: 0.05) as any Optimizer }, { SGD(momentum: 0.8) as any Optimizer }] {
            var straight = make()
            let reference = run(&straight, steps: 6, lr: 0.01, start: [1, 2, -3], grads: grads)
            var first = make()
            let p = Variable(Tensor(shape: [3], scalars: [1, 2, -3]), requiresGrad: true)
            for t in 0..<3 { p.setGrad(Tensor(shape: [3], scalars: grads(t))); first.step([("p", p)], learningRate: 0.01) }
            var resumed = make()
            try resumed.restore(first.stateTensors())
            for t in 3..<6 { p.setGrad(Tensor(shape: [3], scalars: grads(t))); resumed.step([("p", p)], learningRate: 0.01) }
            XCTAssertEqual(p.value.scalars, reference)
        }
    }

    func testSchedules() {
        let cosine = LearningRateSchedule(base: 1, warmupSteps: 4, decay: .cosine, minimumFactor: 0.1)
        XCTAssertEqual(cosine.rate(step: 0, totalSteps: 14), 0.25)
        XCTAssertEqual(cosine.rate(step: 3, totalSteps: 14), 1)
        XCTAssertEqual(cosine.rate(step: 4, totalSteps: 14), 1, accuracy: 1e-6)
        XCTAssertEqual(cosine.rate(step: 13, totalSteps: 14), 0.1, accuracy: 1e-6)
        XCTAssertEqual(cosine.rate(step: 8, totalSteps: 13), 0.55, accuracy: 1e-6)   // halfway: (1 + 0.1) / 2
        let linear = LearningRateSchedule(base: 2, warmupSteps: 0, decay: .linear)
        XCTAssertEqual(linear.rate(step: 0, totalSteps: 11), 2)
        XCTAssertEqual(linear.rate(step: 5, totalSteps: 11), 1, accuracy: 1e-6)
        XCTAssertEqual(linear.rate(step: 10, totalSteps: 11), 0, accuracy: 1e-6)
        XCTAssertEqual(LearningRateSchedule(base: 3).rate(step: 99, totalSteps: 10), 3)
    }

    func testClippingByGlobalNorm() {
        let a = Variable(Tensor(zeros: [2]), requiresGrad: true), b = Variable(Tensor(zeros: [1]), requiresGrad: true)
        a.setGrad(Tensor(shape: [2], scalars: [3, 0]))
        b.setGrad(Tensor(shape: [1], scalars: [4]))
        let params: NamedParameters = [("a", a), ("b", b)]
        XCTAssertEqual(Gradients.clip(params, maxNorm: 10), 5, accuracy: 1e-6)
        XCTAssertEqual(a.grad?.scalars, [3, 0])
        XCTAssertEqual(Gradients.clip(params, maxNorm: 1), 5, accuracy: 1e-6)
        XCTAssertEqual(Gradients.globalNorm(params), 1, accuracy: 1e-5)
    }
}
