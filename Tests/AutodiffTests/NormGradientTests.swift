import Autodiff
import Tensors
import TestSupport
import XCTest

/// Finite-difference checks of LayerNorm, RMSNorm and row L2 normalisation.
final class NormGradientTests: XCTestCase {
    func testLayerNorm() {
        assertGradientsMatch([randn([3, 8], seed: 1), randn([8], seed: 2), randn([8], seed: 3)]) { t, v in
            t.layerNorm(v[0], weight: v[1], bias: v[2], eps: 1e-5)
        }
    }

    func testRMSNorm() {
        assertGradientsMatch([randn([2, 3, 8], seed: 4), randn([8], seed: 5)]) { t, v in
            t.rmsNorm(v[0], weight: v[1], eps: 1e-6)
        }
    }

    func testL2Normalize() {
        assertGradientsMatch([randn([4, 6], seed: 6)]) { t, v in t.l2Normalize(v[0], eps: 1e-6) }
        let y = Tape().l2Normalize(Variable(Tensor(shape: [1, 2], scalars: [3, 4]))).value
        XCTAssertEqual(y.scalars, [0.6, 0.8])
    }

    func testL2NormalizeWithDetachedNormDividesTheGradientByTheNorm() {
        let tape = Tape()
        let x = Variable(Tensor(shape: [1, 2], scalars: [3, 4]), requiresGrad: true)
        let y = tape.l2Normalize(x, eps: 1e-6, detachNorm: true)
        tape.backward(y, seed: Tensor(shape: [1, 2], scalars: [1, 2]))
        XCTAssertEqual(x.grad!.scalars[0], 0.2, accuracy: 1e-6)
        XCTAssertEqual(x.grad!.scalars[1], 0.4, accuracy: 1e-6)
    }
}
