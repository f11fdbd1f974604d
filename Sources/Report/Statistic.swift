import Foundation

/// One quantity measured over several seeds: its values, their mean and sample standard deviation.
public struct Statistic: Codable, Hashable, Sendable {
    /// The measurements, one per seed, in the order given.
    public let values: [Double]

    /// A statistic over `values` (one per seed).
    public init(_ values: [Double]) {
        self.values = values
    }

    /// The arithmetic mean; NaN when there are no values.
    public var mean: Double {
        guard !values.isEmpty else { return .nan }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (divisor n − 1); 0 for a single value, NaN for none.
    public var standardDeviation: Double {
        guard !values.isEmpty else { return .nan }
        guard values.count > 1 else { return 0 }
        let mean = self.mean
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Whether there is at least one value and every value is finite.
    public var isFinite: Bool {
        !values.isEmpty && values.allSatisfy(\.isFinite)
    }
}
