import Federated
import Tensors
import TestSupport
import World
import XCTest

/// ATA (Pilot Eq. 11–12) on four clients at known points of the plane.
///
/// Each client's parameters are two one-element tensors, "lora.a" (x) and "lora.b" (y):
///
///     client  task  n   (x, y)
///     0       gqa   1   (0, 0)
///     1       coco  2   (3, 4)
///     2       gqa   1   (0, −5)
///     3       coco  4   (6, 8)
///
/// Distances: d01 = 5, d02 = 5, d03 = 10, d12 = √90, d13 = 5, d23 = √205.
final class AdaptiveTextAggregationTests: XCTestCase {
    let updates = [
        Fixtures.update(0, .gqa, n: 1, ["lora.a": [0], "lora.b": [0]]),
        Fixtures.update(1, .coco, n: 2, ["lora.a": [3], "lora.b": [4]]),
        Fixtures.update(2, .gqa, n: 1, ["lora.a": [0], "lora.b": [-5]]),
        Fixtures.update(3, .coco, n: 4, ["lora.a": [6], "lora.b": [8]]),
    ]

    func testFlattenVisitsNamesInSortedOrder() {
        let parameters: NamedTensors = ["b": Fixtures.tensor([1, 2]), "a": Fixtures.tensor([3, 4, 5, 6], [2, 2]), "c": Fixtures.tensor([7])]
        XCTAssertEqual(AdaptiveTextAggregation.flattened(parameters), [3, 4, 5, 6, 1, 2, 7])
    }

    func testDistances() throws {
        let d = try AdaptiveTextAggregation.distances(updates.reversed())
        XCTAssertEqual(d.clients, [0, 1, 2, 3])
        let expected: [[Double]] = [
            [0, 5, 5, 10],
            [5, 0, 9.486832980505138, 5],            // √90
            [5, 9.486832980505138, 0, 14.317821063276353],  // √205
            [10, 5, 14.317821063276353, 0],
        ]
        for a in 0..<4 {
            for b in 0..<4 {
                XCTAssertEqual(d.distance(a, b), expected[a][b], accuracy: FederatedTolerance.distance, "d(\(a), \(b))")
                XCTAssertEqual(d.distance(a, b), d.distance(b, a), "symmetric to the bit")
            }
            XCTAssertEqual(d.distance(a, a), 0)
        }
        XCTAssertEqual(d.distances(from: 3).count, 4)
    }

    func testDistancesAreTakenInDouble() throws {
        // Differences of 1e-30 vanish when squared in float32 (1e-60 underflows) but not in Double.
        let tiny = [
            Fixtures.update(0, n: 1, ["p": [0]]),
            Fixtures.update(1, n: 1, ["p": [1e-30]]),
        ]
        let d = try AdaptiveTextAggregation.distances(tiny)
        XCTAssertEqual(d.distance(0, 1), Double(Float(1e-30)), accuracy: 1e-40)
    }

    func testNearestOneIsEachClientAlone() throws {
        let sets = try AdaptiveTextAggregation.nearestNeighbours(AdaptiveTextAggregation.distances(updates), k: 1)
        XCTAssertEqual(sets, [0: [0], 1: [1], 2: [2], 3: [3]])
    }

    func testNearestTwoBreaksTiesByLowerClientIndex() throws {
        let sets = try AdaptiveTextAggregation.nearestNeighbours(AdaptiveTextAggregation.distances(updates), k: 2)
        // Client 0: clients 1 and 2 both at 5 → 1. Client 1: clients 0 and 3 both at 5 → 0.
        // Client 2: 0 at 5. Client 3: 1 at 5.
        XCTAssertEqual(sets, [0: [0, 1], 1: [1, 0], 2: [2, 0], 3: [3, 1]])
    }

    func testNearestThreeAndAllFour() throws {
        let d = try AdaptiveTextAggregation.distances(updates)
        XCTAssertEqual(try AdaptiveTextAggregation.nearestNeighbours(d, k: 3),
                       [0: [0, 1, 2], 1: [1, 0, 3], 2: [2, 0, 1], 3: [3, 1, 0]])
        XCTAssertEqual(try AdaptiveTextAggregation.nearestNeighbours(d, k: 4),
                       [0: [0, 1, 2, 3], 1: [1, 0, 3, 2], 2: [2, 0, 1, 3], 3: [3, 1, 0, 2]])
    }

