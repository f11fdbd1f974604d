import Federated
import Tensors
import World
import XCTest

/// Finding the first NaN or infinity in client updates.
final class NonFiniteCheckTests: XCTestCase {
    func testFiniteUpdatesPass() throws {
        let updates = [Fixtures.update(0, n: 1, ["a": [1, -2, .greatestFiniteMagnitude]])]
        XCTAssertNil(NonFiniteCheck.firstNonFinite(in: updates))
        XCTAssertNoThrow(try NonFiniteCheck.check(updates))
    }

    func testFirstInSortedNameOrder() {
        let update = Fixtures.update(5, n: 1, ["z": [.nan, 0], "b": [0, 1, .infinity], "a": [1, 2]])
        XCTAssertEqual(NonFiniteCheck.firstNonFinite(in: update),
                       NonFiniteValue(client: 5, name: "b", index: 2, kind: .positiveInfinity))
    }

    func testFirstInClientOrderWithMessage() {
        let updates = [
            Fixtures.update(3, n: 1, ["w": [.nan]]),
            Fixtures.update(1, .coco, n: 1, ["w": [0, -.infinity]]),
            Fixtures.update(0, n: 1, ["w": [0, 0]]),
        ]
        let error = aggregationError { try NonFiniteCheck.check(updates) }
        XCTAssertEqual(error, .nonFinite(NonFiniteValue(client: 1, name: "w", index: 1, kind: .negativeInfinity)))
        XCTAssertEqual(error?.description, "client 1 sent a non-finite value (-inf) in tensor 'w' at element 1")
    }

    func testNaNIsReported() {
        let update = Fixtures.update(2, n: 1, ["lora.q.a": [0, 0, .nan]])
        XCTAssertEqual(NonFiniteCheck.firstNonFinite(in: update)?.description,
                       "client 2 sent a non-finite value (nan) in tensor 'lora.q.a' at element 2")
    }
}
