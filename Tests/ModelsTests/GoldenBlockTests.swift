import Autodiff
import Checkpoint
import Foundation
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// One LLaMA block and one ViT block against PyTorch (`scripts/make_golden_fixtures.py` runs the
/// independent PyTorch reference in `reference/pilot_tiny.py`), forward and backward, with every
/// parameter trainable so that every weight-gradient kernel is compared.
final class GoldenBlockTests: XCTestCase {
    struct Config: Decodable {
        let width: Int, heads: Int, mlp: Int, eps: Float, batch: Int, tokens: Int
        let lora_rank: Int?, lora_alpha: Float?, rope_theta: Float?
    }

    func fixture(_ name: String) throws -> (TensorArchive, Config) {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "h5", subdirectory: "Fixtures"))
        let archive = try HDF5Store.read(from: url)
        return (archive, try XCTUnwrap(archive.json(Config.self, for: "config")))
    }

    /// Runs `forward` on the fixture's input, back-propagates its upstream gradient and compares everything.
    func compare(_ archive: TensorArchive, _ block: ParameterContainer, forward: (Tape, Variable) -> Variable) throws {
        try block.load(archive.tensors(under: "params"))
        block.setTrainable(true)
        let tape = Tape()
        let x = Variable(try XCTUnwrap(archive.tensors["input/x"]), requiresGrad: true)
        let y = forward(tape, x)
        assertClose(y.value, try XCTUnwrap(archive.tensors["output/y"]), tolerance: Tolerance.goldenForward, "output")
        tape.backward(y, seed: try XCTUnwrap(archive.tensors["input/dy"]))
        var expected = archive.tensors(under: "grad/params")
        expected["x"] = archive.tensors["grad/x"]
        var actual: [String: Tensor] = ["x": try XCTUnwrap(x.grad)]
        for (name, v) in block.namedParameters() { actual[name] = v.grad }
        XCTAssertEqual(Set(actual.keys), Set(expected.keys))
        for (name, want) in expected {
            let got = try XCTUnwrap(actual[name], "no gradient for \(name)")
            let scale = max(maxAbs(want), 1e-3)
            assertClose(got, want, tolerance: Tolerance.goldenGradientRelative * scale, "gradient of \(name)")
        }
    }

    func testLlamaBlockMatchesPyTorch() throws {
        let (archive, c) = try fixture("llama_block")
        var rng = RandomStream(seed: 0)
        let block = LlamaBlock(width: c.width, heads: c.heads, mlpWidth: c.mlp, eps: c.eps,
                               loraRank: try XCTUnwrap(c.lora_rank), loraAlpha: try XCTUnwrap(c.lora_alpha), rng: &rng)
        let rotary = Rotary(headDim: c.width / c.heads, maxPositions: c.tokens, theta: try XCTUnwrap(c.rope_theta))
        try compare(archive, block) { tape, x in block(x, rotary: rotary, on: tape) }
    }

    func testViTBlockMatchesPyTorch() throws {
        let (archive, c) = try fixture("vit_block")
        var rng = RandomStream(seed: 0)
        let block = ViTBlock(width: c.width, heads: c.heads, mlpWidth: c.mlp, eps: c.eps, rng: &rng)
        try compare(archive, block) { tape, x in block(x, on: tape) }
    }

    func testLoadingRejectsAMissingOrMisshapenParameter() throws {
        let (archive, c) = try fixture("vit_block")
        var rng = RandomStream(seed: 0)
        let block = ViTBlock(width: c.width, heads: c.heads, mlpWidth: c.mlp, eps: c.eps, rng: &rng)
        var params = archive.tensors(under: "params")
        params["fc1.bias"] = nil
        XCTAssertThrowsError(try block.load(params)) { XCTAssertEqual($0 as? ParameterError, .missing("fc1.bias")) }
        params["fc1.bias"] = Tensor(zeros: [3])
        XCTAssertThrowsError(try block.load(params))
    }
}
