import Autodiff
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// A training step of the real model gives the same bits on any number of compute threads, so a run's checkpoint does
/// not depend on `--threads` or on how many `--jobs` share the cores.
final class ThreadCountDeterminismTests: XCTestCase {
    /// Loss and every trainable parameter's gradient after one forward and backward pass on `threads` threads.
    func step(threads: Int) -> (loss: Float, gradients: [String: [UInt32]], features: [UInt32]) {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        Parallel.threadCount = threads
        var rng = RandomStream(seed: 11)
        let model = MultimodalModel(config: .pilotTiny, rng: &rng)
        let (batch, length) = (16, 24)
        let tokens = (0..<(batch * length)).map { _ in Int32(rng.nextInt(below: model.config.vocabulary)) }
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: tokens.count)
        for b in 0..<batch { for t in (length - 6)..<(length - 1) { targets[b * length + t] = tokens[b * length + t + 1] } }
        let images = randn([batch, 3, model.config.imageSize, model.config.imageSize], seed: 12)
        let tape = Tape()
        let features = model.features(images, on: tape)
        let loss = model.loss(features: features, batch: TokenBatch(tokens: tokens, targets: targets, batch: batch, length: length), on: tape)
        tape.backward(loss.total)
        var gradients: [String: [UInt32]] = [:]
        for p in model.trainableParameters() { gradients[p.name] = p.variable.grad?.scalars.map(\.bitPattern) }
        return (loss.total.value.scalar, gradients, features.value.scalars.map(\.bitPattern))
    }

    func testOneTrainingStepIsBitIdenticalOnOneTwoAndThreeThreads() {
        let one = step(threads: 1), two = step(threads: 2), three = step(threads: 3)
        XCTAssertEqual(one.features, two.features, "vision features, 1 vs 2 threads")
        XCTAssertEqual(one.loss.bitPattern, two.loss.bitPattern, "loss, 1 vs 2 threads")
        XCTAssertFalse(one.gradients.isEmpty)
        for name in one.gradients.keys.sorted() {
            XCTAssertEqual(one.gradients[name], two.gradients[name], "\(name), 1 vs 2 threads")
            XCTAssertEqual(two.gradients[name], three.gradients[name], "\(name), 2 vs 3 threads")
        }
    }
}
