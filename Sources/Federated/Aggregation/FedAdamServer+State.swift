import Tensors

/// Saving and restoring the FedAdam moments, so a checkpointed run resumes bit-identically.
extension FedAdamServer {
    /// Prefix of first-moment entries in an exported state.
    public static let firstMomentPrefix = "m/"
    /// Prefix of second-moment entries in an exported state.
    public static let secondMomentPrefix = "v/"

    /// The moments as one parameter set: `m/<param>` and `v/<param>` for every parameter stepped so far.
    public func exportState() -> NamedTensors {
        var state = NamedTensors()
        for (name, m) in firstMoment { state[Self.firstMomentPrefix + name] = m }
        for (name, v) in secondMoment { state[Self.secondMomentPrefix + name] = v }
        return state
    }

    /// Replaces the moments with those in `state`, as written by `exportState`.
    ///
    /// Throws, leaving the state untouched, on an entry that is neither `m/…` nor `v/…`, or an `m/` entry
    /// without a `v/` entry of the same shape (or the other way round).
    public mutating func importState(_ state: NamedTensors) throws {
        var m = NamedTensors(), v = NamedTensors()
        for (key, tensor) in state {
            if key.hasPrefix(Self.firstMomentPrefix) { m[String(key.dropFirst(Self.firstMomentPrefix.count))] = tensor }
            else if key.hasPrefix(Self.secondMomentPrefix) { v[String(key.dropFirst(Self.secondMomentPrefix.count))] = tensor }
            else {
                throw AggregationError.invalidServerState(name: key, problem: "expected a name starting with 'm/' or 'v/'")
            }
        }
        for name in Set(m.keys).union(v.keys).sorted() {
            guard let first = m[name] else {
                throw AggregationError.invalidServerState(name: Self.secondMomentPrefix + name, problem: "no matching 'm/' entry")
            }
            guard let second = v[name] else {
                throw AggregationError.invalidServerState(name: Self.firstMomentPrefix + name, problem: "no matching 'v/' entry")
            }
            if first.shape != second.shape {
                throw AggregationError.invalidServerState(
                    name: name, problem: "m has shape \(first.shape) but v has shape \(second.shape)")
            }
        }
        firstMoment = m
        secondMoment = v
    }
}
