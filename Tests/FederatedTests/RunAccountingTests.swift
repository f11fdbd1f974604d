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

/// Activated parameters (AP) per round and client, old checkpoints without them, CT-CLIP and FedDPA inside runs.
final class RunAccountingTests: XCTestCase {
    override class func tearDown() { try? FileManager.default.removeItem(at: TinyRun.directory) }

    /// Parameter counts of the tiny model, by hand from its sizes.
    struct Sizes {
        let c = TinyModel.config
        var vocabulary: Int { c.vocabulary }
        /// Patch embedding, positions, one ViT block (2 LayerNorms, attention, MLP), final LayerNorm.
        var vision: Int { 192 * 32 + 32 + 16 * 32 + (2 * 2 * 32 + 32 * 96 + 96 + 32 * 32 + 32 + visionMLP) + 2 * 32 }
        /// fc1 and fc2 of the one ViT block.
        var visionMLP: Int { 32 * 64 + 64 + 64 * 32 + 32 }
        /// One connector-shaped adapter: 32 → 32 → 48.
        var adapter: Int { 32 * 32 + 32 + 32 * 48 + 48 }
        /// Embedding, head, two blocks (2 RMSNorms, q k v o, SwiGLU), final norm.
        var llm: Int { 2 * vocabulary * 48 + 2 * (2 * 48 + 4 * 48 * 48 + 3 * 48 * 64) + 48 }
        /// Rank-4 LoRA on q, k, v, o of both blocks.
        var lora: Int { 2 * 4 * (4 * 48 + 48 * 4) }
    }

    func testActivatedParametersFollowEachClientsModelAndAreCheckpointed() throws {
        let s = Sizes()
        let pilot = try TinyRun.runner(TinyRun.config(.pilot(PilotOptions()), clientsPerTask: 2), "ap-pilot").run()
        XCTAssertEqual(pilot.activated.count, 2)
        // Stage 1: task and client adapter. Stage 2: three experts, two cross-task adapters, the client adapter, a 3-way router.
        XCTAssertEqual(pilot.activated[0], [Int](repeating: s.vision + 2 * s.adapter + s.llm + s.lora, count: 6))
        XCTAssertEqual(pilot.activated[1], [Int](repeating: s.vision + 6 * s.adapter + 3 * 32 + s.llm + s.lora, count: 6))
        let fedavg = try TinyRun.runner(TinyRun.config(.fedAvg, rounds: 1), "ap-fedavg").run()
        XCTAssertEqual(fedavg.activated, [[Int](repeating: s.vision + s.adapter + s.llm + s.lora, count: 3)])
        let feddpa = try TinyRun.runner(TinyRun.config(.fedDPA(localWeight: 0.5), rounds: 1), "ap-feddpa").run()
        XCTAssertEqual(feddpa.activated, [[Int](repeating: s.vision + s.adapter + s.llm + 2 * s.lora, count: 3)], "both LoRAs run")

        let stored = try HDF5Store.read(from: TinyRun.checkpoint("ap-pilot")).tensors
        XCTAssertEqual(stored["metrics/activated"]?.shape, [2, 6])
        XCTAssertEqual(TinyRun.measured(RunHistory(tensors: stored, clients: 6)), TinyRun.measured(pilot))
    }

    func testACheckpointWrittenBeforeAPWasRecordedStillLoadsAndGetsItsAPBack() throws {
        let config = TinyRun.config(.pilot(PilotOptions()), clientsPerTask: 2)
        let history = try TinyRun.runner(config, "ap-old").run()
        var archive = try HDF5Store.read(from: TinyRun.checkpoint("ap-old"))
        archive.tensors["metrics/activated"] = nil
        try HDF5Store.write(archive, to: TinyRun.checkpoint("ap-old"))

        XCTAssertEqual(RunHistory(tensors: archive.tensors, clients: 6).activated, [])
        XCTAssertEqual(TinyRun.measured(try TinyRun.runner(config, "ap-old").history), TinyRun.measured(history),
                       "resuming recomputes AP of the finished rounds")

        var object = try TinyRun.jsonObject(history)
        object["activated"] = nil
        let old = try TinyRun.decodeHistory(object)
        XCTAssertEqual(old.validationScores, history.validationScores)
        XCTAssertEqual(old.scores.last, history.scores.last)
        XCTAssertEqual(old.activated, [])
    }

