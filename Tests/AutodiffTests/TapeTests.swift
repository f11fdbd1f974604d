import Autodiff
import Tensors
import TestSupport
import XCTest

/// The tape records only what needs a gradient, accumulates into leaves, and frees intermediates.
final class TapeTests: XCTestCase {
    func testFrozenSubgraphRecordsNothing() {
        let tape = Tape()
        let frozen = Variable(randn([4, 4], seed: 1))
        let x = Variable(randn([2, 4], seed: 2))
        let h = tape.gelu(tape.linear(x, frozen))          // no trainable input: nothing recorded
        XCTAssertEqual(tape.recordedCount, 0)
        let w = Variable(randn([3, 4], seed: 3), requiresGrad: true)
        let loss = tape.sum(tape.linear(h, w))
        XCTAssertEqual(tape.recordedCount, 2)
        tape.backward(loss)
        XCTAssertNil(frozen.grad)
        XCTAssertNotNil(w.grad)
        XCTAssertFalse(h.requiresGrad)
    }

    func testAnInferenceTapeRecordsNothingAndComputesTheSameValues() {
        let w = Variable(randn([3, 4], seed: 3), requiresGrad: true)
        let x = Variable(randn([2, 4], seed: 2))
        let recording = Tape(), inference = Tape(inference: true)
        let trained = recording.gelu(recording.linear(x, w))
        let inferred = inference.gelu(inference.linear(x, w))
        XCTAssertEqual(recording.recordedCount, 2)
        XCTAssertEqual(inference.recordedCount, 0, "a trainable input records nothing on an inference tape")
        XCTAssertFalse(inferred.requiresGrad)
        XCTAssertEqual(inferred.value.scalars, trained.value.scalars)
    }

    func testTheProfileSeparatesLowRankProductsFromFullProjections() {
        let tape = Tape(), profile = OpProfile()
        tape.profile = profile
        let x = Variable(randn([6, 32], seed: 6), requiresGrad: true)
        let down = Variable(randn([8, 32], seed: 7)), wide = Variable(randn([32, 32], seed: 8))
        tape.backward(tape.sum(tape.linear(tape.linear(x, down), Variable(randn([32, 8], seed: 9)), adding: tape.linear(x, wide))))
        let entries = profile.entries
        XCTAssertEqual(entries["linearLowRank"]?.calls, 2, "x·Aᵀ (8 wide) and its ·Bᵀ (8 deep)")
        XCTAssertEqual(entries["linear"]?.calls, 1, "the 32 × 32 projection")
        XCTAssertGreaterThan(entries["linearLowRank"]?.backward ?? 0, 0)
    }

    func testFrozenWeightUnderTrainableInputGetsNoGradient() {
        let tape = Tape()
        let x = Variable(randn([2, 4], seed: 4), requiresGrad: true)
        let w = Variable(randn([3, 4], seed: 5))
        tape.backward(tape.sum(tape.linear(x, w)))
        XCTAssertNil(w.grad)
        XCTAssertNotNil(x.grad)
    }

    func testGradientsAccumulateAcrossBackwardPassesUntilZeroed() {
        let w = Variable(Tensor(shape: [2], scalars: [1, 2]), requiresGrad: true)
        for _ in 0..<2 {
            let t = Tape()
            t.backward(t.sum(t.scale(w, by: 3)))
        }
        XCTAssertEqual(w.grad?.scalars, [6, 6])
        w.zeroGrad()
        XCTAssertNil(w.grad)
    }

    func testPassedThroughGradientsShareStorageWithoutOneSumWritingIntoAnother() {
        let a = Variable(Tensor(shape: [3], scalars: [1, 2, 3]), requiresGrad: true)
        let b = Variable(Tensor(shape: [3], scalars: [4, 5, 6]), requiresGrad: true)
        let c = Variable(Tensor(shape: [3], scalars: [0.5, -2, 7]))
        func pass() {
            // z = (a + b) + a: a's first contribution and y's gradient share dz's storage; a's second must copy first.
            let t = Tape()
            let y = t.add(a, b)
            t.backward(t.sum(t.mul(t.add(y, a), c)))
        }
        pass()
        XCTAssertEqual(a.grad?.scalars, [1, -4, 14], "dz counted twice")
        XCTAssertEqual(b.grad?.scalars, [0.5, -2, 7], "b's gradient (shared with y's) untouched by a's sum")
        let kept = b.grad!
        pass()
        XCTAssertEqual(b.grad?.scalars, [1, -4, 14], "a second backward adds")
        XCTAssertEqual(kept.scalars, [0.5, -2, 7], "a gradient read before it is not changed by the next pass")
    }

    func testIntermediateGradientsAreReleasedAndTapeIsCleared() {
        let t = Tape()
        let w = Variable(randn([3], seed: 6), requiresGrad: true)
        let mid = t.scale(w, by: 2)
        t.backward(t.sum(mid))
        XCTAssertNil(mid.grad)
        XCTAssertEqual(t.recordedCount, 0)
    }
}

/// The gradient checker itself can fail.
final class GradientCheckTests: XCTestCase {
    func testDetectsAGradientThatIsNotTheTrueOne() {
        // With the norm detached, backward deliberately differs from the derivative of the forward.
        let report = GradientCheck.check([randn([3, 4], seed: 9)], absoluteTolerance: Tolerance.gradientAbsolute,
                                         relativeTolerance: Tolerance.gradientRelative) { t, v in
            t.l2Normalize(v[0], detachNorm: true)
        }
        XCTAssertFalse(report.passed, report.description)
    }
}
