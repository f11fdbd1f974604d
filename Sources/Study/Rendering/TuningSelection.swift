import Federated

/// What a tuning group selected on validation data, beside what `Tuned` records.
public struct TuningSelection: Hashable, Sendable {
    /// The group (method) name.
    public let group: String
    /// The grid point with the highest mean normalised validation score.
    public let selected: Row
    /// Its mean normalised validation score.
    public let score: Double
    /// What `Tuned` records for the group (nil: nothing yet).
    public let recorded: Row?

    /// Whether the selection differs from the recorded setting (or nothing is recorded).
    public var changed: Bool {
        guard let recorded else { return true }
        return recorded.method != selected.method || recorded.learningRate != selected.learningRate
    }

    /// "lr 5e-3, μ 0.01".
    public static func settingText(_ row: Row) -> String {
        ((row.learningRate.map { ["lr \(Tune.text($0))"] } ?? []) + [row.method.hyperparameterText].compactMap { $0 }).joined(separator: ", ")
    }
}
