import Autodiff
import Tensors
import TestSupport
import XCTest

/// Finite-difference checks of linear and matmul in every transpose and batching combination.
final class LinearAlgebraGradientTests: XCTestCase {
    func testLinearWithBias() {
        assertGradientsMatch([randn([2, 3, 5], seed: 1), randn([4, 5], seed: 2), randn([4], seed: 3)]) { t, v in
            t.linear(v[0], v[1], v[2])
        }
    }

    func testLinearWithoutBiasAndFrozenWeight() {
        assertGradientsMatch([randn([6, 5], seed: 4), randn([3, 5], seed: 5)], differentiable: [true, false]) { t, v in
            t.linear(v[0], v[1])
        }
    }

    func testMatmulAllTransposes() {
        for ta in [false, true] {
            for tb in [false, true] {
                let a = randn(ta ? [4, 3] : [3, 4], seed: 6), b = randn(tb ? [5, 4] : [4, 5], seed: 7)
                assertGradientsMatch([a, b]) { t, v in t.matmul(v[0], v[1], transposeA: ta, transposeB: tb) }
            }
        }
    }

    func testBatchedMatmulWithPerBatchAndSharedRightOperand() {
        assertGradientsMatch([randn([2, 3, 4], seed: 8), randn([2, 4, 2], seed: 9)]) { t, v in t.matmul(v[0], v[1]) }
        assertGradientsMatch([randn([2, 4, 3], seed: 10), randn([5, 4], seed: 11)]) { t, v in
            t.matmul(v[0], v[1], transposeA: true, transposeB: true)
        }
    }

    func testMatmulMatchesNaiveProduct() {
        let a = randn([3, 4], seed: 12), b = randn([4, 2], seed: 13)
        let c = Tape().matmul(Variable(a), Variable(b)).value
        for i in 0..<3 {
            for j in 0..<2 {
                let expected = (0..<4).reduce(Float(0)) { $0 + a[flat: i * 4 + $1] * b[flat: $1 * 2 + j] }
                XCTAssertEqual(c[flat: i * 2 + j], expected, accuracy: 1e-5)
            }
        }
    }
}

/// The scaled, residual-adding form of linear (LoRA's update onto the frozen projection).
final class ScaledLinearGradientTests: XCTestCase {
    func testScaleAndResidualWithAndWithoutBias() {
        let x = randn([2, 3, 5], seed: 1), w = randn([4, 5], seed: 2), b = randn([4], seed: 3), r = randn([2, 3, 4], seed: 4)
        assertGradientsMatch([x, w, r]) { t, v in t.linear(v[0], v[1], scale: 2.5, adding: v[2]) }
        assertGradientsMatch([x, w, b, r]) { t, v in t.linear(v[0], v[1], v[2], scale: -0.5, adding: v[3]) }
        let plain = Tape()
        let direct = plain.add(plain.scale(plain.linear(Variable(x), Variable(w)), by: 2.5), Variable(r)).value
        assertClose(Tape().linear(Variable(x), Variable(w), scale: 2.5, adding: Variable(r)).value, direct, tolerance: Tolerance.rounding)
    }
}

/// A frozen projection and its low-rank update in one buffer (`linear(_:_:lowRank:_:scale:)`).
final class LowRankLinearTests: XCTestCase {
    func testGradientsMatchFiniteDifferences() {
        let x = randn([2, 3, 5], seed: 1), w = randn([4, 5], seed: 2), u = randn([2, 3, 2], seed: 3), b = randn([4, 2], seed: 4)
        assertGradientsMatch([x, w, u, b]) { t, v in t.linear(v[0], v[1], lowRank: v[2], v[3], scale: 1.5) }
        assertGradientsMatch([x, w, u, b], differentiable: [true, false, true, true]) { t, v in
            t.linear(v[0], v[1], lowRank: v[2], v[3], scale: -2)
        }
    }

    /// The fused op forms the same products into the same buffer, and its backward the same gradients
    /// in the same order, as the projection recorded just before the scaled, residual-adding update.
    func testSameBitsAsTheProjectionFollowedByTheResidualAddingUpdate() {
        let x = randn([4, 24, 64], seed: 5), w = randn([48, 64], seed: 6), a = randn([8, 64], seed: 7), b = randn([48, 8], seed: 8)
        let probe = randn([4, 24, 48], seed: 9)
        func run(fused: Bool) -> (y: [Float], dx: [Float], da: [Float], db: [Float]) {
            let tape = Tape()
            let xv = Variable(x, requiresGrad: true), av = Variable(a, requiresGrad: true), bv = Variable(b, requiresGrad: true)
            let wv = Variable(w)
            let y: Variable
            if fused {
                y = tape.linear(xv, wv, lowRank: tape.slice(tape.linear(xv, av), axis: 2, 0..<8), bv, scale: 2)
            } else {
                let u = tape.slice(tape.linear(xv, av), axis: 2, 0..<8)
                y = tape.linear(u, bv, scale: 2, adding: tape.linear(xv, wv))
            }
            tape.backward(tape.sum(tape.mul(y, Variable(probe))))
            return (y.value.scalars, xv.grad!.scalars, av.grad!.scalars, bv.grad!.scalars)
        }
        let fused = run(fused: true), composed = run(fused: false)
        XCTAssertEqual(fused.y, composed.y)
        XCTAssertEqual(fused.dx, composed.dx)
        XCTAssertEqual(fused.da, composed.da)
        XCTAssertEqual(fused.db, composed.db)
    }
}
