import Federated
import Tensors
import TestSupport
import World
import XCTest

/// FedAvg's data-size-weighted average against hand-computed numbers, and its errors.
final class WeightedAverageTests: XCTestCase {
    /// Client 0 (n = 1): w = [1, 2], b = [10]; client 1 (n = 3): w = [5, −2], b = [2].
    let two = [
        Fixtures.update(0, n: 1, ["w": [1, 2], "b": [10]]),
        Fixtures.update(1, n: 3, ["w": [5, -2], "b": [2]]),
    ]

    func testUnequalWeights() throws {
        let average = try WeightedAverage.average(two)
        // w = (1·[1, 2] + 3·[5, −2]) / 4 = [16, −4] / 4 = [4, −1]; b = (1·10 + 3·2) / 4 = 4.
        XCTAssertEqual(Set(average.keys), ["w", "b"])
        XCTAssertEqual(average["w"], Fixtures.tensor([4, -1]))
        XCTAssertEqual(average["b"], Fixtures.tensor([4]))
    }

    func testThreeClientsNeedingRounding() throws {
        let three = two + [Fixtures.update(2, n: 2, ["w": [0, 0.5], "b": [1]])]
        let average = try WeightedAverage.average(three)
        // w = (1·[1, 2] + 3·[5, −2] + 2·[0, 0.5]) / 6 = [16, −3] / 6 = [2.6666667, −0.5];
        // b = (10 + 6 + 2) / 6 = 3.
        assertClose(average["w"]!, Fixtures.tensor([2.6666667, -0.5]), tolerance: FederatedTolerance.rounding)
        assertClose(average["b"]!, Fixtures.tensor([3]), tolerance: FederatedTolerance.rounding)
    }

    func testKeepsShapes() throws {
        let updates = [
            ClientUpdate(client: 0, task: .coco, dataSize: 1, parameters: ["m": Fixtures.tensor([1, 2, 3, 4], [2, 2])]),
            ClientUpdate(client: 1, task: .coco, dataSize: 1, parameters: ["m": Fixtures.tensor([3, 2, 1, 0], [2, 2])]),
        ]
        // (1·[1, 2, 3, 4] + 1·[3, 2, 1, 0]) / 2 = [2, 2, 2, 2], still [2, 2].
        XCTAssertEqual(try WeightedAverage.average(updates)["m"], Fixtures.tensor([2, 2, 2, 2], [2, 2]))
    }

    func testResultDoesNotDependOnTheOrderOfUpdates() throws {
        let three = two + [Fixtures.update(2, n: 7, ["w": [0.1, 0.3], "b": [-0.7]])]
        let forward = try WeightedAverage.average(three)
        let backward = try WeightedAverage.average(three.reversed())
        XCTAssertEqual(forward, backward, "bit-identical whatever the order")
    }

    func testOneClientIsReturnedExactly() throws {
        let one = [Fixtures.update(4, n: 3, ["w": [0.1, -0.3], "b": [1e-7]])]
        XCTAssertEqual(try WeightedAverage.average(one), one[0].parameters)
    }

    func testMissingTensorNamesClientAndTensor() {
        let updates = [two[0], Fixtures.update(1, n: 3, ["w": [5, -2]])]
        let error = aggregationError { _ = try WeightedAverage.average(updates) }
        XCTAssertEqual(error, .missingTensor(client: 1, name: "b", reference: 0))
        XCTAssertEqual(error?.description, "client 1 lacks tensor 'b' that client 0 sent")
    }

    func testExtraTensorNamesClientAndTensor() {
        let updates = [two[0], Fixtures.update(1, n: 3, ["w": [5, -2], "b": [2], "c": [0]])]
        let error = aggregationError { _ = try WeightedAverage.average(updates) }
        XCTAssertEqual(error, .unexpectedTensor(client: 1, name: "c", reference: 0))
        XCTAssertEqual(error?.description, "client 1 sent tensor 'c' that client 0 did not")
    }

    func testShapeMismatchNamesClientTensorAndShapes() {
        let updates = two + [Fixtures.update(2, n: 1, ["w": [1, 2, 3], "b": [0]])]
        let error = aggregationError { _ = try WeightedAverage.average(updates) }
        XCTAssertEqual(error, .shapeMismatch(client: 2, name: "w", shape: [3], expected: [2], reference: 0))
        XCTAssertEqual(error?.description, "client 2 sent tensor 'w' with shape [3]; client 0 sent [2]")
    }

    func testReshapedTensorIsAMismatchEvenWithTheSameCount() {
        let updates = [
            ClientUpdate(client: 0, task: .gqa, dataSize: 1, parameters: ["m": Fixtures.tensor([1, 2, 3, 4], [2, 2])]),
            ClientUpdate(client: 1, task: .gqa, dataSize: 1, parameters: ["m": Fixtures.tensor([1, 2, 3, 4], [4])]),
        ]
        XCTAssertEqual(aggregationError { _ = try WeightedAverage.average(updates) },
                       .shapeMismatch(client: 1, name: "m", shape: [4], expected: [2, 2], reference: 0))
    }

    func testNonPositiveWeightIsAnError() {
        let updates = [two[0], Fixtures.update(1, n: 0, ["w": [5, -2], "b": [2]])]
        let error = aggregationError { _ = try WeightedAverage.average(updates) }
        XCTAssertEqual(error, .nonPositiveDataSize(client: 1, dataSize: 0))
        XCTAssertTrue(error?.description.contains("client 1") ?? false)
    }

    func testDuplicateClientAndEmptyInputAreErrors() {
        XCTAssertEqual(aggregationError { _ = try WeightedAverage.average([two[0], two[0]]) }, .duplicateClient(0))
        XCTAssertEqual(aggregationError { _ = try WeightedAverage.average([]) }, .noUpdates)
    }
}
