import Tensors
import XCTest

/// Value semantics, shapes and views.
final class TensorTests: XCTestCase {
    func testCopyOnWrite() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        var b = a
        b[flat: 0] = 9
        XCTAssertEqual(a.scalars, [1, 2, 3, 4])
        XCTAssertEqual(b.scalars, [9, 2, 3, 4])
        XCTAssertFalse(a.storage === b.storage)
    }

    func testReshapeSharesStorageAndInfersOneDimension() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = a.reshaped([3, -1])
        XCTAssertEqual(b.shape, [3, 2])
        XCTAssertTrue(a.storage === b.storage)
    }

    func testEqualityIsShapeAndBits() {
        XCTAssertEqual(Tensor(shape: [2], scalars: [1, 2]), Tensor(shape: [2], scalars: [1, 2]))
        XCTAssertNotEqual(Tensor(shape: [2], scalars: [1, 2]), Tensor(shape: [1, 2], scalars: [1, 2]))
        XCTAssertNotEqual(Tensor(shape: [1], scalars: [0]), Tensor(shape: [1], scalars: [-0.0]))
    }

    func testStorageIsAligned() {
        for n in [1, 3, 1000] {
            XCTAssertEqual(Int(bitPattern: Tensor(zeros: [n]).storage.pointer) % 64, 0)
        }
    }

    func testRandomTensorsAreReproducible() {
        var r1 = RandomStream(seed: 4), r2 = RandomStream(seed: 4)
        XCTAssertEqual(Tensor.randomNormal([10, 10], using: &r1), Tensor.randomNormal([10, 10], using: &r2))
    }
}
