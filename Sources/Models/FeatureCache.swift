import Autodiff
import Foundation
import NN
import Tensors

/// Vision features of whole data sets, computed once by the frozen encoder and reused across
/// epochs and rounds, in memory.
///
/// Entries are keyed by a fingerprint of the encoder's weights and of the images, so a different
/// encoder or data set never reads stale features. An encoder with trainable parameters (CT-CLIP)
/// is never cached: its features change every step.
public final class FeatureCache {
    /// Images per encoder forward pass when filling an entry.
    public let batchSize: Int
    /// How many times the encoder has run to fill the cache (for tests and logs).
    public private(set) var computations = 0
    private var memory: [String: Tensor] = [:]
    private let lock = NSLock()

    public init(batchSize: Int = 64) {
        self.batchSize = batchSize
    }

    /// Features [N, tokens, visionWidth] of `images` [N, 3, H, W] under `encoder`.
    public func features(of images: Tensor, encoder: VisionEncoder) -> Tensor {
        if encoder.namedParameters().contains(where: { $0.variable.requiresGrad }) {
            return compute(images, encoder)
        }
        let key = String(FeatureCache.fingerprint(encoder.namedParameters().map(\.variable.value) + [images]), radix: 16)
        lock.lock()
        defer { lock.unlock() }
        if let hit = memory[key] { return hit }
        let features = compute(images, encoder)
        memory[key] = features
        return features
    }

    /// Runs the encoder over `images` in batches without recording anything.
    private func compute(_ images: Tensor, _ encoder: VisionEncoder) -> Tensor {
        computations += 1
        let n = images.shape[0], per = images.count / max(n, 1)
        var parts: [Tensor] = []
        var start = 0
        while start < n {
            let end = min(n, start + batchSize)
            var chunk = Tensor(uninitialized: [end - start] + Array(images.shape.dropFirst()))
            let count = chunk.count
            chunk.withUnsafeMutablePointer { dst in images.withUnsafePointer { dst.update(from: $0 + start * per, count: count) } }
            parts.append(encoder(chunk, on: Tape(inference: true)).value)
            start = end
        }
        let tape = Tape(inference: true)
        return parts.count == 1 ? parts[0] : tape.concat(parts.map { Variable($0) }, axis: 0).value
    }

    /// FNV-1a over the shapes and bytes of `tensors`.
    static func fingerprint(_ tensors: [Tensor]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for t in tensors {
            for d in t.shape { withUnsafeBytes(of: UInt64(d).littleEndian) { $0.forEach(mix) } }
            t.withUnsafePointer { p in UnsafeRawBufferPointer(start: p, count: t.count * 4).forEach(mix) }
        }
        return h
    }
}
