import Federated

/// One row of a study: a label and the method, with its settings, that produces it.
public struct Row: StudyComponent, Hashable, Sendable {
    /// The label in tables and figure legends; unique within the study.
    public var label: String
    /// What runs.
    public var method: Method
    /// A reference row (the paper's centralized training): shown apart, never marked best.
    public var isReference: Bool

    /// A compared row.
    public init(_ label: String, _ method: Method) {
        self.label = label
        self.method = method
        isReference = false
    }

    /// A row, compared or reference.
    init(_ label: String, _ method: Method, isReference: Bool) {
        self.label = label
        self.method = method
        self.isReference = isReference
    }

    /// This row.
    public var parts: [StudyPart] { [.row(self)] }
}
