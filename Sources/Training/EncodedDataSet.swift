import Models
import Tensors
import World

/// A data set ready for the model: pictures as one tensor, texts as token ids.
public struct EncodedDataSet {
    /// [N, 3, side, side] in [-1, 1].
    public let images: Tensor
    /// Token ids per sample.
    public let samples: [EncodedSample]

    /// Renders and tokenizes `samples`.
    public init<Sample: InstructionSample>(_ samples: [Sample], tokenizer: Tokenizer) {
        images = EncodedDataSet.images(of: samples.map(\.scene))
        self.samples = samples.map { EncodedSample($0, tokenizer: tokenizer) }
    }

    /// The rendered pictures of `scenes`: [N, 3, side, side] in [-1, 1].
    public static func images(of scenes: [Scene]) -> Tensor {
        let side = Scene.side
        var images = Tensor(uninitialized: [scenes.count, 3, side, side])
        let plane = 3 * side * side
        images.withUnsafeMutablePointer { out in
            for (i, scene) in scenes.enumerated() {
                let pixels = SceneRenderer.render(scene).channelFirst()    // [3, side, side]
                for j in 0..<plane { out[i * plane + j] = pixels[j] }
            }
        }
        return images
    }

    public var count: Int { samples.count }

    /// Teacher-forcing batch of `indices`: inputs right-padded with `<pad>`, targets ignored off the answer.
    public func tokenBatch(_ indices: [Int]) -> TokenBatch { Self.tokenBatch(indices.map { samples[$0] }) }

    /// Teacher-forcing batch of `samples`, as `tokenBatch(_:)`; for token ids without pictures.
    public static func tokenBatch(_ samples: [EncodedSample]) -> TokenBatch {
        let length = samples.map(\.inputs.count).max() ?? 0
        var tokens = [Int32](repeating: Tokenizer.pad, count: samples.count * length)       // [B, T]
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: samples.count * length)  // [B, T]
        for (b, sample) in samples.enumerated() {
            for (t, id) in sample.inputs.enumerated() { tokens[b * length + t] = id }
            for (t, target) in sample.targets.enumerated() { if let target { targets[b * length + t] = target } }
        }
        return TokenBatch(tokens: tokens, targets: targets, batch: samples.count, length: length)
    }

    /// Number of answer tokens (targets) in `indices`.
    public func targetCount(_ indices: [Int]) -> Int { Self.targetCount(indices.map { samples[$0] }) }

    /// Number of answer tokens (targets) in `samples`.
    public static func targetCount(_ samples: [EncodedSample]) -> Int { samples.reduce(0) { $0 + $1.answer.count } }
}
