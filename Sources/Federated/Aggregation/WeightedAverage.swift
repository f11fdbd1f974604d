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
        let total = sorted.reduce(0.0) { $0 + Double($1.dataSize) }
        var result = NamedTensors()
        for (name, reference) in sorted[0].parameters {
            let n = reference.count
            var sum = [Double](repeating: 0, count: n)  // [n] Σᵢ nᵢ·θᵢ
            sum.withUnsafeMutableBufferPointer { s in
                for update in sorted {
                    let weight = Double(update.dataSize)
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