    func testACheckpointWrittenBeforeTestLossWasRecordedLoadsWithNaNRounds() throws {
        let config = TinyRun.config(.fedAvg, clientsPerTask: 1)
        let history = try TinyRun.runner(config, "loss-old").run()
        XCTAssertEqual(history.testLoss.count, 2)
        XCTAssertTrue(history.testLoss[1].allSatisfy { $0.isFinite && $0 > 0 }, "\(history.testLoss)")
        var archive = try HDF5Store.read(from: TinyRun.checkpoint("loss-old"))
        XCTAssertEqual(archive.tensors["metrics/test_loss"]?.shape, [2, 3])
        archive.tensors["metrics/test_loss"] = nil
        let stored = RunHistory(tensors: archive.tensors, clients: 3)
        XCTAssertEqual(stored.testLoss.count, 2)
        XCTAssertTrue(stored.testLoss.joined().allSatisfy(\.isNaN))
        XCTAssertEqual(stored.scores.last, history.scores.last)

        var object = try TinyRun.jsonObject(history)
        object["testLoss"] = nil
        let old = try TinyRun.decodeHistory(object)
        XCTAssertEqual(old.testLoss.map(\.count), [3, 3])
        XCTAssertTrue(old.testLoss.joined().allSatisfy(\.isNaN))
    }

    func testStoredItemScoresLandOnTheRoundsThatScoredTheTestSet() {
        let nan = Float.nan
        func history(scores: [Float], items: [Float]) -> RunHistory {
            RunHistory(tensors: ["metrics/scores": Tensor(shape: [scores.count, 1], scalars: scores),
                                 "metrics/test_items/0": Tensor(shape: [items.count, 1], scalars: items)], clients: 1)
        }
        // Round 1 checkpointed by code that scored every round, finished by code that scores the last round only.
        XCTAssertEqual(history(scores: [10, nan, 30], items: [10, 30]).testItemScores, [[[10]], [[]], [[30]]])
        // Item scores recorded from round 2 on, by code that scored every round.
        XCTAssertEqual(history(scores: [10, 20, 30], items: [20, 30]).testItemScores, [[[]], [[20]], [[30]]])
        // Checkpointed after round 1 of 3: no round has items yet.
        XCTAssertEqual(RunHistory(tensors: ["metrics/scores": Tensor(shape: [1, 1], scalars: [nan])], clients: 1).testItemScores, [[[]]])
    }

    func testCTCLIPSwitchKeepsOldConfigurationsAndTheirHashes() throws {
        let plain = try ConfigHash.canonicalJSON(PilotOptions())
        XCTAssertFalse(plain.contains("trainVisionMLP"), "configurations without CT-CLIP encode as before: \(plain)")
        XCTAssertEqual(try JSONDecoder().decode(PilotOptions.self, from: Data(plain.utf8)), PilotOptions())
        var clip = PilotOptions()
        clip.trainVisionMLP = true
        let encoded = try ConfigHash.canonicalJSON(clip)
        XCTAssertTrue(encoded.contains("\"trainVisionMLP\":true"))
        XCTAssertEqual(try JSONDecoder().decode(PilotOptions.self, from: Data(encoded.utf8)), clip)
        XCTAssertNotEqual(try ConfigHash.of(TinyRun.config(.pilot(clip))), try ConfigHash.of(TinyRun.config(.pilot(PilotOptions()))))
    }

    func testConfigurationsStoredBeforeTheDifferenceFormRanThePerTokenFormAndKeepTheirHashes() throws {
        var perToken = PilotOptions()
        perToken.differenceForm = .tokenGram
        let old = try ConfigHash.canonicalJSON(perToken)
        XCTAssertFalse(old.contains("differenceForm"), "the per-token form encodes as configurations did before the switch: \(old)")
        XCTAssertEqual(try JSONDecoder().decode(PilotOptions.self, from: Data(old.utf8)).differenceForm, .tokenGram)
        let current = try ConfigHash.canonicalJSON(PilotOptions())
        XCTAssertTrue(current.contains("\"differenceForm\":\"sampleCorrelation\""))
        XCTAssertEqual(try JSONDecoder().decode(PilotOptions.self, from: Data(current.utf8)), PilotOptions())
        XCTAssertNotEqual(try ConfigHash.of(TinyRun.config(.pilot(perToken))), try ConfigHash.of(TinyRun.config(.pilot(PilotOptions()))))
    }

