/// The settings a tuning study selected on validation data, recorded in source so that every study uses them.
///
/// `make tune` re-runs the tuning studies and `pilot study tuning` compares its selections with these;
/// a study reads a method's setting by the name its `Tune` group has:
///
/// ```swift
/// Row(Tuned.visual.row("FedProx"))          // FedProx at its selected learning rate and μ
/// ```
public struct TunedSettings: Hashable, Sendable {
    /// Where the values were selected ("tune-visual"), for captions.
    public let source: String
    /// The recorded rows, each labelled by its method's name.
    public let rows: [Row]

    /// Recorded rows from tuning study `source`.
    public init(source: String, _ rows: [Row]) {
        self.source = source
        self.rows = rows
    }

    /// The recorded setting of `name`; a missing name is a programming error in `Studies/`.
    public func row(_ name: String) -> Row {
        guard let row = rows.first(where: { $0.label == name }) else {
            preconditionFailure("no tuned setting named '\(name)' in \(source) (recorded: \(rows.map(\.label).joined(separator: ", ")))")
        }
        return row
    }

    /// The recorded learning rate of `name`.
    public func learningRate(_ name: String) -> Float? { row(name).learningRate }
}
