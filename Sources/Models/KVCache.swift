import Foundation
import Tensors

/// Keys and values of every decoder layer for a batch being generated, filled position by position.
public final class KVCache {
    /// Sequences in the batch (fewer than the storage holds after `keep(rows:)`).
    public private(set) var batch: Int
    /// Positions the cache can hold.
    public let capacity: Int
    /// Positions filled so far.
    public internal(set) var length = 0
    let heads: Int, headDim: Int
    /// Per layer: [B₀, capacity, H, hd], B₀ the batch at creation; the first `batch` rows are in use
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

    /// Keeps only sequences `rows` (ascending indices of the current batch), moved to the front in that order,
    /// so that decoding does no more work for sequences that have ended.
    public func keep(rows: [Int]) {
        precondition(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 } && (rows.last ?? -1) < batch, "rows must ascend within the batch")
        let block = capacity * heads * headDim, used = length * heads * headDim
        for layer in keys.indices {
            for isKey in [true, false] {
                let move = { (p: UnsafeMutablePointer<Float>) in
                    for (to, from) in rows.enumerated() where to != from { (p + to * block).update(from: p + from * block, count: used) }
                }
                if isKey { keys[layer].withUnsafeMutablePointer(move) } else { values[layer].withUnsafeMutablePointer(move) }
            }
        }
        batch = rows.count
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
