import Checkpoint
@testable import Federated
import Foundation
import Models
import NN
import Tensors
import TestSupport
import Training
import World
import XCTest

/// Whole runs checked against what they must equal: local training, FedAvg of the text adapters, no text aggregation.
final class FederatedEngineTests: XCTestCase {
    override class func tearDown() { try? FileManager.default.removeItem(at: TinyRun.directory) }

    /// Every client holds client 0's data and draws client 0's random streams.
    func identicalClients(_ config: RunConfig) throws -> FederatedRunner.Hooks {
        let clients = try Scenario(config.scenario).clients
        var hooks = FederatedRunner.Hooks()
        hooks.clients = clients.map { ClientData(index: $0.index, task: clients[0].task, number: $0.number, train: clients[0].train, validation: clients[0].validation, test: clients[0].test) }
        hooks.streamClient = { _ in 0 }
        return hooks
    }

    func testFedAvgOverIdenticalClientsEqualsLocalTraining() throws {
        let fedavg = TinyRun.config(.fedAvg), local = TinyRun.config(.local)
        let a = try TinyRun.runner(fedavg, "identical-fedavg", hooks: identicalClients(fedavg)).run()
        let b = try TinyRun.runner(local, "identical-local", hooks: identicalClients(local)).run()
        XCTAssertTrue(a.uploaded.joined().allSatisfy { $0 > 0 }, "FedAvg communicates")
        XCTAssertTrue(b.uploaded.joined().allSatisfy { $0 == 0 }, "Local does not")
        XCTAssertEqual(TinyRun.scores(a), TinyRun.scores(b))
        XCTAssertEqual(a.trainLoss, b.trainLoss)
        XCTAssertEqual(a.trainLoss[0].count, 4, "two steps in each of two rounds")
        let n = a.trainLoss.count
        let averaged = try TinyRun.clientStates("identical-fedavg", clients: n), alone = try TinyRun.clientStates("identical-local", clients: n)
        XCTAssertEqual(averaged, alone, "every client's parameters after FedAvg equal local training's")
        let initial = try TinyRun.runner(local, "identical-initial").clientStates[0]
        XCTAssertNotEqual(alone[0].filter { $0.key.contains("lora_B") }, initial.filter { $0.key.contains("lora_B") }, "training moved the LoRA")
    }

    /// Runs Pilot with `aggregation`; returns the history, the final client states and the last round's updates.
    func pilotRun(_ aggregation: PilotOptions.TextAggregation, _ name: String) throws -> (RunHistory, [NamedTensors], [ClientUpdate]) {
        var options = PilotOptions()
        options.textAggregation = aggregation
        let config = TinyRun.config(.pilot(options), clientsPerTask: 2)
        var last: [ClientUpdate] = []
        var hooks = FederatedRunner.Hooks()
        hooks.updates = { round, updates in if round == config.rounds { last = updates } }
        let runner = try TinyRun.runner(config, name, hooks: hooks)
        let history = try runner.run()
        return (history, runner.clientStates, last)
    }

    func testSizeWeightedATAWithKEqualToNIsFedAvgOfTheTextAdaptersAndWithKOneIsNoTextAggregation() throws {
        let n = 6
        let (nearestAll, statesAll, updatesAll) = try pilotRun(.nearestBySize(k: n), "ata-k6")
        let (everyone, statesEveryone, _) = try pilotRun(.allClients, "ata-all")
        XCTAssertEqual(TinyRun.scores(nearestAll), TinyRun.scores(everyone))
        XCTAssertEqual(nearestAll.trainLoss, everyone.trainLoss)
        XCTAssertEqual(statesAll, statesEveryone, "k = N gives every client the FedAvg text adapter, as aggregating over all clients")
        let lora = { (p: NamedTensors) in p.filter { $0.key.contains("lora_") } }
        let fedavg = try WeightedAverage.average(updatesAll.map { ClientUpdate(client: $0.client, task: $0.task, dataSize: $0.dataSize,
                                                                               parameters: lora($0.parameters)) })
        for (i, state) in statesAll.enumerated() { XCTAssertEqual(lora(state), fedavg, "client \(i) holds the FedAvg of the LoRA") }

        let (_, statesOwn, updatesOwn) = try pilotRun(.nearest(k: 1), "ata-k1")
        for (i, state) in statesOwn.enumerated() {
            XCTAssertEqual(lora(state), lora(updatesOwn[i].parameters), "client \(i) keeps the LoRA it trained")
            XCTAssertNotEqual(lora(state), fedavg, "client \(i): k = 1 differs from FedAvg, so the comparison can fail")
        }
    }

    func testANonFiniteUpdateStopsTheRunNamingClientAndRoundAndKeepsTheLastCheckpoint() throws {
        let config = TinyRun.config(.fedAvg, rounds: 3)
        func poisoning(round poisoned: Int, client: Int, value: Float) -> FederatedRunner.Hooks {
            var hooks = FederatedRunner.Hooks()
            hooks.updates = { round, updates in
                guard round == poisoned else { return }
                let name = updates[client].parameters.keys.sorted()[0]
                var t = updates[client].parameters[name]!
                t.withUnsafeMutablePointer { $0[1] = value }
                updates[client].parameters[name] = t
            }
            return hooks
        }
        let clients = try Scenario(config.scenario).clients

        // In round 2: the round-1 checkpoint stays as it was, byte for byte.
        _ = try TinyRun.runner(config, "nan", hooks: poisoning(round: 2, client: 1, value: .nan)).run(through: 1)
        let before = try Data(contentsOf: TinyRun.checkpoint("nan"))
        XCTAssertThrowsError(try TinyRun.runner(config, "nan", hooks: poisoning(round: 2, client: 1, value: .nan)).run()) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("round 2") && message.contains(clients[1].name) && message.contains("nan"), message)
            XCTAssertTrue(message.contains("checkpoint of round 1 is intact"), message)
        }
        XCTAssertEqual(try Data(contentsOf: TinyRun.checkpoint("nan")), before)
        XCTAssertEqual(try HDF5Store.read(from: TinyRun.checkpoint("nan")).attributes["completed_rounds"]?.intValue, 1)

        // In round 1: no checkpoint is written at all.
        XCTAssertThrowsError(try TinyRun.runner(config, "inf", hooks: poisoning(round: 1, client: 2, value: -.infinity)).run()) { error in
            XCTAssertTrue("\(error)".contains("round 1") && "\(error)".contains(clients[2].name) && "\(error)".contains("-inf"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: TinyRun.checkpoint("inf").path))
    }
}