    func testAClientComesFirstEvenWhenAnotherSitsOnIt() throws {
        // Clients 0 and 1 have identical parameters: client 1 still selects itself for k = 1.
        let twins = [
            Fixtures.update(0, n: 1, ["p": [2, 2]]),
            Fixtures.update(1, n: 1, ["p": [2, 2]]),
            Fixtures.update(2, n: 1, ["p": [9, 9]]),
        ]
        let d = try AdaptiveTextAggregation.distances(twins)
        XCTAssertEqual(try AdaptiveTextAggregation.nearestNeighbours(d, k: 1), [0: [0], 1: [1], 2: [2]])
        XCTAssertEqual(try AdaptiveTextAggregation.nearestNeighbours(d, k: 2), [0: [0, 1], 1: [1, 0], 2: [2, 0]])
    }

    func testPerClientResultsForNearestTwoBySize() throws {
        let results = try AdaptiveTextAggregation.aggregate(updates, selection: .nearestBySize(k: 2))
        XCTAssertEqual(Set(results.keys), [0, 1, 2, 3])
        // Client 0 and 1, set {0, 1}: (1·(0, 0) + 2·(3, 4)) / 3 = (2, 8/3).
        // Client 2, set {2, 0}: (1·(0, −5) + 1·(0, 0)) / 2 = (0, −2.5).
        // Client 3, set {3, 1}: (4·(6, 8) + 2·(3, 4)) / 6 = (30/6, 40/6) = (5, 20/3).
        let expected: [Int: (Float, Float)] = [0: (2, 2.6666667), 1: (2, 2.6666667), 2: (0, -2.5), 3: (5, 6.6666667)]
        for (client, (x, y)) in expected {
            assertClose(results[client]!["lora.a"]!, Fixtures.tensor([x]), tolerance: FederatedTolerance.rounding, "client \(client)")
            assertClose(results[client]!["lora.b"]!, Fixtures.tensor([y]), tolerance: FederatedTolerance.rounding, "client \(client)")
        }
    }

    func testNearestAllBySizeIsTheWeightedAverageForEveryClient() throws {
        let results = try AdaptiveTextAggregation.aggregate(updates, selection: .nearestBySize(k: 4))
        let fedAvg = try WeightedAverage.average(updates)
        // (1·(0, 0) + 2·(3, 4) + 1·(0, −5) + 4·(6, 8)) / 8 = (30, 35) / 8 = (3.75, 4.375).
        XCTAssertEqual(fedAvg, ["lora.a": Fixtures.tensor([3.75]), "lora.b": Fixtures.tensor([4.375])])
        for client in 0..<4 { XCTAssertEqual(results[client], fedAvg, "client \(client), bit-identical") }
        XCTAssertEqual(try AdaptiveTextAggregation.aggregate(updates, selection: .allClients), results)
    }

    /// Distance weights by hand: w_ij ∝ exp(−d_ij / τ_i), τ_i the mean distance to the set's other members.
    func testDistanceWeightsByHand() throws {
        let d = try AdaptiveTextAggregation.distances(updates)
        let sets = try AdaptiveTextAggregation.nearestNeighbours(d, k: 3)
        let weights = AdaptiveTextAggregation.distanceWeights(d, neighbours: sets)
        // Client 0, set {0, 1, 2} at 0, 5, 5: τ = 5, weights ∝ 1, e⁻¹, e⁻¹.
        XCTAssertEqual(weights[0]![0]!, 0.5761168847658291, accuracy: 1e-12)
        XCTAssertEqual(weights[0]![1]!, 0.21194155761708544, accuracy: 1e-12)
        XCTAssertEqual(weights[0]![2]!, 0.21194155761708544, accuracy: 1e-12)
        // Client 3, set {3, 1, 0} at 0, 5, 10: τ = 7.5, weights ∝ 1, e^(−2/3), e^(−4/3).
        XCTAssertEqual(weights[3]![3]!, 0.5627416864987679, accuracy: 1e-12)
        XCTAssertEqual(weights[3]![1]!, 0.2889212154417395, accuracy: 1e-12)
        XCTAssertEqual(weights[3]![0]!, 0.14833709805949272, accuracy: 1e-12)
        for (client, w) in weights { XCTAssertEqual(w.values.reduce(0, +), 1, accuracy: 1e-12, "client \(client)") }
    }

    func testNearestThreeAveragesWithDistanceWeights() throws {
        let results = try AdaptiveTextAggregation.aggregate(updates, selection: .nearest(k: 3))
        // Client 3: 0.5627·(6, 8) + 0.2889·(3, 4) + 0.1483·(0, 0) = (4.2432, 5.6576).
        assertClose(results[3]!["lora.a"]!, Fixtures.tensor([4.243213765317826]), tolerance: FederatedTolerance.rounding)
        assertClose(results[3]!["lora.b"]!, Fixtures.tensor([5.657618353757101]), tolerance: FederatedTolerance.rounding)
        // Client 2, set {2, 0, 1} at 0, 5, √90: τ = (5 + √90) / 2 → (0.4571, −2.2133).
        assertClose(results[2]!["lora.a"]!, Fixtures.tensor([0.4571074278961067]), tolerance: FederatedTolerance.rounding)
        assertClose(results[2]!["lora.b"]!, Fixtures.tensor([-2.213259868890393]), tolerance: FederatedTolerance.rounding)
        // Data sizes do not enter: the size-weighted set average differs.
        let bySize = try AdaptiveTextAggregation.aggregate(updates, selection: .nearestBySize(k: 3))
        XCTAssertNotEqual(bySize[3], results[3])
    }

