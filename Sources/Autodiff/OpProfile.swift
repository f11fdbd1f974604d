import Foundation

/// Time spent per op name, forward and backward, over any number of tape passes.
///
/// Forward time of an op is measured from the previous recorded op to this one, so it includes
/// the caller's code in between; pass a profile only to tapes you want to measure.
public final class OpProfile {
    /// Nanoseconds and calls per op.
    public private(set) var entries: [String: (forward: UInt64, backward: UInt64, calls: Int)] = [:]

    public init() {}

    func add(_ op: String, forward: UInt64) {
        entries[Self.shortName(op), default: (0, 0, 0)].forward += forward
        entries[Self.shortName(op), default: (0, 0, 0)].calls += 1
    }

    func add(_ op: String, backward: UInt64) {
        entries[Self.shortName(op), default: (0, 0, 0)].backward += backward
    }

    /// "linear(_:_:_:)" → "linear".
    static func shortName(_ op: String) -> String { String(op.prefix { $0 != "(" }) }

    /// Rows of (op, forward ms, backward ms, share of the total), largest first, per pass when `passes` is given.
    public func report(passes: Int = 1) -> [(op: String, forwardMs: Double, backwardMs: Double, share: Double)] {
        let total = Double(entries.values.reduce(0) { $0 + $1.forward + $1.backward })
        return entries.map { (op: $0.key, forwardMs: Double($0.value.forward) / 1e6 / Double(passes),
                              backwardMs: Double($0.value.backward) / 1e6 / Double(passes),
                              share: Double($0.value.forward + $0.value.backward) / max(total, 1)) }
            .sorted { $0.forwardMs + $0.backwardMs > $1.forwardMs + $1.backwardMs }
    }
}
