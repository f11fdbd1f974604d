import Autodiff
import Models
import NN
import Tensors
import XCTest

/// The last block computing only the outputs a loss or generation reads: the same values and gradients as the whole block.
final class LastBlockOutputsTests: XCTestCase {
    /// Float sums in another order: the truncated block runs smaller GEMMs over the same rows.
    static let tolerance: Float = 1e-5

    /// A two-layer decoder whose LoRA updates are non-zero, so that every adapter has a gradient to compare.
    func makeLanguageModel(seed: UInt64) -> LanguageModel {
        var rng = RandomStream(seed: seed)
        let llm = LanguageModel(config: ModelBehaviourTests.small, rng: &rng)
        for block in llm.layers {
            for projection in [block.q, block.k, block.v, block.o] {
                projection.loraB.value = Tensor.randomNormal(projection.loraB.shape, std: 0.1, using: &rng)
            }
        }
        return llm
    }

    func assertClose(_ a: Tensor, _ b: Tensor, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.shape, b.shape, what, file: file, line: line)
        let worst = zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThan(worst, Self.tolerance, "\(what): largest difference \(worst)", file: file, line: line)
    }

    /// Runs `forward` on a fresh tape, backs a fixed random weighting of its output up, returns the output and every gradient.
    func run(_ llm: LanguageModel, _ x: Variable, weights: Tensor, _ forward: (Tape) -> Variable) -> (Tensor, [Tensor?]) {
        llm.zeroGradients()
        x.zeroGrad()
        let tape = Tape()
        let y = forward(tape)
        tape.backward(tape.sum(tape.mul(y, Variable(weights))))
        var grads = [x.grad]
        llm.visitParameters { _, p in if p.requiresGrad { grads.append(p.grad) } }
        return (y.value, grads)
    }

    func testLanguageModelOutputsFromEqualTheTailOfTheFullRunWithTheSameGradients() {
        let llm = makeLanguageModel(seed: 1)
        var rng = RandomStream(seed: 2)
        let (b, t, first) = (2, 9, 5)
        let x = Variable(Tensor.randomNormal([b, t, 32], using: &rng), requiresGrad: true)
        let weights = Tensor.randomNormal([b, t - first, 32], using: &rng)              // [B, T − first, width]
        let full = run(llm, x, weights: weights) { tape in
            tape.slice(llm.hidden(x, on: tape), axis: 1, first..<t)
        }
        let tail = run(llm, x, weights: weights) { tape in llm.hidden(x, outputsFrom: first, on: tape) }
        assertClose(tail.0, full.0, "hidden states")
        XCTAssertEqual(full.1.count, tail.1.count)
        XCTAssertGreaterThan(full.1.count, 8, "x and the LoRA factors of both blocks")
        for (i, (f, g)) in zip(full.1, tail.1).enumerated() {
            guard let f, let g else { return XCTFail("gradient \(i) missing") }
            assertClose(g, f, "gradient \(i)")
        }
    }

    func testCachedBlockOutputsFromEqualTheTailOfTheFullCachedRun() {
        let llm = makeLanguageModel(seed: 3)
        var rng = RandomStream(seed: 4)
        let prefix = Variable(Tensor.randomNormal([2, 4, 32], using: &rng))
        let x = Variable(Tensor.randomNormal([2, 6, 32], using: &rng))
        func cachedRun(outputsFrom first: Int) -> Tensor {
            let cache = llm.makeCache(batch: 2, capacity: 10)
            _ = llm.hidden(prefix, cache: cache, on: Tape())                              // positions 0..<4 already cached
            let h = llm.hidden(x, cache: cache, outputsFrom: first, on: Tape())
            XCTAssertEqual(cache.length, 10, "every position enters the cache")
            return h.value
        }
        let tape = Tape()
        assertClose(cachedRun(outputsFrom: 5), tape.slice(Variable(cachedRun(outputsFrom: 0)), axis: 1, 5..<6).value, "last position")
        assertClose(cachedRun(outputsFrom: 2), tape.slice(Variable(cachedRun(outputsFrom: 0)), axis: 1, 2..<6).value, "last 4 positions")
    }

    func testLossRowsCountFromTheFirstTargetPosition() {
        let ignore = CrossEntropy.ignoreIndex
        // Sequence 0 has targets at text positions 2 and 3, sequence 1 at 3 only; 4 visual tokens before the text.
        let batch = TokenBatch(tokens: Array(repeating: 1, count: 10), targets: [ignore, ignore, 7, 8, ignore,
                                                                                 ignore, ignore, ignore, 9, ignore],
                               batch: 2, length: 5)
        XCTAssertEqual(batch.firstTargetPosition(offset: 4), 6)
        let all = batch.lossRows(offset: 4), tail = batch.lossRows(offset: 4, from: 6)
        XCTAssertEqual(all.rows, [6, 7, 16])                                             // rows of [2, 9] hidden states
        XCTAssertEqual(tail.rows, [0, 1, 4])                                             // rows of [2, 3]: positions 6..<9
        XCTAssertEqual(tail.targets, [7, 8, 9])
        let none = TokenBatch(tokens: [1, 1], targets: [ignore, ignore], batch: 1, length: 2)
        XCTAssertEqual(none.firstTargetPosition(offset: 4), 5, "no target: the last position, never past the end")
    }
}
