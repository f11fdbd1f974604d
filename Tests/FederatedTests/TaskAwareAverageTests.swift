import Federated
import Tensors
import World
import XCTest

/// Pilot's per-task average of the task adapters (Eq. 10).
final class TaskAwareAverageTests: XCTestCase {
    func testOneWeightedAveragePerTask() throws {
        let updates = [
            Fixtures.update(0, .gqa, n: 2, ["a": [1, 3]]),
            Fixtures.update(1, .coco, n: 1, ["a": [0, 8]]),
            Fixtures.update(2, .gqa, n: 2, ["a": [3, 5]]),
            Fixtures.update(3, .coco, n: 3, ["a": [4, 0]]),
        ]
        let averages = try TaskAwareAverage.average(updates)
        XCTAssertEqual(Set(averages.keys), [.gqa, .coco])
        // GQA: (2·[1, 3] + 2·[3, 5]) / 4 = [2, 4]; COCO: (1·[0, 8] + 3·[4, 0]) / 4 = [3, 2].
        XCTAssertEqual(averages[.gqa]?["a"], Fixtures.tensor([2, 4]))
        XCTAssertEqual(averages[.coco]?["a"], Fixtures.tensor([3, 2]))
    }

    func testClientIndicesMustBeDistinctAcrossTasks() {
        let updates = [
            Fixtures.update(0, .gqa, n: 1, ["a": [1]]),
            Fixtures.update(0, .coco, n: 1, ["a": [2]]),
        ]
        XCTAssertEqual(aggregationError { _ = try TaskAwareAverage.average(updates) }, .duplicateClient(0))
    }

    func testMismatchWithinATaskNamesTheClient() {
        let updates = [
            Fixtures.update(0, .refcoco, n: 1, ["a": [1, 2]]),
            Fixtures.update(1, .gqa, n: 1, ["a": [1, 2]]),
            Fixtures.update(2, .refcoco, n: 1, ["b": [1, 2]]),
        ]
        XCTAssertEqual(aggregationError { _ = try TaskAwareAverage.average(updates) },
                       .missingTensor(client: 2, name: "a", reference: 0))
    }
}
