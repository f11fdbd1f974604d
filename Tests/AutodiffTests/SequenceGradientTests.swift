import Autodiff
import Tensors
import TestSupport
import XCTest

/// Finite-difference checks of attention, rotary embedding, embedding look-up and shape ops.
final class SequenceGradientTests: XCTestCase {
    func testAttentionCausalAndFull() {
        let q = randn([2, 5, 2, 4], seed: 1), k = randn([2, 5, 2, 4], seed: 2), v = randn([2, 5, 2, 4], seed: 3)
        assertGradientsMatch([q, k, v]) { t, x in t.attention(q: x[0], k: x[1], v: x[2], causal: true) }
        assertGradientsMatch([q, k, v]) { t, x in t.attention(q: x[0], k: x[1], v: x[2], causal: false) }
    }

    func testCausalAttentionWithFewerQueriesThanKeys() {
        let q = randn([1, 2, 2, 4], seed: 4), k = randn([1, 5, 2, 4], seed: 5), v = randn([1, 5, 2, 4], seed: 6)
        assertGradientsMatch([q, k, v]) { t, x in t.attention(q: x[0], k: x[1], v: x[2], causal: true) }
    }

    func testCausalMaskHidesTheFuture() {
        let q = randn([1, 4, 1, 4], seed: 7), k = randn([1, 4, 1, 4], seed: 8), v = randn([1, 4, 1, 4], seed: 9)
        var v2 = v
        for j in 0..<4 { v2[flat: 12 + j] += 5 }      // change only the last position's value
        let a = Tape().attention(q: Variable(q), k: Variable(k), v: Variable(v), causal: true).value
        let b = Tape().attention(q: Variable(q), k: Variable(k), v: Variable(v2), causal: true).value
        for i in 0..<12 { XCTAssertEqual(a[flat: i], b[flat: i]) }
        XCTAssertNotEqual(a[flat: 12], b[flat: 12])
    }

    /// Masked weights are exactly 0, not a subnormal remainder of exp(−∞) (which slows every GEMM that reads them).
    func testCausalMaskGivesExactZeroWeights() {
        let (b, tq, tk, h, hd) = (2, 3, 5, 2, 4)
        let q = randn([b, tq, h, hd], seed: 15), k = randn([b, tk, h, hd], seed: 16), v = randn([b, tk, h, hd], seed: 17)
        var out = Tensor(uninitialized: q.shape), probs = Tensor(uninitialized: [b, h, tq, tk])
        out.withUnsafeMutablePointer { op in probs.withUnsafeMutablePointer { pp in
            q.withUnsafePointer { qp in k.withUnsafePointer { kp in v.withUnsafePointer { vp in
                Attention.forward(q: qp, k: kp, v: vp, out: op, probs: pp, batch: b, queries: tq, keys: tk,
                                  heads: h, headDim: hd, causal: true)
            } } }
        } }
        for row in 0..<(b * h * tq) {
            let i = row % tq
            for j in 0..<tk {
                let p = probs[flat: row * tk + j]
                if j > i + tk - tq { XCTAssertEqual(p, 0, "masked weight (\(i), \(j))") } else { XCTAssertTrue(p.isNormal, "weight (\(i), \(j)) = \(p)") }
            }
        }
    }

    func testRotaryGradientAndOffset() {
        let table = Rotary(headDim: 6, maxPositions: 16)
        assertGradientsMatch([randn([2, 3, 2, 6], seed: 10)]) { t, v in t.rotary(v[0], table, start: 4) }
        // Rotation preserves the norm of each head vector.
        let x = randn([1, 1, 1, 6], seed: 11)
        let y = Tape().rotary(Variable(x), table, start: 7).value
        XCTAssertEqual(x.scalars.map { $0 * $0 }.reduce(0, +), y.scalars.map { $0 * $0 }.reduce(0, +), accuracy: 1e-5)
    }

    func testEmbedding() {
        let ids: [Int32] = [3, 0, 3, 1]
        assertGradientsMatch([randn([5, 4], seed: 12)]) { t, v in t.embedding(v[0], ids: ids, idsShape: [2, 2]) }
    }

    func testConcatAndSliceAlongEachAxis() {
        let a = randn([2, 3, 4], seed: 13), b = randn([2, 2, 4], seed: 14)
        assertGradientsMatch([a, b]) { t, v in t.concat([v[0], v[1]], axis: 1) }
        assertGradientsMatch([a]) { t, v in t.slice(v[0], axis: 2, 1..<3) }
        assertGradientsMatch([a]) { t, v in t.concat([t.slice(v[0], axis: 0, 0..<1), v[0]], axis: 0) }
    }

    func testReshapePermuteTranspose() {
        let a = randn([2, 3, 4], seed: 15)
        assertGradientsMatch([a]) { t, v in t.permute(v[0], [2, 0, 1]) }
        assertGradientsMatch([a]) { t, v in t.transpose(t.reshape(v[0], [6, 4]), 0, 1) }
        // A reshaped variable used twice accumulates both gradients.
        assertGradientsMatch([a]) { t, v in t.mul(t.reshape(v[0], [4, 6]), t.reshape(v[0], [4, 6])) }
        XCTAssertEqual(Tape().permute(Variable(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])), [1, 0]).value.scalars, [1, 3, 2, 4])
    }

    func testSumAndMean() {
        let a = randn([2, 3, 4], seed: 16)
        assertGradientsMatch([a]) { t, v in t.sum(v[0]) }
        assertGradientsMatch([a]) { t, v in t.mean(v[0]) }
        assertGradientsMatch([a]) { t, v in t.sum(v[0], axis: 1) }
        assertGradientsMatch([a]) { t, v in t.mean(v[0], axis: 2, keepAxis: true) }
    }
}

/// Row gathering (the loss's answer positions).
final class GatherGradientTests: XCTestCase {
    func testGatherRowsWithRepeatsAndItsGradient() {
        assertGradientsMatch([randn([2, 3, 4], seed: 1)]) { t, v in t.gatherRows(v[0], [5, 0, 5, 2]) }
        let y = Tape().gatherRows(Variable(Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])), [2, 0])
        XCTAssertEqual(y.value.scalars, [5, 6, 1, 2])
    }
}
