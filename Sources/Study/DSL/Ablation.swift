import Federated

/// Rows that add Pilot's components one at a time, as the paper's Table 3 reads.
///
/// `Ablation(adding: [.adaptiveTextAggregation, .crossTaskAdapters])` gives three rows: every listed
/// component off ("none"), then "+ ATA", then "+ cross-task adapter" (= `full`). The last row is
/// `full` itself, so it shares its runs with any other study's `full` Pilot row.
public struct Ablation: StudyComponent, Hashable, Sendable {
    /// The components, in the order they are added.
    public let components: [PilotComponent]
    /// The label of the row with every listed component off.
    public let baselineLabel: String
    /// Pilot with every component on.
    public let full: PilotOptions
    /// Every row's local learning rate (nil: the settings' own).
    public let learningRate: Float?

    /// Rows from `full` without `components`, adding them back in order.
    public init(adding components: [PilotComponent], baselineLabel: String = "none", full: PilotOptions = PilotOptions(),
                learningRate: Float? = nil) {
        self.components = components
        self.baselineLabel = baselineLabel
        self.full = full
        self.learningRate = learningRate
    }

    /// The rows: the baseline, then one per added component.
    public var rows: [Row] {
        (0...components.count).map { added in
            var options = full
            for (i, component) in components.enumerated() { component.set(i < added, in: &options, full: full) }
            let label = added == 0 ? baselineLabel : "+ \(components[added - 1].label)"
            return Row(label, .pilot(options), learningRate: learningRate)
        }
    }

    public var parts: [StudyPart] { rows.map { .row($0) } }
}
