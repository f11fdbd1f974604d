import Tensors

/// The data-size-weighted average of client parameter sets: FedAvg's server step.
///
/// FedAvg: McMahan, Moore, Ramage, Hampson & Agüera y Arcas, "Communication-Efficient Learning of Deep
/// Networks from Decentralized Data", AISTATS 2017. Every tensor becomes θ = Σᵢ nᵢ·θᵢ / Σᵢ nᵢ with nᵢ
/// client i's data size. Products and sums are taken in `Double` in increasing client index and rounded
/// to `Float` once, so the result is bit-reproducible and independent of the order of `updates`; the
/// average of a single client is that client's parameters exactly.
public enum WeightedAverage {
    /// The data-size-weighted average of `updates`; throws unless they have identical names and shapes and positive weights.
    public static func average(_ updates: [ClientUpdate]) throws -> NamedTensors {
        let sorted = try UpdateValidation.validated(updates)
        return average(sorted, weights: sorted.map { Double($0.dataSize) })
    }

    /// Σᵢ wᵢ·θᵢ / Σᵢ wᵢ over `updates` with the given weight per client index (ATA's distance weights);
    /// throws unless the updates are compatible and every client has a positive, finite weight.
    public static func average(_ updates: [ClientUpdate], weights: [Int: Double]) throws -> NamedTensors {
        let sorted = try UpdateValidation.validated(updates)
        let values = try sorted.map { update -> Double in
            guard let w = weights[update.client], w > 0, w.isFinite else {
                throw AggregationError.invalidWeight(client: update.client, weight: weights[update.client] ?? .nan)
            }
            return w
        }
        return average(sorted, weights: values)
    }

    /// The average of already validated, client-sorted updates with weights in the same order.
    private static func average(_ sorted: [ClientUpdate], weights: [Double]) -> NamedTensors {
        let total = weights.reduce(0, +)
        var result = NamedTensors()
        for (name, reference) in sorted[0].parameters {
            let n = reference.count
            var sum = [Double](repeating: 0, count: n)  // [n] Σᵢ wᵢ·θᵢ
            sum.withUnsafeMutableBufferPointer { s in
                for (update, weight) in zip(sorted, weights) {
                    update.parameters[name]!.withUnsafePointer { p in
                        for i in 0..<n { s[i] += weight * Double(p[i]) }
                    }
                }
            }
            var average = Tensor(uninitialized: reference.shape)  // same shape as every client's tensor
            average.withUnsafeMutablePointer { a in
                for i in 0..<n { a[i] = Float(sum[i] / total) }
            }
            result[name] = average
        }
        return result
    }
}
