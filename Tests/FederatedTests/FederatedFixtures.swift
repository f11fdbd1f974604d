import Federated
import Tensors
import World

/// Named tolerances for the aggregation tests.
enum FederatedTolerance {
    /// A float32 result against a hand-computed value that needs rounding (a few ulps of numbers near 1–10).
    static let rounding: Float = 1e-6
    /// A `Double` distance against a hand-computed square root.
    static let distance: Double = 1e-12
    /// A FedAdam step (float32 state, float32 β's, τ) against the same step done by hand in exact arithmetic.
    static let fedAdam: Float = 1e-6
}

/// Small hand-written parameter sets and updates.
enum Fixtures {
    /// A tensor of `scalars`, rank 1 unless `shape` is given.
    static func tensor(_ scalars: [Float], _ shape: [Int]? = nil) -> Tensor {
        Tensor(shape: shape ?? [scalars.count], scalars: scalars)
    }

    /// An update whose tensors are rank 1 with the given elements.
    static func update(_ client: Int, _ task: TaskKind = .gqa, n dataSize: Int,
                       _ parameters: [String: [Float]]) -> ClientUpdate {
        ClientUpdate(client: client, task: task, dataSize: dataSize,
                     parameters: parameters.mapValues { tensor($0) })
    }
}

/// The `AggregationError` that `body` throws; nil when it throws nothing or another kind of error.
func aggregationError(_ body: () throws -> Void) -> AggregationError? {
    do { try body() } catch let error as AggregationError { return error } catch { return nil }
    return nil
}
