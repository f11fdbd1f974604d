import Autodiff
import Checkpoint
import Foundation
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// The whole model (vision, connector, LLM) in its three variants against PyTorch with shared weights:
/// the loss, the auxiliary loss and the gradient of every trainable parameter.
final class GoldenModelTests: XCTestCase {
    struct Config: Decodable {
        let variant: String, batch: Int, text: Int, answer: Int
        let vision_width: Int, vision_layers: Int, vision_heads: Int, vision_mlp: Int
        let vocabulary: Int, width: Int, layers: Int, heads: Int, mlp: Int, connector_hidden: Int
        let lora_rank: Int, lora_alpha: Float
    }

    func load(_ variant: String) throws -> (TensorArchive, Config, MultimodalModel, TokenBatch, Tensor) {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "model_\(variant)", withExtension: "h5", subdirectory: "Fixtures"))
        let archive = try HDF5Store.read(from: url)
        let c = try XCTUnwrap(archive.json(Config.self, for: "config"))
        var config = ModelConfig()
        config.visionWidth = c.vision_width; config.visionLayers = c.vision_layers
        config.visionHeads = c.vision_heads; config.visionMLP = c.vision_mlp
        config.vocabulary = c.vocabulary; config.width = c.width; config.layers = c.layers
        config.heads = c.heads; config.mlp = c.mlp; config.connectorHidden = c.connector_hidden
        config.loraRank = c.lora_rank; config.loraAlpha = c.lora_alpha
        var rng = RandomStream(seed: 0)
        let model = MultimodalModel(config: config, rng: &rng)
        let base = model.connector as! MLPAdapter
        switch variant {
        case "pilot1":
            model.connector = PilotStage1Connector(initialisedFrom: base, detachNorm: false)   // the reference does not detach
        case "pilot2":
            model.connector = CTMoAConnector(ownTask: base, otherTasks: [base, base], client: base, config: config, rng: &rng)
        default: break
        }
        try model.load(archive.tensors(under: "params"))
        let text = try XCTUnwrap(archive.tensors["input/text"]).scalars.map { Int32($0) }
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: text.count)
        for b in 0..<c.batch {
            for t in (c.text - c.answer - 1)..<(c.text - 1) { targets[b * c.text + t] = text[b * c.text + t + 1] }
        }
        let batch = TokenBatch(tokens: text, targets: targets, batch: c.batch, length: c.text)
        return (archive, c, model, batch, try XCTUnwrap(archive.tensors["input/images"]))
    }

    func check(_ variant: String) throws {
        let (archive, _, model, batch, images) = try load(variant)
        let tape = Tape()
        let loss = model.loss(features: model.features(images, on: tape), batch: batch, on: tape)
        let expectedLoss = try XCTUnwrap(archive.tensors["output/loss"]).scalar
        XCTAssertEqual(loss.total.value.scalar, expectedLoss, accuracy: 1e-4 * max(1, abs(expectedLoss)))
        if let aux = archive.tensors["output/aux"] {
            XCTAssertEqual(loss.auxiliary.map(\.value).reduce(0, +), aux.scalar, accuracy: 1e-5 * max(1, abs(aux.scalar)))
        }
        tape.backward(loss.total)
        let expected = archive.tensors(under: "grad")
        let trainable = model.trainableParameters()
        XCTAssertEqual(Set(trainable.map(\.name)), Set(expected.keys), "trainable parameters differ from the reference's")
        for (name, v) in trainable {
            let want = try XCTUnwrap(expected[name])
            let got = try XCTUnwrap(v.grad, "no gradient for \(name)")
            assertClose(got, want, tolerance: Tolerance.goldenGradientRelative * max(maxAbs(want), 1e-3), "gradient of \(name)")
        }
    }

    func testLLaVAVariantMatchesPyTorch() throws { try check("llava") }
    func testPilotStage1MatchesPyTorch() throws { try check("pilot1") }
    func testPilotStage2MatchesPyTorch() throws { try check("pilot2") }
}
