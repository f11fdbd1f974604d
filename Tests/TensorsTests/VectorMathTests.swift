import Foundation
import Tensors
import XCTest

/// The vectorised exp agrees with libm to a few ulp over the range the kernels use.
final class VectorMathTests: XCTestCase {
    func testExpMatchesLibm() {
        var worst: Float = 0
        var x: Float = -87
        while x < 88 {
            let want = expf(x)
            worst = max(worst, abs(VectorMath.exp(x) - want) / want)
            x += 0.0137
        }
        XCTAssertLessThan(worst, 4 * Float.ulpOfOne, "worst relative error \(worst)")
        XCTAssertEqual(VectorMath.exp(-200), 0)
        XCTAssertEqual(VectorMath.exp(-.infinity), 0)
        XCTAssertEqual(VectorMath.exp(-87.31), 0)
    }

    /// No input gives a subnormal result (they make every GEMM that reads them many times slower).
    func testExpIsNeverSubnormal() {
        var x: Float = -100
        while x < 0 {
            let y = VectorMath.exp(x)
            XCTAssertTrue(y == 0 || y.isNormal, "exp(\(x)) = \(y) is subnormal")
            x += x < -80 ? 1e-4 : 0.5                                 // finely where results approach the subnormals
        }
        XCTAssertEqual(VectorMath.exp(0), 1)
    }
}
