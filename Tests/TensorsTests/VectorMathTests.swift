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
        XCTAssertEqual(VectorMath.exp(-200), expf(-87.3), accuracy: 1e-37)
        XCTAssertEqual(VectorMath.exp(0), 1)
    }
}
