import Tensors

/// Text of a batch: token ids and, per position, the id it must predict next (or ignore).
///
/// tokens and targets are [B, T] row-major; targets[b, t] is the token the model must produce
/// after reading tokens[b, 0...t] (the next answer token), `CrossEntropy.ignoreIndex` where no loss
/// is taken (instruction, padding). Sequences are right-padded.
public struct TokenBatch: Equatable, Sendable {
    /// [B, T]
    public var tokens: [Int32]
    /// [B, T]
    public var targets: [Int32]
    /// Sequences in the batch.
    public let batch: Int
    /// Text positions per sequence.
    public let length: Int

    /// A batch; `tokens` and `targets` must hold batch × length ids.
    public init(tokens: [Int32], targets: [Int32], batch: Int, length: Int) {
        precondition(tokens.count == batch * length && targets.count == batch * length,
                     "a batch of \(batch)×\(length) needs that many tokens and targets")
        self.tokens = tokens
        self.targets = targets
        self.batch = batch
        self.length = length
    }

    /// Positions (b, t) with a target, as flat row indices into the hidden states [B, offset + T − first]
    /// of positions first..<offset + T (`first` at most `firstTargetPosition(offset:)`).
    public func lossRows(offset: Int, from first: Int = 0) -> (rows: [Int], targets: [Int32]) {
        var rows: [Int] = [], kept: [Int32] = []
        for b in 0..<batch {
            for t in 0..<length where targets[b * length + t] != CrossEntropy.ignoreIndex {
                precondition(offset + t >= first, "a target at position \(offset + t), before position \(first)")
                rows.append(b * (offset + length - first) + offset + t - first)
                kept.append(targets[b * length + t])
            }
        }
        return (rows, kept)
    }

    /// The earliest position in [offset + T] with a target in any sequence; offset + T − 1 when none has one.
    ///
    /// Hidden states before it feed no loss: `LanguageModel.hidden(outputsFrom:)` skips them.
    public func firstTargetPosition(offset: Int) -> Int {
        let earliest = (0..<length).first { t in (0..<batch).contains { targets[$0 * length + t] != CrossEntropy.ignoreIndex } }
        return offset + (earliest ?? length - 1)
    }
}

