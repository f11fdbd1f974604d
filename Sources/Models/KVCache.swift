import Foundation
import Tensors

/// Keys and values of every decoder layer for a batch being generated, filled position by position.
public final class KVCache {
    /// Sequences in the batch.
    public let batch: Int
    /// Positions the cache can hold.
    public let capacity: Int
    /// Positions filled so far.
    public internal(set) var length = 0
    let heads: Int, headDim: Int
    /// Per layer: [B, capacity, H, hd]
    var keys: [Tensor], values: [Tensor]

    /// An empty cache for `layers` layers.
    public init(layers: Int, batch: Int, capacity: Int, heads: Int, headDim: Int) {
        self.batch = batch
        self.capacity = capacity
        self.heads = heads
        self.headDim = headDim
        keys = (0..<layers).map { _ in Tensor(zeros: [batch, capacity, heads, headDim]) }
        values = keys.map { Tensor(zeros: $0.shape) }
    }

    /// Writes `t` new positions of layer `layer` (k, v: [B, t, H, hd]) at `length`.
    func append(layer: Int, k: Tensor, v: Tensor) {
        let t = k.shape[1], row = heads * headDim
        precondition(length + t <= capacity, "KV cache of \(capacity) positions is full")
        for (source, isKey) in [(k, true), (v, false)] {
            let write = { (dst: UnsafeMutablePointer<Float>) in source.withUnsafePointer { src in
                for b in 0..<self.batch {
                    (dst + (b * self.capacity + self.length) * row).update(from: src + b * t * row, count: t * row)
                }
            } }
            if isKey { keys[layer].withUnsafeMutablePointer(write) } else { values[layer].withUnsafeMutablePointer(write) }
        }
    }

    /// Causal attention of queries q [B, t, H, hd], the newest t of the first `keysUsed` cached positions, over those positions of `layer`.
    func attend(layer: Int, q: Tensor, keys keysUsed: Int) -> Tensor {
        let t = q.shape[1]
        var out = Tensor(uninitialized: q.shape)
        var probs = Tensor(uninitialized: [batch, heads, t, keysUsed])
        out.withUnsafeMutablePointer { o in probs.withUnsafeMutablePointer { p in
            q.withUnsafePointer { qp in keys[layer].withUnsafePointer { kp in values[layer].withUnsafePointer { vp in
                Attention.forward(q: qp, k: kp, v: vp, out: o, probs: p, batch: batch, queries: t, keys: keysUsed,
                                  heads: heads, headDim: headDim, causal: true, keyCapacity: capacity)
            } } }
        } }
        return out
    }
}
