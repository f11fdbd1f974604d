/// Table look-up: rows of a [vocab, d] table selected by token ids.
public enum Embedding {
    /// out[n, :] = table[ids[n], :].  table: [vocab, d]; out: [N, d]
    public static func forward(_ table: UnsafePointer<Float>, ids: [Int32], _ out: UnsafeMutablePointer<Float>,
                               vocab: Int, d: Int) {
        for (n, id) in ids.enumerated() {
            precondition(id >= 0 && Int(id) < vocab, "token id \(id) outside the vocabulary 0..<\(vocab)")
            (out + n * d).update(from: table + Int(id) * d, count: d)
        }
    }

    /// dtable[ids[n], :] += dout[n, :].  dout: [N, d]; dtable: [vocab, d] (initialised)
    public static func backward(_ dout: UnsafePointer<Float>, ids: [Int32], _ dtable: UnsafeMutablePointer<Float>, d: Int) {
        for (n, id) in ids.enumerated() {
            let dst = dtable + Int(id) * d, src = dout + n * d
            for j in 0..<d { dst[j] += src[j] }
        }
    }
}