    func testDistanceWeightsAreEqualWhenEveryMemberCoincides() throws {
        let same = (0..<3).map { Fixtures.update($0, n: $0 + 1, ["p": [2]]) }
        let d = try AdaptiveTextAggregation.distances(same)
        let weights = AdaptiveTextAggregation.distanceWeights(d, neighbours: try AdaptiveTextAggregation.nearestNeighbours(d, k: 3))
        for client in 0..<3 { for member in 0..<3 { XCTAssertEqual(weights[client]![member]!, 1.0 / 3, accuracy: 1e-15) } }
    }

    func testNearestOneReturnsEachClientsOwnParameters() throws {
        let wobbly = updates.map { u -> ClientUpdate in
            var u = u
            u.parameters["lora.a"] = Fixtures.tensor([Float(u.client) * 0.1 + 1e-3])
            return u
        }
        let results = try AdaptiveTextAggregation.aggregate(wobbly, selection: .nearest(k: 1))
        for update in wobbly { XCTAssertEqual(results[update.client], update.parameters, "client \(update.client), bit-identical") }
    }

    func testSameTaskClients() throws {
        let sets = try AdaptiveTextAggregation.neighbourSets(updates, selection: .sameTask)
        XCTAssertEqual(sets, [0: [0, 2], 1: [1, 3], 2: [2, 0], 3: [3, 1]])
        let results = try AdaptiveTextAggregation.aggregate(updates, selection: .sameTask)
        // GQA (0, 2): (1·(0, 0) + 1·(0, −5)) / 2 = (0, −2.5); COCO (1, 3): (2·(3, 4) + 4·(6, 8)) / 6 = (5, 20/3).
        for client in [0, 2] {
            XCTAssertEqual(results[client]?["lora.a"], Fixtures.tensor([0]))
            XCTAssertEqual(results[client]?["lora.b"], Fixtures.tensor([-2.5]))
        }
        for client in [1, 3] {
            assertClose(results[client]!["lora.a"]!, Fixtures.tensor([5]), tolerance: FederatedTolerance.rounding)
            assertClose(results[client]!["lora.b"]!, Fixtures.tensor([6.6666667]), tolerance: FederatedTolerance.rounding)
        }
        let perTask = try TaskAwareAverage.average(updates)
        for update in updates { XCTAssertEqual(results[update.client], perTask[update.task], "client \(update.client)") }
    }

    func testAllClientsSets() throws {
        XCTAssertEqual(try AdaptiveTextAggregation.neighbourSets(updates, selection: .allClients),
                       [0: [0, 1, 2, 3], 1: [1, 0, 2, 3], 2: [2, 0, 1, 3], 3: [3, 0, 1, 2]])
    }

    func testNeighbourCountOutsideOneToNNamesKAndN() throws {
        for k in [0, 5] {
            let error = aggregationError { _ = try AdaptiveTextAggregation.aggregate(updates, selection: .nearest(k: k)) }
            XCTAssertEqual(error, .invalidNeighbourCount(k: k, clients: 4))
            XCTAssertEqual(error?.description, "ATA neighbour count k = \(k) is outside 1...4 (N = 4 clients)")
        }
        let d = try AdaptiveTextAggregation.distances(updates)
        XCTAssertEqual(aggregationError { _ = try AdaptiveTextAggregation.nearestNeighbours(d, k: 5) },
                       .invalidNeighbourCount(k: 5, clients: 4))
    }

    func testExplicitNeighbourSetsMustNameKnownClients() {
        XCTAssertEqual(aggregationError { _ = try AdaptiveTextAggregation.aggregate(updates, neighbours: [0: [0, 7]]) },
                       .unknownClient(7))
        XCTAssertEqual(aggregationError { _ = try AdaptiveTextAggregation.aggregate(updates, neighbours: [9: [0]]) },
                       .unknownClient(9))
    }

    func testMismatchedClientIsNamed() {
        var broken = updates
        broken[2].parameters["lora.b"] = Fixtures.tensor([1, 2])
        XCTAssertEqual(aggregationError { _ = try AdaptiveTextAggregation.distances(broken) },
                       .shapeMismatch(client: 2, name: "lora.b", shape: [2], expected: [1], reference: 0))
    }
}
