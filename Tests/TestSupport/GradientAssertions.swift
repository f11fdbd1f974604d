import Autodiff
import Tensors
import XCTest

/// Fails unless the tape's gradients of `f` agree with central finite differences for every differentiable input.
public func assertGradientsMatch(_ inputs: [Tensor], differentiable: [Bool]? = nil, seed: UInt64 = 0,
                                 step: Double = GradientCheck.defaultStep,
                                 file: StaticString = #filePath, line: UInt = #line,
                                 _ f: (Tape, [Variable]) -> Variable) {
    let report = GradientCheck.check(inputs, differentiable: differentiable, seed: seed, step: step,
                                     absoluteTolerance: Tolerance.gradientAbsolute,
                                     relativeTolerance: Tolerance.gradientRelative, f)
    XCTAssertGreaterThan(report.checked, 0, "no element was checked", file: file, line: line)
    XCTAssertTrue(report.passed, report.description, file: file, line: line)
}

/// Random normal test data.
public func randn(_ shape: [Int], seed: UInt64, std: Float = 1) -> Tensor {
    var rng = RandomStream(seed: seed)
    return Tensor.randomNormal(shape, std: std, using: &rng)
}
