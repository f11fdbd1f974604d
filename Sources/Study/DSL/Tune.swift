import Federated

/// A grid search of one method on validation data: a row for every learning rate × setting, all in one tuning group.
///
/// `Tune("FedProx", [.fedProx(mu: 0.001), .fedProx(mu: 0.01)], learningRates: [1e-3, 5e-3])` gives four rows,
/// labelled "FedProx lr 1e-3 μ 0.001" and so on. `StudyResults.tuningSelections` picks, per group, the row
/// with the highest mean normalised validation score after the last round; `Tuned` records the choice
/// (`recorded`) that the paper's studies use, and a study compares the two when it renders.
public struct Tune: StudyComponent, Hashable, Sendable {
    /// The group's name: the method as the tables name it ("FedAvg").
    public let name: String
    /// The method's settings to try (μ, η, λ, Pilot's switches).
    public let methods: [Method]
    /// The local learning rates to try with each.
    public let learningRates: [Float]
    /// The setting `Tuned` records for this group, compared with the selection when the study renders.
    public let recorded: Row?

    /// Every combination of `methods` and `learningRates`.
    public init(_ name: String, _ methods: [Method], learningRates: [Float], recorded: Row? = nil) {
        self.name = name
        self.methods = methods
        self.learningRates = learningRates
        self.recorded = recorded
    }

    /// One method at each of `learningRates`.
    public init(_ name: String, _ method: Method, learningRates: [Float], recorded: Row? = nil) {
        self.init(name, [method], learningRates: learningRates, recorded: recorded)
    }

    /// The grid's rows, learning rate by learning rate, then setting by setting.
    public var rows: [Row] {
        learningRates.flatMap { rate in
            methods.map { method in
                let label = ([name, "lr \(Self.text(rate))"] + (method.hyperparameterText.map { [$0] } ?? [])).joined(separator: " ")
                return Row(label, method, isReference: false, learningRate: rate, tuningGroup: name)
            }
        }
    }

    /// The rows as parts, and the recorded choice.
    public var parts: [StudyPart] { rows.map { .row($0) } + [.tuned(name, recorded)] }

    /// A rate as it is written in labels: "5e-3", "1e-2", "2.5e-3".
    public static func text(_ value: Float) -> String {
        guard value > 0, value.isFinite else { return "\(value)" }
        var exponent = Int((Double(value)).log10Floor)
        var mantissa = Double(value) / pow10(exponent)
        if mantissa >= 9.9995 { mantissa /= 10; exponent += 1 }
        let digits = String(format: "%.3g", mantissa)
        return "\(digits)e\(exponent)"
    }

    private static func pow10(_ e: Int) -> Double { e >= 0 ? (0..<e).reduce(1.0) { r, _ in r * 10 } : 1 / pow10(-e) }
}

extension Double {
    /// ⌊log₁₀ x⌋ for positive x, by repeated division (exact at powers of ten, unlike `log10`).
    fileprivate var log10Floor: Int {
        var x = self, e = 0
        while x >= 10 { x /= 10; e += 1 }
        while x < 1 { x *= 10; e -= 1 }
        return e
    }
}
