import Autodiff
import Tensors
import TestSupport
import XCTest

/// Finite-difference checks of the arithmetic, activation and softmax-family ops.
final class ElementwiseGradientTests: XCTestCase {
    func testAddSubMulSameShape() {
        let a = randn([3, 4], seed: 1), b = randn([3, 4], seed: 2)
        assertGradientsMatch([a, b]) { t, v in t.add(v[0], v[1]) }
        assertGradientsMatch([a, b]) { t, v in t.sub(v[0], v[1]) }
        assertGradientsMatch([a, b]) { t, v in t.mul(v[0], v[1]) }
    }

    func testBroadcastingOnEitherSideAndInTheMiddle() {
        assertGradientsMatch([randn([2, 3, 4], seed: 3), randn([4], seed: 4)]) { t, v in t.add(v[0], v[1]) }
        assertGradientsMatch([randn([2, 3, 4], seed: 5), randn([2, 3, 1], seed: 6)]) { t, v in t.mul(v[0], v[1]) }
        assertGradientsMatch([randn([3, 1], seed: 7), randn([1, 4], seed: 8)]) { t, v in t.sub(v[0], v[1]) }
        assertGradientsMatch([randn([2, 1, 4], seed: 9), randn([3, 1], seed: 10)]) { t, v in t.mul(v[0], v[1]) }
    }

    func testBroadcastShapes() {
        XCTAssertEqual(Broadcast([2, 1, 4], [3, 1])?.outShape, [2, 3, 4])
        XCTAssertNil(Broadcast([2, 3], [4]))
    }

    func testScaleAndWeightedSum() {
        assertGradientsMatch([randn([5], seed: 11)]) { t, v in t.scale(v[0], by: -2.5) }
        assertGradientsMatch([randn([], seed: 12), randn([], seed: 13)]) { t, v in t.weightedSum([(v[0], 1), (v[1], 0.1)]) }
    }

    func testRowWeightedSumGradientAndRows() {
        let a = randn([3, 2, 4], seed: 15), b = randn([3, 2, 4], seed: 16)
        assertGradientsMatch([a, b]) { t, v in t.rowWeightedSum([(v[0], [0.5, -1, 2]), (v[1], [0.25, 0, 3])]) }
        // Row b equals weightedSum of that row alone with row b's weights, bit for bit.
        let t = Tape()
        let mixed = t.rowWeightedSum([(Variable(a), [0.5, -1, 2]), (Variable(b), [0.25, 0, 3])]).value
        for (row, (wa, wb)) in [(Float(0.5), Float(0.25)), (-1, 0), (2, 3)].enumerated() {
            let alone = t.weightedSum([(t.slice(Variable(a), axis: 0, row..<(row + 1)), wa), (t.slice(Variable(b), axis: 0, row..<(row + 1)), wb)])
            XCTAssertEqual(t.slice(Variable(mixed), axis: 0, row..<(row + 1)).value, alone.value, "row \(row)")
        }
    }

    func testGELUAndSiLU() {
        let x = randn([4, 6], seed: 14, std: 2)
        assertGradientsMatch([x]) { t, v in t.gelu(v[0]) }
        assertGradientsMatch([x]) { t, v in t.silu(v[0]) }
    }

    func testSwiGLUGradientAndItEqualsSiLUTimesUp() {
        assertGradientsMatch([randn([4, 6], seed: 17, std: 2), randn([4, 6], seed: 18)]) { t, v in t.swiglu(v[0], v[1]) }
        // Large enough to run in parallel chunks: forward and each gradient equal the unfused ops', with either input frozen.
        let g = randn([64, 700], seed: 19, std: 2), u = randn([64, 700], seed: 20), dy = randn([64, 700], seed: 21)
        for (gateTrains, upTrains) in [(true, true), (true, false), (false, true)] {
            func run(_ fused: Bool) -> (Tensor, Tensor?, Tensor?) {
                let t = Tape()
                let gv = Variable(g, requiresGrad: gateTrains), uv = Variable(u, requiresGrad: upTrains)
                let y = fused ? t.swiglu(gv, uv) : t.mul(t.silu(gv), uv)
                t.backward(t.sum(t.mul(y, Variable(dy))))
                return (y.value, gv.grad, uv.grad)
            }
            let (fused, plain) = (run(true), run(false))
            XCTAssertLessThan(maxDifference(fused.0, plain.0), 1e-5)
            XCTAssertEqual(fused.1 == nil, !gateTrains)
            XCTAssertEqual(fused.2 == nil, !upTrains)
            if let a = fused.1, let b = plain.1 { XCTAssertLessThan(maxDifference(a, b), 1e-4, "gate gradient") }
            if let a = fused.2, let b = plain.2 { XCTAssertLessThan(maxDifference(a, b), 1e-5, "up gradient") }
        }
    }

    private func maxDifference(_ a: Tensor, _ b: Tensor) -> Float {
        zip(a.scalars, b.scalars).map { abs($0 - $1) }.max()!
    }

    func testGELUUsesTheErfForm() {
        let y = Tape().gelu(Variable(Tensor(shape: [3], scalars: [-1, 0, 2]))).value
        XCTAssertEqual(y[flat: 0], -0.158_655_25, accuracy: 1e-6)
        XCTAssertEqual(y[flat: 1], 0)
        XCTAssertEqual(y[flat: 2], 1.954_499_7, accuracy: 1e-6)
    }

    func testSoftmaxLogSoftmaxLogSumExp() {
        let x = randn([3, 5], seed: 15, std: 2)
        assertGradientsMatch([x]) { t, v in t.softmax(v[0]) }
        assertGradientsMatch([x]) { t, v in t.logSoftmax(v[0]) }
        assertGradientsMatch([x]) { t, v in t.logSumExp(v[0]) }
    }

    func testCrossEntropyIgnoresMaskedRows() {
        let logits = randn([4, 6], seed: 16, std: 2)
        let targets: [Int32] = [2, CrossEntropy.ignoreIndex, 5, 0]
        assertGradientsMatch([logits]) { t, v in t.crossEntropy(v[0], targets: targets) }
        // The ignored row gets no gradient and does not change the loss.
        let tape = Tape()
        let l = Variable(logits, requiresGrad: true)
        let loss = tape.crossEntropy(l, targets: targets)
        tape.backward(loss)
        for j in 0..<6 { XCTAssertEqual(l.grad![flat: 6 + j], 0) }
        var changed = logits
        changed[flat: 7] += 10
        XCTAssertEqual(Tape().crossEntropy(Variable(changed), targets: targets).value.scalar, loss.value.scalar)
    }

    func testCrossEntropyValue() {
        let logits = Tensor(shape: [1, 3], scalars: [1, 2, 3])
        let loss = Tape().crossEntropy(Variable(logits), targets: [0]).value.scalar
        XCTAssertEqual(loss, log(exp(1) + exp(2) + exp(3)) - 1, accuracy: 1e-5)
    }

    func testArgmaxAndOneHot() {
        XCTAssertEqual(NonDifferentiable.argmax(Tensor(shape: [2, 3], scalars: [0, 5, 1, 7, 7, 2])), [1, 0])
        XCTAssertEqual(NonDifferentiable.oneHot([2, 0], classes: 3).scalars, [0, 0, 1, 1, 0, 0])
    }
}
