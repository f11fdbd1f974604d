import Federated
import Tensors
import TestSupport
import World
import XCTest

/// FedAdam's server step (Reddi et al. 2021, Algorithm 2) worked by hand with η 0.1, β1 0.9, β2 0.99, τ 1e-3.
final class FedAdamServerTests: XCTestCase {
    let global0: NamedTensors = ["w": Fixtures.tensor([1, -2, 0])]
    /// Δ1 = [0.5, −0.5, 0.001].
    let average1: NamedTensors = ["w": Fixtures.tensor([1.5, -2.5, 0.001])]
    /// Δ2 (against the step-1 result), chosen to flip the sign of element 0 and reverse element 1.
    let delta2: [Float] = [-1, 0.5, 0.001]

    func server() -> FedAdamServer { FedAdamServer(learningRate: 0.1) }

    func testDefaults() {
        let h = server().hyperparameters
        XCTAssertEqual([h.learningRate, h.beta1, h.beta2, h.tau], [0.1, 0.9, 0.99, 1e-3])
    }

    func testFirstStepByHand() throws {
        var server = server()
        let global1 = try server.step(global: global0, average: average1)
        // m1 = 0.1·Δ1 = [0.05, −0.05, 1e-4]; v1 = 0.01·Δ1² = [0.0025, 0.0025, 1e-8]; √v1 = [0.05, 0.05, 1e-4].
        assertClose(server.firstMoment["w"]!, Fixtures.tensor([0.05, -0.05, 1e-4]), tolerance: FederatedTolerance.fedAdam)
        assertClose(server.secondMoment["w"]!, Fixtures.tensor([0.0025, 0.0025, 1e-8]), tolerance: FederatedTolerance.fedAdam)
        // global1 = global0 + 0.1·m1 / (√v1 + 0.001):
        //   [1 + 0.005/0.051, −2 − 0.005/0.051, 0 + 1e-5/1.1e-3] = [1.0980392, −2.0980392, 0.0090909].
        // Element 2 shows τ: without it the step would be 0.1·1e-4/1e-4 = 0.1, not 0.0091.
        assertClose(global1["w"]!, Fixtures.tensor([1.0980392, -2.0980392, 0.0090909]), tolerance: FederatedTolerance.fedAdam)
    }

    func testSecondStepByHand() throws {
        var server = server()
        let global1 = try server.step(global: global0, average: average1)
        let global2 = try server.step(global: global1, average: average2(after: global1))
        // m2 = 0.9·m1 + 0.1·Δ2 = [0.045 − 0.1, −0.045 + 0.05, 9e-5 + 1e-4] = [−0.055, 0.005, 1.9e-4].
        // v2 = 0.99·v1 + 0.01·Δ2² = [0.002475 + 0.01, 0.002475 + 0.0025, 0.99e-8 + 1e-8] = [0.012475, 0.004975, 1.99e-8].
        assertClose(server.firstMoment["w"]!, Fixtures.tensor([-0.055, 0.005, 1.9e-4]), tolerance: FederatedTolerance.fedAdam)
        assertClose(server.secondMoment["w"]!, Fixtures.tensor([0.012475, 0.004975, 1.99e-8]), tolerance: FederatedTolerance.fedAdam)
        // √v2 = [0.1116915, 0.0705337, 1.4107e-4]; global2 = global1 + 0.1·m2 / (√v2 + 0.001):
        //   1.0980392 − 0.0055/0.1126915 = 1.0980392 − 0.0488058 = 1.0492334 (momentum turned around)
        //  −2.0980392 + 0.0005/0.0715337 = −2.0980392 + 0.0069898 = −2.0910494
        //   0.0090909 + 1.9e-5/1.14107e-3 = 0.0090909 + 0.0166511 = 0.0257420
        assertClose(global2["w"]!, Fixtures.tensor([1.0492334, -2.0910495, 0.0257420]), tolerance: FederatedTolerance.fedAdam)
    }

    func testNoChangeMeansNoStepAtZeroState() throws {
        var server = server()
        XCTAssertEqual(try server.step(global: global0, average: global0), global0)
    }

    func testStepFromClientUpdatesUsesTheirWeightedAverage() throws {
        let updates = [
            ClientUpdate(client: 0, task: .gqa, dataSize: 1, parameters: ["w": Fixtures.tensor([1.5, -2.5, 0.001])]),
            ClientUpdate(client: 1, task: .coco, dataSize: 3, parameters: ["w": Fixtures.tensor([1.5, -2.5, 0.001])]),
        ]
        var direct = server(), viaUpdates = server()
        XCTAssertEqual(try viaUpdates.step(global: global0, updates: updates), try direct.step(global: global0, average: average1))
    }

    func testExportedStateNamesAndRoundTrip() throws {
        var original = server()
        let global1 = try original.step(global: global0, average: average1)
        let state = original.exportState()
        XCTAssertEqual(Set(state.keys), ["m/w", "v/w"])
        XCTAssertEqual(state["m/w"], original.firstMoment["w"])

        var restored = server()
        try restored.importState(state)
        XCTAssertEqual(restored.exportState(), state)
        let average2 = average2(after: global1)
        let fromOriginal = try original.step(global: global1, average: average2)
        let fromRestored = try restored.step(global: global1, average: average2)
        XCTAssertEqual(fromOriginal, fromRestored, "a restored server continues bit-identically")
        XCTAssertEqual(original.exportState(), restored.exportState())
    }

    func testImportRejectsMalformedState() {
        var server = server()
        let m = Fixtures.tensor([1, 2])
        XCTAssertEqual(aggregationError { try server.importState(["x/w": m]) },
                       .invalidServerState(name: "x/w", problem: "expected a name starting with 'm/' or 'v/'"))
        XCTAssertEqual(aggregationError { try server.importState(["m/w": m]) },
                       .invalidServerState(name: "m/w", problem: "no matching 'v/' entry"))
        XCTAssertEqual(aggregationError { try server.importState(["v/w": m]) },
                       .invalidServerState(name: "v/w", problem: "no matching 'm/' entry"))
        XCTAssertNotNil(aggregationError { try server.importState(["m/w": m, "v/w": Fixtures.tensor([1])]) })
        XCTAssertTrue(server.exportState().isEmpty, "a failed import leaves the state untouched")
    }

    func testMismatchedTensorsAreNamedAndLeaveTheStateUntouched() throws {
        var server = server()
        _ = try server.step(global: global0, average: average1)
        let before = server.exportState()
        XCTAssertEqual(aggregationError { _ = try server.step(global: global0, average: [:]) },
                       .serverMismatch(name: "w", problem: "in the global parameters but not in the clients' average"))
        XCTAssertEqual(aggregationError { _ = try server.step(global: global0, average: self.average1.merging(["u": Fixtures.tensor([0])]) { a, _ in a }) },
                       .serverMismatch(name: "u", problem: "in the clients' average but not in the global parameters"))
        let wide: NamedTensors = ["w": Fixtures.tensor([0, 0, 0, 0])]
        XCTAssertEqual(aggregationError { _ = try server.step(global: wide, average: wide) },
                       .serverMismatch(name: "w", problem: "server state m has shape [3], the global [4]"))
        XCTAssertEqual(server.exportState(), before)
    }

    /// The step-2 average: global1 + Δ2.
    private func average2(after global1: NamedTensors) -> NamedTensors {
        let g = global1["w"]!.scalars
        return ["w": Fixtures.tensor(zip(g, delta2).map { $0 + $1 })]
    }
}
