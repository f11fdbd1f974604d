import Tensors
import XCTest

/// Fails unless `a` and `b` have the same shape and every element differs by at most `tolerance`.
public func assertClose(_ a: Tensor, _ b: Tensor, tolerance: Float, _ message: @autoclosure () -> String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.shape, b.shape, "shapes differ \(message())", file: file, line: line)
    guard a.shape == b.shape else { return }
    let d = maxAbsDifference(a, b)
    XCTAssertLessThanOrEqual(d, tolerance, "max |a − b| = \(d) > \(tolerance) \(message())", file: file, line: line)
}

/// The largest element-wise |a − b|.
public func maxAbsDifference(_ a: Tensor, _ b: Tensor) -> Float {
    precondition(a.count == b.count)
    var m: Float = 0
    for i in 0..<a.count { m = max(m, abs(a[flat: i] - b[flat: i])) }
    return m
}

/// The largest |element|.
public func maxAbs(_ a: Tensor) -> Float {
    (0..<a.count).reduce(Float(0)) { max($0, abs(a[flat: $1])) }
}
