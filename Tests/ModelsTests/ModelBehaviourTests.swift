import Autodiff
import Foundation
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// Generation with and without the KV cache, training behaviour, auxiliary losses and parameter accounting.
final class ModelBehaviourTests: XCTestCase {
    /// A reduced configuration so that tests stay fast (same structure as pilot-tiny).
    static var small: ModelConfig {
        var c = ModelConfig()
        c.visionWidth = 32; c.visionLayers = 1; c.visionMLP = 64; c.vocabulary = 40; c.width = 32
        c.layers = 2; c.heads = 2; c.mlp = 48; c.connectorHidden = 24; c.loraRank = 4; c.loraAlpha = 8
        return c
    }

    func makeBatch(batch: Int, length: Int, answer: Int, seed: UInt64) -> (TokenBatch, Tensor) {
        var rng = RandomStream(seed: seed)
        let tokens = (0..<(batch * length)).map { _ in Int32(rng.nextInt(below: 40)) }
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: tokens.count)
        for b in 0..<batch { for t in (length - answer - 1)..<(length - 1) { targets[b * length + t] = tokens[b * length + t + 1] } }
        return (TokenBatch(tokens: tokens, targets: targets, batch: batch, length: length),
                Tensor.randomNormal([batch, 3, 32, 32], using: &rng))
    }

    func testKVCacheGenerationEqualsGenerationWithoutCache() {
        var rng = RandomStream(seed: 3)
        let model = MultimodalModel(config: Self.small, rng: &rng)
        for block in model.llm.layers { block.q.loraB.value = Tensor.randomNormal([32, 4], std: 0.1, using: &rng) }
        let (_, images) = makeBatch(batch: 3, length: 1, answer: 0, seed: 4)
        let features = model.features(images, on: Tape()).value
        let prompts = (0..<15).map { _ in Int32(rng.nextInt(below: 40)) }
        let cached = model.generate(features: features, prompts: prompts, batch: 3, maxNewTokens: 10, endToken: 39)
        let plain = model.generateWithoutCache(features: features, prompts: prompts, batch: 3, maxNewTokens: 10, endToken: 39)
        XCTAssertEqual(cached, plain)
        XCTAssertTrue(cached.allSatisfy { !$0.isEmpty && $0.count <= 10 })
    }

    func testProfiledGenerationRecordsItsOpsAndDecodesTheSame() {
        var rng = RandomStream(seed: 3)
        let model = MultimodalModel(config: Self.small, rng: &rng)
        let features = model.features(makeBatch(batch: 2, length: 1, answer: 0, seed: 4).1, on: Tape()).value
        let profile = OpProfile()
        let profiled = model.generate(features: features, prompts: [1, 2, 3, 4], batch: 2, maxNewTokens: 5, endToken: -1, profile: profile)
        XCTAssertEqual(profiled, model.generate(features: features, prompts: [1, 2, 3, 4], batch: 2, maxNewTokens: 5, endToken: -1))
        let ops = Dictionary(uniqueKeysWithValues: profile.report().map { ($0.op, $0) })
        XCTAssertNotNil(ops["linear"], "the MLP and head products")
        XCTAssertNotNil(ops["rmsNorm"])
        XCTAssertEqual(profile.entries["rmsNorm"]?.calls, 5 * (2 * Self.small.layers + 1), "two norms per block and the final one, per token")
    }

    func testGenerationStopsAtTheEndToken() {
        var rng = RandomStream(seed: 5)
        let model = MultimodalModel(config: Self.small, rng: &rng)
        let features = model.features(makeBatch(batch: 2, length: 1, answer: 0, seed: 6).1, on: Tape()).value
        let free = model.generate(features: features, prompts: [1, 2, 3, 4], batch: 2, maxNewTokens: 6, endToken: -1)
        let end = free[0][2]                      // make the third token of sequence 0 the end token
        let stopped = model.generate(features: features, prompts: [1, 2, 3, 4], batch: 2, maxNewTokens: 6, endToken: end)
        XCTAssertEqual(stopped[0], Array(free[0].prefix(through: free[0].firstIndex(of: end)!)))
    }

    /// Sequences that end early leave the batch; the others, and each sequence's per-row local weight,
    /// must decode exactly as in a batch where nothing leaves (no cache) and as each sequence alone.
    func testSequencesThatEndLeaveTheBatchWithoutChangingTheOthers() {
        var rng = RandomStream(seed: 8)
        let model = MultimodalModel(config: Self.small, rng: &rng)
        for block in model.llm.layers { block.q.loraB.value = Tensor.randomNormal([32, 4], std: 0.1, using: &rng) }
        let batch = 6, promptLength = 5
        let features = model.features(makeBatch(batch: batch, length: 1, answer: 0, seed: 9).1, on: Tape()).value
        let prompts = (0..<(batch * promptLength)).map { _ in Int32(rng.nextInt(below: 40)) }
        model.localWeights = (0..<batch).map { Float($0) / Float(batch) }
        defer { model.localWeights = nil }
        let free = model.generate(features: features, prompts: prompts, batch: batch, maxNewTokens: 8, endToken: -1)
        // The end token: the token some sequence emits first, so that sequences end at different steps.
        let end = free.map { $0[1] }.first { token in free.contains { !$0.contains(token) } } ?? free[0][1]
        let cached = model.generate(features: features, prompts: prompts, batch: batch, maxNewTokens: 8, endToken: end)
        XCTAssertTrue(Set(cached.map(\.count)).count > 1, "every sequence ended at the same step: nothing left the batch")
        XCTAssertEqual(cached, model.generateWithoutCache(features: features, prompts: prompts, batch: batch, maxNewTokens: 8, endToken: end))
        let allWeights = model.localWeights!
        for b in 0..<batch {
            model.localWeights = [allWeights[b]]
            let alone = model.generate(features: features.rows([b]), prompts: Array(prompts[(b * promptLength)..<((b + 1) * promptLength)]),
                                       batch: 1, maxNewTokens: 8, endToken: end)
            XCTAssertEqual(alone[0], cached[b], "sequence \(b)")
        }
    }

    func train(_ model: MultimodalModel, steps: Int) -> [Float] {
        let (batch, images) = makeBatch(batch: 4, length: 10, answer: 4, seed: 7)
        var adam = AdamW(weightDecay: 0)
        var losses: [Float] = []
        for _ in 0..<steps {
            let tape = Tape()
            let loss = model.loss(features: model.features(images, on: tape), batch: batch, on: tape)
            losses.append(loss.total.value.scalar)
            tape.backward(loss.total)
            adam.step(model.trainableParameters(), learningRate: 1e-2)
            model.zeroGradients()
        }
        return losses
    }

    func testEveryVariantOverfitsOneBatchAndLeavesFrozenWeightsAlone() {
        for variant in ["llava", "pilot1", "pilot2"] {
            var rng = RandomStream(seed: 8)
            let model = MultimodalModel(config: Self.small, rng: &rng)
            let base = model.connector as! MLPAdapter
            if variant == "pilot1" { model.connector = PilotStage1Connector(initialisedFrom: base) }
            if variant == "pilot2" {
                model.connector = CTMoAConnector(ownTask: base, otherTasks: [MLPAdapter(inputs: 32, hidden: 24, outputs: 32, rng: &rng)],
                                                 client: base, config: Self.small, rng: &rng)
            }
            let frozen = model.namedParameters().filter { !$0.variable.requiresGrad }
            let before = frozen.map { $0.variable.value }
            let losses = train(model, steps: 60)
            XCTAssertLessThan(losses.last!, 0.5 * losses.first!, "\(variant): \(losses.first!) → \(losses.last!)")
            XCTAssertEqual(frozen.map { $0.variable.value }, before, "\(variant): a frozen weight changed")
        }
    }

    func testLossOnGatheredRowsEqualsLossOnFullLogits() {
        var rng = RandomStream(seed: 9)
        let model = MultimodalModel(config: Self.small, rng: &rng)
        let (batch, images) = makeBatch(batch: 2, length: 8, answer: 3, seed: 10)
        let tape = Tape()
        let features = model.features(images, on: tape)
        let gathered = model.loss(features: features, batch: batch, on: tape).total.value.scalar
        let visual = model.connector.connect(features, auxiliary: false, on: tape).tokens
        let h = model.llm.hidden(tape.concat([visual, model.llm.embed(batch.tokens, batch: 2, on: tape)], axis: 1), on: tape)
        let logits = model.llm.logits(h, on: tape)                         // every position
        let offset = Self.small.visualTokens
        let full = Array(repeating: CrossEntropy.ignoreIndex, count: 2 * offset).enumerated().map { $0.element }
        var targets: [Int32] = []
        for b in 0..<2 { targets += Array(full[0..<offset]) + Array(batch.targets[(b * 8)..<(b * 8 + 8)]) }
        XCTAssertEqual(tape.crossEntropy(logits, targets: targets).value.scalar, gathered, accuracy: 1e-6)
    }

    func testAuxiliaryLossesAgainstHandComputedValues() {
        var config = Self.small
        config.visionWidth = 2
        var rng = RandomStream(seed: 11)
        let own = MLPAdapter(inputs: 2, hidden: 3, outputs: 32, rng: &rng)
        let moa = CTMoAConnector(ownTask: own, otherTasks: [own, own], client: nil, config: config, rng: &rng)
        let w: [Float] = [1, 0, 0, 1, -1, 2]                              // router [3 experts, 2]
        moa.router.weight.value = Tensor(shape: [3, 2], scalars: w)
        let z: [Float] = [1, 2, 0.5, -1, 3, 0, -2, 1]                       // [1, 4 tokens, 2]
        let out = moa.connect(Variable(Tensor(shape: [1, 4, 2], scalars: z)), auxiliary: true, on: Tape())
        XCTAssertTrue(moa.connect(Variable(Tensor(shape: [1, 4, 2], scalars: z)), auxiliary: false, on: Tape()).auxiliary.isEmpty)
        var f = [Double](repeating: 0, count: 3), p = f, z2 = 0.0
        for t in 0..<4 {
            let x0 = Double(z[t * 2]), x1 = Double(z[t * 2 + 1])
            var logits: [Double] = []
            for e in 0..<3 { logits.append(Double(w[e * 2]) * x0 + Double(w[e * 2 + 1]) * x1) }
            let m: Double = logits.max()!
            let exps: [Double] = logits.map { Foundation.exp($0 - m) }
            let sum: Double = exps.reduce(0, +)
            let probs: [Double] = exps.map { $0 / sum }
            for e in 0..<3 { p[e] += probs[e] / 4 }
            f[logits.firstIndex(of: m)!] += 0.25
            let lse: Double = m + Foundation.log(sum)
            z2 += lse * lse / 4
        }
        let balance = 0.1 * 3 * zip(f, p).map(*).reduce(0, +)
        let aux = Dictionary(uniqueKeysWithValues: out.auxiliary.map { ($0.name, Double($0.loss.value.scalar)) })
        XCTAssertEqual(try XCTUnwrap(aux["load_balance"]), balance, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(aux["router_z"]), 0.01 * z2, accuracy: 1e-5)
    }

    func testParameterCountsOfPilotTiny() {
        var rng = RandomStream(seed: 1)
        let model = MultimodalModel(rng: &rng)
        let count = ParameterCount(model)
        let v = 128, d = 256, vocab = 512
        let norms = 2 * 2 * v, attention = v * 3 * v + 3 * v + v * v + v, mlp = v * 512 + 512 + 512 * v + v
        let visionTotal: Int = 192 * v + v + 16 * v + 4 * (norms + attention + mlp) + 2 * v
        XCTAssertEqual(count.vision, visionTotal)
        XCTAssertEqual(count.connector, (v * 256 + 256) + (256 * d + d))
        XCTAssertEqual(count.llmAdapters, 4 * 4 * (8 * d + d * 8))
        let layer: Int = 2 * d + 4 * d * d + 3 * d * 688
        XCTAssertEqual(count.llmBase, vocab * d + 4 * layer + d + vocab * d)
        XCTAssertEqual(count.trainable, count.connector + count.llmAdapters)
        XCTAssertEqual(count.total, count.vision + count.connector + count.llmBase + count.llmAdapters)
    }

    func testParameterGroupsSelectByName() {
        var rng = RandomStream(seed: 2)
        let model = MultimodalModel(config: Self.small, rng: &rng)
        let base = model.connector as! MLPAdapter
        model.connector = CTMoAConnector(ownTask: base, otherTasks: [base], client: base, config: Self.small, rng: &rng)
        let task = model.parameters(in: .connectorTask).map(\.name)
        XCTAssertEqual(task, ["connector.task.0.fc1.weight", "connector.task.0.fc1.bias", "connector.task.0.fc2.weight", "connector.task.0.fc2.bias"])
        XCTAssertEqual(model.parameters(in: .llmLoRA).count, 2 * 4 * 2)
        XCTAssertEqual(model.parameters(in: .visionMLP).count, 4)
        XCTAssertTrue(model.parameters(in: .llmBase).allSatisfy { !$0.variable.requiresGrad })
        XCTAssertEqual(Set(model.trainableParameters().map(\.name)),
                       Set((model.parameters(in: .connectorTask) + model.parameters(in: .connectorCross)
                            + model.parameters(in: .connectorRouter) + model.parameters(in: .llmLoRA)).map(\.name)))
    }

    func testAdaptersAreTheGlobalAndTheLocalLoRA() {
        var rng = RandomStream(seed: 3)
        let model = MultimodalModel(config: Self.small, dualLoRA: true, rng: &rng)
        let adapters = Set(model.parameters(in: .llmAdapters).map(\.name))
        XCTAssertEqual(adapters, Set((model.parameters(in: .llmLoRA) + model.parameters(in: .llmLocalLoRA)).map(\.name)))
        XCTAssertEqual(model.parameters(in: .llmLocalLoRA).count, 2 * 4 * 2)
        XCTAssertEqual(adapters, Set(model.namedParameters().map(\.name).filter { $0.contains("lora_") }))
    }
}
