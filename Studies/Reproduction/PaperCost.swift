import Study

/// A cost the paper states for a row of Table 4, in billions of parameters as printed ("0.5B").
public struct PaperCost: Hashable, Sendable {
    /// Which cost: AP (activated) or CP (communicated).
    public let measure: CostMeasure
    /// Billions of parameters.
    public let billions: Double

    public init(_ measure: CostMeasure, billions: Double) {
        self.measure = measure
        self.billions = billions
    }

    /// As the paper prints it: "0.5B", "1.75B".
    public var printed: String {
        var text = String(billions)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "B"
    }
}