    func testCTCLIPTrainsTheEncoderMLPAndAveragesItPerTask() throws {
        var options = PilotOptions()
        options.trainVisionMLP = true
        let config = TinyRun.config(.pilot(options), clientsPerTask: 2)
        var last: [ClientUpdate] = []
        var hooks = FederatedRunner.Hooks()
        hooks.updates = { round, updates in if round == 2 { last = updates } }
        let runner = try TinyRun.runner(config, "ctclip", hooks: hooks)
        let history = try runner.run()
        XCTAssertTrue(runner.trainFeatures.isEmpty && runner.testFeatures.isEmpty, "a training encoder's features are never cached")
        XCTAssertEqual(runner.testImages.count, 6)

        let pilot = try TinyRun.runner(TinyRun.config(.pilot(PilotOptions()), clientsPerTask: 2), "ctclip-reference").run()
        let mlp = Sizes().visionMLP
        for r in 0..<2 {
            XCTAssertEqual(history.uploaded[r], pilot.uploaded[r].map { $0 + mlp }, "round \(r + 1): the encoder MLP goes up")
            XCTAssertEqual(history.downloaded[r], pilot.downloaded[r].map { $0 + mlp }, "round \(r + 1): its task's average comes down")
        }
        XCTAssertEqual(history.activated, pilot.activated, "the same encoder runs; only what trains differs")

        let encoder = { (p: NamedTensors) in p.filter { $0.key.hasPrefix("vision.") } }
        let states = runner.clientStates
        XCTAssertEqual(Set(encoder(states[0]).keys), ["vision.blocks.0.fc1.weight", "vision.blocks.0.fc1.bias",
                                                      "vision.blocks.0.fc2.weight", "vision.blocks.0.fc2.bias"])
        let base = try HDF5Store.read(from: TinyRun.baseURL).tensors
        for task in 0..<3 {
            let members = [2 * task, 2 * task + 1]
            let average = try WeightedAverage.average(members.map { i in
                ClientUpdate(client: i, task: last[i].task, dataSize: last[i].dataSize, parameters: encoder(last[i].parameters)) })
            for i in members { XCTAssertEqual(encoder(states[i]), average, "client \(i) holds its task's average encoder MLP") }
            XCTAssertNotEqual(encoder(last[members[0]].parameters), encoder(last[members[1]].parameters), "clients trained apart")
            XCTAssertNotEqual(average["vision.blocks.0.fc1.weight"], base["vision.blocks.0.fc1.weight"], "the encoder MLP trained")
        }
        XCTAssertNotEqual(encoder(states[0]), encoder(states[2]), "tasks keep their own encoder MLP")
        let frozen = runner.model.vision.parameterValues(prefix: "vision").filter { !$0.key.contains(".fc") }
        for (name, value) in frozen { XCTAssertEqual(value, base[name], "\(name) stays frozen") }
    }

    func testTheCheckpointNamesTheKernelFamiliesThatComputedTheRun() throws {
        let config = TinyRun.config(.fedAvg)
        _ = try TinyRun.runner(config, "kernels").run(through: 1)
        XCTAssertEqual(try RunRecord.load(from: TinyRun.checkpoint("kernels")).kernelFamilies, [BLAS.coreName])

        // As if round 1 had run on a host with other kernels: resuming there adds this process's family after it.
        var archive = try HDF5Store.read(from: TinyRun.checkpoint("kernels"))
        archive.attributes[RunRecord.kernelFamiliesAttribute] = .string("Prescott")
        try HDF5Store.write(archive, to: TinyRun.checkpoint("kernels"))
        _ = try TinyRun.runner(config, "kernels").run()
        XCTAssertEqual(try RunRecord.load(from: TinyRun.checkpoint("kernels")).kernelFamilies, ["Prescott", BLAS.coreName])

        archive.attributes[RunRecord.kernelFamiliesAttribute] = nil
        try HDF5Store.write(archive, to: TinyRun.checkpoint("kernels"))
        XCTAssertEqual(try RunRecord.load(from: TinyRun.checkpoint("kernels")).kernelFamilies, [], "written before families were recorded")
    }

    func testCTCLIPResumesBitIdentically() throws {
        var options = PilotOptions()
        options.trainVisionMLP = true
        let config = TinyRun.config(.pilot(options), clientsPerTask: 2)
        let whole = try TinyRun.runner(config, "ctclip-whole").run()
        _ = try TinyRun.runner(config, "ctclip-split").run(through: 1)
        let resumed = try TinyRun.runner(config, "ctclip-split").run()
        XCTAssertEqual(TinyRun.scores(resumed), TinyRun.scores(whole))
        XCTAssertEqual(resumed.trainLoss, whole.trainLoss)
        let a = try HDF5Store.read(from: TinyRun.checkpoint("ctclip-whole")).tensors
        let b = try HDF5Store.read(from: TinyRun.checkpoint("ctclip-split")).tensors
        XCTAssertEqual(a.keys.filter { !RunHistory.wallClockTensorNames.contains($0) && a[$0] != b[$0] }.sorted(), [])
        XCTAssertTrue(a.keys.contains("server/encoder/gqa/vision.blocks.0.fc1.weight"), "the server keeps each task's encoder MLP")
    }

    func testFedDPAWeighsEachTestInstanceBySimilarity() throws {
        let runner = try TinyRun.runner(TinyRun.config(.fedDPA(localWeight: 0.5), rounds: 1), "feddpa")
        try runner.run()
        for client in runner.clients {
            var rng = RandomStream(seed: 0)
            try runner.install(client, round: 1, rng: &rng)
            let weights = try XCTUnwrap(runner.instanceWeights(of: client, examples: client.test))
            XCTAssertEqual(weights.count, client.test.count)
            XCTAssertTrue(weights.allSatisfy { $0 > 0 && $0 <= 0.5 }, "\(client.name): \(weights)")
        }
        XCTAssertNil(try TinyRun.runner(TinyRun.config(.fedAvg, rounds: 1), "feddpa-none").instanceWeights(of: runner.clients[0], examples: runner.clients[0].test))
    }
}
