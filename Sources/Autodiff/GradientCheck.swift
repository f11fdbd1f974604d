import Tensors

/// Compares the gradients that `Tape.backward` computes with central finite differences.
///
/// The scalar checked is L = Σ f(x) ⊙ R for a fixed random R, accumulated in Double, so that
/// every output element and every path through the op is exercised.
public enum GradientCheck {
    /// Default finite-difference step (inputs are O(1); float32 forward passes).
    public static let defaultStep: Double = 1e-2
    /// Elements checked per input at most (a random subset beyond that).
    public static let maxElementsPerInput = 48

    /// The worst disagreement found.
    public struct Report: CustomStringConvertible {
        /// Largest |analytic − numeric| / (absoluteTolerance + relativeTolerance·|numeric|) seen: ≤ 1 passes.
        public var worstRatio: Double = 0
        /// Where it was: input index, element index, analytic and numeric values.
        public var worst: (input: Int, element: Int, analytic: Double, numeric: Double) = (0, 0, 0, 0)
        /// Elements compared.
        public var checked = 0

        /// Whether every compared element was within tolerance.
        public var passed: Bool { worstRatio <= 1 }

        /// The worst element in words.
        public var description: String {
            "checked \(checked) elements; worst: input \(worst.input)[\(worst.element)] analytic \(worst.analytic) numeric \(worst.numeric) (\(String(format: "%.3f", worstRatio))× tolerance)"
        }
    }

    /// Checks ∂L/∂input for every input marked in `differentiable` (all by default).
    ///
    /// - Parameters:
    ///   - inputs: the leaf values; the function must not change them.
    ///   - f: builds the op under test from leaves on a tape.
    public static func check(_ inputs: [Tensor], differentiable: [Bool]? = nil, seed: UInt64 = 0,
                             step: Double = defaultStep, absoluteTolerance: Double, relativeTolerance: Double,
                             _ f: (Tape, [Variable]) -> Variable) -> Report {
        let mask = differentiable ?? Array(repeating: true, count: inputs.count)
        var rng = RandomStream(seed: seed)
        // Analytic gradients.
        let tape = Tape()
        let leaves = zip(inputs, mask).map { Variable($0, requiresGrad: $1) }
        let out = f(tape, leaves)
        let weights = Tensor.randomNormal(out.shape, using: &rng)
        tape.backward(out, seed: weights)
        let analytic = leaves.map { $0.grad }

        func loss(_ values: [Tensor]) -> Double {
            let t = Tape()
            let y = f(t, values.map { Variable($0) })
            precondition(y.shape == weights.shape, "the function's output shape changed between calls")
            return y.value.withUnsafePointer { yp in weights.withUnsafePointer { wp in
                (0..<y.value.count).reduce(0.0) { $0 + Double(yp[$1]) * Double(wp[$1]) }
            } }
        }

        var report = Report()
        var values = inputs
        for (i, input) in inputs.enumerated() where mask[i] {
            let grad = analytic[i] ?? Tensor(zeros: input.shape)
            let elements = input.count <= maxElementsPerInput
                ? Array(0..<input.count)
                : (0..<maxElementsPerInput).map { _ in rng.nextInt(below: input.count) }
            for e in elements {
                let original = input[flat: e]
                let plus = Float(Double(original) + step), minus = Float(Double(original) - step)
                values[i][flat: e] = plus
                let lp = loss(values)
                values[i][flat: e] = minus
                let lm = loss(values)
                values[i][flat: e] = original
                let numeric = (lp - lm) / (Double(plus) - Double(minus))
                let a = Double(grad[flat: e])
                let ratio = abs(a - numeric) / (absoluteTolerance + relativeTolerance * abs(numeric))
                report.checked += 1
                if ratio > report.worstRatio {
                    report.worstRatio = ratio
                    report.worst = (i, e, a, numeric)
                }
            }
        }
        return report
    }
}
