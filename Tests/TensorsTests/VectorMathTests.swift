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

    /// Abramowitz & Stegun 7.1.26 against double-precision erf: within its 1.5e-7 plus the float rounding
    /// of 1 − t·P(t)·e^(−x²) near 1 (a few ulp of 6e-8; 4.6e-7 measured).
    func testErfMatchesDoublePrecision() {
        var worst = 0.0
        var x: Float = -6
        while x < 6 {
            worst = max(worst, abs(Double(VectorMath.erf(x)) - Foundation.erf(Double(x))))
            x += 0.0071
        }
        XCTAssertLessThan(worst, 6e-7, "worst absolute error \(worst)")
        XCTAssertEqual(VectorMath.erf(20), 1)
        XCTAssertEqual(VectorMath.erf(-20), -1)
        XCTAssertEqual(VectorMath.erf(-0.5), -VectorMath.erf(0.5), "odd")
    }
}

/// Row sums in sixteen lanes: close to the exact sums, and in the documented order.
final class VectorReductionTests: XCTestCase {
    func testSumsDotsAndMaximaMatchDoublePrecisionAtEveryLength() {
        for n in [0, 1, 7, 15, 16, 17, 33, 64, 255, 256, 513] {
            let a = (0..<n).map { Float(sin(Double($0) * 0.7)) * 3 }, b = (0..<n).map { Float(cos(Double($0) * 1.3)) }
            let c = (0..<n).map { Float($0 % 5) - 2 }
            let tolerance = 1e-5 * Double(max(n, 1))
            a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeBufferPointer { cp in
                let x = ap.baseAddress!, y = bp.baseAddress!, z = cp.baseAddress!
                let mean = a.reduce(0.0) { $0 + Double($1) } / Double(max(n, 1))
                XCTAssertEqual(Double(VectorReduction.sum(x, n)), a.reduce(0.0) { $0 + Double($1) }, accuracy: tolerance)
                XCTAssertEqual(Double(VectorReduction.sumOfSquares(x, n)), a.reduce(0.0) { $0 + Double($1) * Double($1) }, accuracy: tolerance)
                XCTAssertEqual(Double(VectorReduction.sumOfSquaredDeviations(x, from: Float(mean), n)),
                               a.reduce(0.0) { $0 + (Double($1) - Double(Float(mean))) * (Double($1) - Double(Float(mean))) }, accuracy: tolerance)
                XCTAssertEqual(Double(VectorReduction.dot(x, y, n)), zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }, accuracy: tolerance)
                XCTAssertEqual(Double(VectorReduction.dot(x, y, z, n)),
                               (0..<n).reduce(0.0) { $0 + Double(a[$1]) * Double(b[$1]) * Double(c[$1]) }, accuracy: tolerance)
                XCTAssertEqual(VectorReduction.maximum(x, n), a.max() ?? -.infinity)
            } } }
        }
    }

    /// Lane j mod 16 first, the lanes then added as `SIMD16.sum()` adds them, the tail last in order:
    /// a sum whose value depends on that order (1 + 2⁻²⁴ + … rounds differently sequentially).
    func testTheSumTakesTheDocumentedOrder() {
        var x = [Float](repeating: 0x1p-24, count: 35)
        x[0] = 1
        var lanes = SIMD16<Float>(repeating: 0)
        for j in 0..<32 { lanes[j % 16] += x[j] }
        var expected = lanes.sum()
        for j in 32..<35 { expected += x[j] }
        let sequential = x.reduce(Float(0), +)
        XCTAssertNotEqual(expected, sequential, "the vector is meant to tell the orders apart")
        XCTAssertEqual(x.withUnsafeBufferPointer { VectorReduction.sum($0.baseAddress!, 35) }, expected)
    }
}
