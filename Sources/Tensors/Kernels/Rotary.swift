import Foundation

/// Rotary position embedding, rotate-half convention (LLaMA / GPT-NeoX), on [B, T, H, hd] activations.
public struct Rotary {
    /// Dimension of one head; even.
    public let headDim: Int
    /// Positions the tables cover.
    public let maxPositions: Int
    /// cos(pos · θ^(−2i/hd)) and sin(…): [maxPositions, headDim / 2]
    let cosTable: [Float], sinTable: [Float]

    /// Tables for positions 0..<maxPositions with base `theta`.
    public init(headDim: Int, maxPositions: Int, theta: Float = 10_000) {
        precondition(headDim % 2 == 0, "rotary head dimension must be even, got \(headDim)")
        self.headDim = headDim
        self.maxPositions = maxPositions
        let half = headDim / 2
        var c = [Float](repeating: 0, count: maxPositions * half), s = c
        for i in 0..<half {
            let inv = 1 / powf(theta, Float(2 * i) / Float(headDim))
            for p in 0..<maxPositions {
                let f = Float(p) * inv
                c[p * half + i] = cosf(f)
                s[p * half + i] = sinf(f)
            }
        }
        cosTable = c
        sinTable = s
    }

    /// y = x·cos + rotate_half(x)·sin for tokens at positions start..<start+T.  x, y: [B, T, H, hd]
    public func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                        batch: Int, tokens: Int, heads: Int, start: Int) {
        apply(x, y, batch: batch, tokens: tokens, heads: heads, start: start, sign: 1, accumulate: false)
    }

    /// dx = the inverse rotation of dy.  dy, dx: [B, T, H, hd]
    public func backward(_ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>,
                         batch: Int, tokens: Int, heads: Int, start: Int, accumulate: Bool) {
        apply(dy, dx, batch: batch, tokens: tokens, heads: heads, start: start, sign: -1, accumulate: accumulate)
    }

    /// Rotates every head vector by +angle (sign 1) or −angle (sign −1), rows (b, t) split across the
    /// compute threads (each element is written once, so the result does not depend on the split).
    private func apply(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, tokens: Int,
                       heads: Int, start: Int, sign: Float, accumulate: Bool) {
        precondition(start + tokens <= maxPositions, "rotary tables cover \(maxPositions) positions, asked for \(start + tokens)")
        let half = headDim / 2, width = heads * headDim
        cosTable.withUnsafeBufferPointer { cb in
            sinTable.withUnsafeBufferPointer { sb in
                let cosines = cb.baseAddress!, sines = sb.baseAddress!
                Parallel.forEachChunk(batch * tokens, grain: max(1, Elementwise.grain / max(width, 1))) { rows in
                    for row in rows {
                        let t = row % tokens
                        let c = cosines + (start + t) * half                      // [half]
                        let s = sines + (start + t) * half                        // [half]
                        for h in 0..<heads {
                            let o = row * width + h * headDim
                            let x1 = x + o, x2 = x + o + half                     // [half] each
                            let y1 = y + o, y2 = y + o + half                     // [half] each
                            if accumulate {
                                for i in 0..<half {
                                    y1[i] += x1[i] * c[i] - sign * x2[i] * s[i]
                                    y2[i] += x2[i] * c[i] + sign * x1[i] * s[i]
                                }
                            } else {
                                for i in 0..<half {
                                    let a = x1[i] * c[i] - sign * x2[i] * s[i]
                                    let d = x2[i] * c[i] + sign * x1[i] * s[i]
                                    y1[i] = a
                                    y2[i] = d
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
