import Tensors
import XCTest

/// Seeded streams are reproducible, split into independent children, and have the right distributions.
final class RandomStreamTests: XCTestCase {
    func testSameSeedSameSequence() {
        var a = RandomStream(seed: 7), b = RandomStream(seed: 7), c = RandomStream(seed: 8)
        let xs = (0..<100).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<100).map { _ in c.next() })
    }

    func testSplitDependsOnKeyAndLabelNotOnDraws() {
        var parent = RandomStream(seed: 3)
        var before = parent.split(5)
        _ = (0..<10).map { _ in parent.next() }
        var after = parent.split(5)
        XCTAssertEqual(before.next(), after.next())
        var other = RandomStream(seed: 3).split(6)
        var same = RandomStream(seed: 3).split(5)
        XCTAssertNotEqual(other.next(), same.next())
        XCTAssertEqual(RandomStream(seed: 3).split(1, 2).key, RandomStream(seed: 3).split(1).split(2).key)
        XCTAssertNotEqual(RandomStream(seed: 3).split(1, 2).key, RandomStream(seed: 3).split(2, 1).key)
    }

    func testUniformAndNormalMoments() {
        var rng = RandomStream(seed: 11)
        let n = 100_000
        let u = (0..<n).map { _ in Double(rng.nextUniform()) }
        XCTAssertTrue(u.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(u.reduce(0, +) / Double(n), 0.5, accuracy: 0.01)
        let g = (0..<n).map { _ in Double(rng.nextNormal()) }
        let mean = g.reduce(0, +) / Double(n)
        let variance = g.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(variance, 1, accuracy: 0.02)
        let ints = (0..<n).map { _ in rng.nextInt(below: 3) }
        for v in 0..<3 { XCTAssertEqual(Double(ints.filter { $0 == v }.count) / Double(n), 1.0 / 3, accuracy: 0.01) }
    }
}
