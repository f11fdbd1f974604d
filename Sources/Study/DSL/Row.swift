import Federated

/// One row of a study: a label and the method, with its settings, that produces it.
public struct Row: StudyComponent, Hashable, Sendable {
    /// The label in tables and figure legends; unique within the study.
    public var label: String
    public var method: Method
    /// A reference row (the paper's centralized training): shown apart, never marked best.
    public var isReference: Bool
    /// The local learning rate of this row's runs (nil: the settings' own, `RunDefaults.learningRate`).
    public var learningRate: Float?
    /// The method a `Tune` grid point belongs to (its label in `Tuned`), nil for an ordinary row.
    public var tuningGroup: String?

    /// A compared row, with its own learning rate when given.
    public init(_ label: String, _ method: Method, learningRate: Float? = nil) {
        self.init(label, method, isReference: false, learningRate: learningRate)
    }

    /// A row, compared or reference.
    init(_ label: String, _ method: Method, isReference: Bool, learningRate: Float? = nil, tuningGroup: String? = nil) {
        self.label = label
        self.method = method
        self.isReference = isReference
        self.learningRate = learningRate
        self.tuningGroup = tuningGroup
    }

    /// A compared row with `recorded`'s setting under `label` (default: the recorded row's own).
    public init(_ recorded: Row, label: String? = nil) {
        self.init(label ?? recorded.label, recorded.method, isReference: false, learningRate: recorded.learningRate)
    }

    /// The same setting under another label (or as a reference row).
    public func labelled(_ label: String, isReference: Bool = false) -> Row {
        Row(label, method, isReference: isReference, learningRate: learningRate)
    }

    public var parts: [StudyPart] { [.row(self)] }
}
